package org.beatbook.identity.internal;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * RFC 6238 codes: HMAC-SHA1, 6 digits, 30-second steps, one step of clock drift either way. Verification
 * returns the matching time step so the caller can refuse a step that was already used.
 */
@Component
public class TotpCodes {

    static final int PERIOD_SECONDS = 30;
    static final int DIGITS = 6;

    private final DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);
    private final String issuer;

    TotpCodes(IdentityProperties properties) {
        this.issuer = properties.totpIssuer();
    }

    /** A new random secret: 32 base32 characters (160 bits). */
    public String newSecret() {
        return secrets.generate();
    }

    static long stepAt(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The time step whose code {@code code} is (now, one before, one after), if any. */
    OptionalLong verify(String secret, String code, Instant now) {
        String typed = normalise(code);
        if (secret == null || typed == null) {
            return OptionalLong.empty();
        }
        long current = stepAt(now);
        for (long step : new long[] {current, current - 1, current + 1}) {
            if (MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII),
                    typed.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The code typed, without spaces, if it is exactly six ASCII digits; else null. */
    static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String s = code.replace(" ", "").replace("\u00a0", "");
        if (s.length() != DIGITS) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return s;
    }

    String codeAt(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("TOTP code generation failed", e);
        }
    }

    /** The otpauth:// URI as a PNG QR code in a data URI, for an {@code <img src>}. */
    String qrDataUri(String username, String secret) {
        QrData data = new QrData.Builder().label(issuer + ":" + username).secret(secret).issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(PERIOD_SECONDS).build();
        ZxingPngQrGenerator png = new ZxingPngQrGenerator();
        png.setImageSize(240);
        try {
            return Utils.getDataUriForImage(png.generate(data), png.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("QR code generation failed", e);
        }
    }
}
