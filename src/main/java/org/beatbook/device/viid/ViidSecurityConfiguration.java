package org.beatbook.device.viid;

import org.beatbook.identity.SecurityChainOrder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /VIID/**} is for GA/T 1400 devices, not users: no sessions, no CSRF, no sign-in page. The protocol's own
 * authentication (Digest on Register, then a registered User-Identify) is checked by {@link ViidSessions}, which
 * answers in ResponseStatus objects as devices expect.
 */
@Configuration(proxyBeanMethods = false)
class ViidSecurityConfiguration {

    @Bean
    @Order(SecurityChainOrder.DEVICES)
    SecurityFilterChain viidDevices(HttpSecurity http) throws Exception {
        http.securityMatcher("/VIID/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
