package org.beatbook.device.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.device.DeviceDirectory;
import org.beatbook.device.DeviceRef;
import org.beatbook.identity.SecurityChainOrder;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Devices push to {@code /api/v1/device-events} with their own bearer token: a stateless chain of its own, before
 * the user chains, without sessions or CSRF. An unknown, rotated-away or deactivated token answers 401.
 */
@Configuration(proxyBeanMethods = false)
class DeviceSecurityConfiguration {

    static final String DEVICE_ATTRIBUTE = "beatbook.device";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    @Order(SecurityChainOrder.DEVICES)
    SecurityFilterChain deviceEvents(HttpSecurity http, DeviceDirectory directory, MessageSource messages,
                                     LocaleResolver locales) throws Exception {
        http.securityMatcher("/api/v1/device-events")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("DEVICE"))
                .addFilterAfter(new DeviceTokenFilter(directory, messages, locales), SecurityContextHolderFilter.class)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) ->
                        unauthorized(req, res, messages, locales)));
        return http.build();
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, MessageSource messages,
                             LocaleResolver locales) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String detail = messages.getMessage("device.api.unauthorized", null, "", locale);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", messages.getMessage("error.status.401", null, "401", locale));
        body.put("status", 401);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.put("errors", List.of(Map.of("field", "Authorization", "message", detail)));
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setStatus(401);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }

    /** The device a bearer token stands for, for this request only. */
    static final class DeviceTokenFilter extends OncePerRequestFilter {

        private final DeviceDirectory directory;
        private final MessageSource messages;
        private final LocaleResolver locales;

        DeviceTokenFilter(DeviceDirectory directory, MessageSource messages, LocaleResolver locales) {
            this.directory = directory;
            this.messages = messages;
            this.locales = locales;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            Optional<DeviceRef> device = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? directory.byToken(header.substring(7).strip()) : Optional.empty();
            if (device.isEmpty()) {
                unauthorized(request, response, messages, locales);
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(device.get().deviceId(),
                    null, AuthorityUtils.createAuthorityList("ROLE_DEVICE")));
            SecurityContextHolder.setContext(context);
            request.setAttribute(DEVICE_ATTRIBUTE, device.get());
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
