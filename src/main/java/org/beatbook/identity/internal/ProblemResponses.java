package org.beatbook.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 401 and 403 answers of the API chain, written by security filters before any controller runs: RFC 9457
 * problem JSON with a title in the caller's language ({@code ?lang=en}, else the language cookie, else Chinese).
 */
@Component
class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;
    private final LocaleResolver locales;

    ProblemResponses(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(request, response, 401, "identity.api.unauthorized");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, 403, "identity.api.forbidden");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String detailKey)
            throws IOException {
        Locale locale = locale(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", messages.getMessage("error.status." + status, null, String.valueOf(status), locale));
        body.put("status", status);
        String detail = messages.getMessage(detailKey, null, "", locale);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.put("errors", List.of(Map.of("message", detail)));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }

    private Locale locale(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if (StringUtils.hasText(lang)) {
            try {
                Locale l = StringUtils.parseLocale(lang);
                if (l != null) {
                    return l;
                }
            } catch (IllegalArgumentException ignored) {
                // an unknown language falls back like a missing one
            }
        }
        return locales.resolveLocale(request);
    }
}
