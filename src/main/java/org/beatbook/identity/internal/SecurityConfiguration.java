package org.beatbook.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Placeholder chain: replaced by the full sign-in (password + TOTP, tokens) of the identity module. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/css/**", "/js/**", "/webjars/**", "/error", "/login").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.permitAll());
        return http.build();
    }
}
