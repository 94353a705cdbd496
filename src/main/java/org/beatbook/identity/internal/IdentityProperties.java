package org.beatbook.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Sign-in settings ({@code beatbook.identity.*}).
 *
 * @param maxFailedAttempts consecutive failures (password or TOTP) that lock an account
 * @param lockDuration      how long a locked account stays locked
 * @param pendingTimeout    how long a password-only (pending) sign-in may wait for its second factor
 * @param bcryptCost        bcrypt work factor for new password hashes (at least 10)
 * @param totpIssuer        issuer shown in authenticator apps
 */
@ConfigurationProperties("beatbook.identity")
public record IdentityProperties(@DefaultValue("5") int maxFailedAttempts,
                                 @DefaultValue("15m") Duration lockDuration,
                                 @DefaultValue("5m") Duration pendingTimeout,
                                 @DefaultValue("12") int bcryptCost,
                                 @DefaultValue("Beatbook") String totpIssuer) {

    public IdentityProperties {
        if (maxFailedAttempts < 1) {
            throw new IllegalArgumentException("beatbook.identity.max-failed-attempts must be at least 1");
        }
        if (bcryptCost < 10 || bcryptCost > 16) {
            throw new IllegalArgumentException("beatbook.identity.bcrypt-cost must be between 10 and 16");
        }
    }
}
