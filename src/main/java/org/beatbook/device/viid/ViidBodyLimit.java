package org.beatbook.device.viid;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.device.viid.ViidReplies.StatusReply;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * A GA/T 1400 body that declares a length over {@code beatbook.web.max-body-bytes} is answered here, before the
 * shared size filter would answer it in problem JSON: devices read ResponseStatus objects, so it gets one (HTTP 413,
 * StatusCode 1, a StatusString naming the limit). Bodies up to {@link #DRAIN_FACTOR} times the limit are read to
 * the end first, so a device still sending reads the answer rather than a reset connection. A body without a declared
 * length that grows past the limit is cut off by the shared filter while it is read and answered the same way by
 * {@link ViidController}.
 */
class ViidBodyLimit extends OncePerRequestFilter {

    /**
     * Registered here rather than as a component, so that MVC test slices (which pick up every filter component)
     * need no GA/T 1400 beans.
     */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<ViidBodyLimit> viidBodyLimit(
                @Value("${beatbook.web.max-body-bytes:2097152}") long limit, ViidAnswers answers, ObjectMapper json,
                LocaleResolver localeResolver) {
            FilterRegistrationBean<ViidBodyLimit> bean =
                    new FilterRegistrationBean<>(new ViidBodyLimit(limit, answers, json, localeResolver));
            bean.addUrlPatterns("/VIID/*");
            // ahead of the shared BodySizeLimitFilter (HIGHEST_PRECEDENCE + 10)
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
            return bean;
        }
    }

    /** Bodies up to this many times the limit are read to the end before the answer; larger ones are not. */
    private static final long DRAIN_FACTOR = 8;

    private final long limit;
    private final ViidAnswers answers;
    private final ObjectMapper json;
    private final LocaleResolver locales;

    ViidBodyLimit(long limit, ViidAnswers answers, ObjectMapper json, LocaleResolver localeResolver) {
        this.limit = limit;
        this.answers = answers;
        this.json = json;
        this.locales = localeResolver;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/VIID/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() <= limit) {
            chain.doFilter(request, response);
            return;
        }
        StatusReply reply = tooLarge(answers, request, locales.resolveLocale(request), limit);
        if (request.getContentLengthLong() <= DRAIN_FACTOR * limit) {
            request.getInputStream().transferTo(OutputStream.nullOutputStream());
        } else {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(ViidAnswers.VIID_JSON.toString());
        response.getOutputStream().write(json.writeValueAsBytes(reply));
    }

    static StatusReply tooLarge(ViidAnswers answers, HttpServletRequest request, Locale locale, long limit) {
        return new StatusReply(answers.status(request.getHeader(ViidController.USER_IDENTIFY), request.getRequestURI(),
                ViidReplies.OTHER_ERROR, answers.text("viid.body.tooLarge", locale, limit)));
    }
}
