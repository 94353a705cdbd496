package org.beatbook.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.CallerAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Keeps a signed-in session's {@link Caller} current: on every request the caller is rebuilt from the account
 * (role, name, jurisdiction and the jurisdiction's current subtree paths). A disabled account, or one whose
 * password or TOTP was reset since sign-in, loses its session here.
 */
class SessionCallerFilter extends OncePerRequestFilter {

    static final String STAMP_ATTRIBUTE = SessionCallerFilter.class.getName() + ".stamp";

    private final CallerFactory callers;

    SessionCallerFilter(CallerFactory callers) {
        this.callers = callers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (BearerTokenFilter.hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        Object stamp = session == null ? null : session.getAttribute(STAMP_ATTRIBUTE);
        // Every session signed in by SignInSessions carries a stamp; an authentication without one was not put
        // there by a sign-in (e.g. a test's mock authentication) and is left as it is.
        if (auth instanceof CallerAuthentication signedIn && stamp instanceof Integer s) {
            Optional<Caller> fresh = callers.refresh(signedIn.getPrincipal().userId(), s);
            if (fresh.isPresent()) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new CallerAuthentication(fresh.get()));
                SecurityContextHolder.setContext(context);
            } else {
                SecurityContextHolder.clearContext();
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
