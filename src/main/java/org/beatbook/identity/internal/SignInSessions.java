package org.beatbook.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.CallerAuthentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * What the sign-in pages keep in the session: a {@link PendingSignIn} between the steps, and only once the
 * second factor passed, the authenticated {@link Caller}. The session id changes at each step (fixation).
 */
@Component
public class SignInSessions {

    private final SecurityContextRepository contexts;

    SignInSessions(SecurityContextRepository contexts) {
        this.contexts = contexts;
    }

    public PendingSignIn pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (PendingSignIn) session.getAttribute(PendingSignIn.SESSION_ATTRIBUTE);
    }

    public void keepPending(HttpServletRequest request, PendingSignIn pending) {
        HttpSession session = request.getSession(true);
        if (pending(request) == null) {
            request.changeSessionId();
        }
        session.setAttribute(PendingSignIn.SESSION_ATTRIBUTE, pending);
    }

    public void clearPending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PendingSignIn.SESSION_ATTRIBUTE);
        }
    }

    public void signIn(HttpServletRequest request, HttpServletResponse response, Caller caller, int securityStamp) {
        clearPending(request);
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(SessionCallerFilter.STAMP_ATTRIBUTE, securityStamp);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
