package org.beatbook.identity.internal;

import org.beatbook.shared.security.Role;

import java.time.Instant;
import java.util.List;

/** An account as administrators see it: no hashes, no secrets. */
public record UserView(long id, String username, String displayName, Role role, List<String> jurisdiction,
                       boolean enabled, boolean locked, Instant lockedUntil, boolean totpEnrolled,
                       boolean passwordMustChange, Instant createdAt, Instant lastSignInAt, long version) {

    public UserView {
        jurisdiction = List.copyOf(jurisdiction);
    }

    static UserView of(UserAccount u, Instant now) {
        return new UserView(u.id(), u.username(), u.displayName(), u.role(), u.jurisdiction(), u.enabled(),
                u.lockedAt(now), u.lockedAt(now) ? u.lockedUntil() : null, u.totpEnrolled(), u.passwordMustChange(),
                u.createdAt(), u.lastSignInAt(), u.version());
    }
}
