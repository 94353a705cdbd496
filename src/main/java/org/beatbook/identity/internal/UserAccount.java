package org.beatbook.identity.internal;

import org.beatbook.shared.security.Role;

import java.time.Instant;
import java.util.List;

/** A user account as stored. Never bound to a form or a JSON body; never leaves the module. */
public record UserAccount(long id, String username, String displayName, Role role, String passwordHash,
                          boolean passwordMustChange, String totpSecret, boolean totpEnrolled, Long totpLastStep,
                          int failedAttempts, Instant lockedUntil, boolean enabled, int securityStamp,
                          Instant createdAt, Instant updatedAt, Instant lastSignInAt, long version,
                          List<String> jurisdiction) {

    public UserAccount {
        jurisdiction = List.copyOf(jurisdiction);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
