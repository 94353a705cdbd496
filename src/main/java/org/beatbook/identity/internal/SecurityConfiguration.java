package org.beatbook.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.identity.SecurityChainOrder;
import org.beatbook.shared.security.CallerAuthentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import java.io.IOException;

/**
 * The user-facing security chains (see ADR 0004). {@code /api/v1/**}: a bearer token (stateless, no CSRF) or the
 * signed-in browser session (with CSRF for writes); 401/403 as problem JSON. Everything else: pages signed in
 * with password and TOTP by the {@code /login} pages; unauthenticated visits go to /login. Chains for devices
 * go before these ({@link SecurityChainOrder}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final String[] PUBLIC = {"/login", "/login/**", "/css/**", "/js/**", "/webjars/**", "/error",
            "/favicon.ico", "/v3/api-docs", "/v3/api-docs/**", "/api-docs.html", "/swagger-ui/**"};

    /**
     * Sign-in does not go through an AuthenticationManager (the /login pages drive {@link SignInService}); this one
     * refuses everything, and its presence keeps Spring Boot from creating a default user with a generated password.
     */
    @Bean
    AuthenticationManager noAuthenticationManager() {
        return authentication -> {
            throw new ProviderNotFoundException("sign-in goes through the /login pages");
        };
    }

    /** Refusals become {@code AuthorizationDeniedEvent}s, which {@link AccessDeniedAudit} writes to the audit log. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @Order(SecurityChainOrder.USER_API)
    SecurityFilterChain userApi(HttpSecurity http, SecurityContextRepository contexts, CallerFactory callers,
                                ApiTokens tokens, ProblemResponses problems) throws Exception {
        http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .securityContext(c -> c.securityContextRepository(contexts))
                .addFilterAfter(new SessionCallerFilter(callers), SecurityContextHolderFilter.class)
                .addFilterAfter(new BearerTokenFilter(tokens, problems), SessionCallerFilter.class)
                // CSRF guards the ambient credential of a browser session; a bearer call, or a call without any
                // session, carries none, so an anonymous script gets the honest 401 rather than a CSRF 403.
                .csrf(c -> c.ignoringRequestMatchers(BearerTokenFilter::hasBearer, req -> req.getSession(false) == null))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(a -> { })
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.unauthorized(req, res))
                        .accessDeniedHandler((req, res, ex) -> problems.forbidden(req, res)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    @Bean
    @Order(SecurityChainOrder.USER_WEB)
    SecurityFilterChain userWeb(HttpSecurity http, SecurityContextRepository contexts, CallerFactory callers,
                                FirstRunSetup setup, SignInService signIn) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/setup", "/setup/**").access((auth, ctx) -> new AuthorizationDecision(setup.open()))
                        .anyRequest().authenticated())
                .securityContext(c -> c.securityContextRepository(contexts))
                .addFilterAfter(new SessionCallerFilter(callers), SecurityContextHolderFilter.class)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s
                        .sessionFixation(f -> f.changeSessionId())
                        .invalidSessionStrategy((req, res) -> {
                            req.getSession(true); // a fresh session (and cookie), so the login page does not loop
                            toLogin(req, res, "/login?expired");
                        }))
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> toLogin(req, res, "/login")))
                .logout(l -> l.logoutUrl("/logout")
                        .addLogoutHandler(auditSignOut(signIn))
                        .logoutSuccessUrl("/login?signedOut")
                        .deleteCookies("JSESSIONID"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static LogoutHandler auditSignOut(SignInService signIn) {
        return (HttpServletRequest req, HttpServletResponse res, Authentication auth) -> {
            if (auth instanceof CallerAuthentication c) {
                signIn.signedOut(c.getPrincipal());
            }
        };
    }

    /** To the sign-in page; an htmx request is told to load it as a whole page instead of swapping it in. */
    static void toLogin(HttpServletRequest req, HttpServletResponse res, String target) throws IOException {
        String url = req.getContextPath() + target;
        if (req.getHeader("HX-Request") != null) {
            res.setHeader("HX-Redirect", url);
            res.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            res.sendRedirect(url);
        }
    }
}
