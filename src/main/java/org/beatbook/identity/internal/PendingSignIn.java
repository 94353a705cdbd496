package org.beatbook.identity.internal;

import java.io.Serializable;
import java.time.Instant;

/**
 * A sign-in between its steps, kept in the session. It authenticates nothing: until {@link SignInService}
 * completes it the session holds no authentication and every protected page sends the browser to /login.
 *
 * @param enrolSecret the TOTP secret being enrolled (stage {@link Stage#ENROL}), else null
 */
public record PendingSignIn(long userId, String username, Stage stage, String enrolSecret, int securityStamp,
                            Instant startedAt) implements Serializable {

    public static final String SESSION_ATTRIBUTE = PendingSignIn.class.getName();

    public enum Stage { ENROL, TOTP, CHANGE_PASSWORD }

    PendingSignIn next(Stage stage) {
        return new PendingSignIn(userId, username, stage, null, securityStamp, startedAt);
    }
}
