package org.beatbook.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.aopalliance.intercept.MethodInvocation;
import org.beatbook.shared.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every refusal of a signed-in caller (a URL rule or a {@code @PreAuthorize} on a controller) leaves an audit row
 * {@code ACCESS_DENIED} with result DENIED: who, which request (method and path, never the query string, which can
 * hold a searched name or number), which handler, and the rule that refused. Anonymous visitors are not audited
 * (they are sent to sign in; failed sign-ins have their own rows). The refusals a module decides itself (a reveal
 * without the right, an export without a purpose) already write their own DENIED rows.
 */
@Component
class AccessDeniedAudit {

    static final String ACTION = "ACCESS_DENIED";

    private final ApplicationEventPublisher events;

    AccessDeniedAudit(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void on(AuthorizationDeniedEvent<?> denied) {
        Authentication who = denied.getAuthentication().get();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            return;
        }
        Object secured = denied.getSource();
        HttpServletRequest request = secured instanceof HttpServletRequest r ? r : currentRequest();
        String target = request == null ? null : request.getMethod() + " " + request.getRequestURI();
        String handler = secured instanceof MethodInvocation m
                ? m.getMethod().getDeclaringClass().getSimpleName() + "." + m.getMethod().getName() : null;
        events.publishEvent(new AuditEvent(ACTION, handler == null ? "REQUEST" : "HANDLER",
                target != null ? target : handler, null, null, AuditEvent.Result.DENIED,
                detail(handler, target, denied.getAuthorizationResult()), who.getName()));
    }

    private static String detail(String handler, String target, AuthorizationResult result) {
        StringBuilder b = new StringBuilder();
        if (handler != null && target != null) {
            b.append("handler=").append(handler).append("; ");
        }
        return b.append("rule=").append(result).toString();
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest() : null;
    }
}
