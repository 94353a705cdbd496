package org.beatbook.shared.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Optional;

/**
 * Who is calling: the signed-in user (page session or API token), with role and jurisdiction.
 * The identity module puts one in the security context as the authentication's principal.
 *
 * @param jurisdictionCodes the address node codes the user holds
 * @param scope             those nodes as subtree paths, kept current when nodes move
 */
public record Caller(long userId, String username, String displayName, Role role,
                     List<String> jurisdictionCodes, Scope scope) {

    public Caller {
        jurisdictionCodes = List.copyOf(jurisdictionCodes);
    }

    /** The caller of the current request; throws when nobody is signed in. */
    public static Caller current() {
        return find().orElseThrow(() -> new IllegalStateException("no signed-in caller"));
    }

    public static Optional<Caller> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Caller caller) {
            return Optional.of(caller);
        }
        return Optional.empty();
    }

    public boolean has(Role r) {
        return role == r;
    }
}
