package org.beatbook.identity.internal;

import org.springframework.stereotype.Component;

/** What the enrolment page shows: the QR code of the pending secret and the secret itself, readable. */
@Component
public class TotpEnrolment {

    private final TotpCodes codes;

    TotpEnrolment(TotpCodes codes) {
        this.codes = codes;
    }

    public String qrDataUri(PendingSignIn pending) {
        return codes.qrDataUri(pending.username(), pending.enrolSecret());
    }

    /** The base32 secret in groups of four, for typing into an authenticator app. */
    public static String grouped(String secret) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < secret.length(); i += 4) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(secret, i, Math.min(secret.length(), i + 4));
        }
        return sb.toString();
    }
}
