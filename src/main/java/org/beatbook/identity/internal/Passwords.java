package org.beatbook.identity.internal;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Hashes and checks passwords with a {@link DelegatingPasswordEncoder} ({@code {bcrypt}…}, see ADR 0004), so a
 * stronger algorithm can be added later without invalidating stored hashes. {@link #matchesOrDummy} spends the
 * same work whether or not the account exists, so timing does not tell an unknown username from a wrong password.
 */
@Component
public class Passwords {

    private final PasswordEncoder encoder;
    private final String dummyHash;

    Passwords(IdentityProperties properties) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(properties.bcryptCost());
        this.encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.dummyHash = encoder.encode(HexFormat.of().formatHex(random));
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** Checks {@code password} against {@code hash}, or against a dummy hash when {@code hash} is null. */
    boolean matchesOrDummy(String password, String hash) {
        String candidate = password == null ? "" : password;
        // bcrypt reads 72 bytes at most and Spring refuses longer input: such a password can never be right,
        // but it still costs one hash so that its answer takes as long as any other.
        boolean tooLong = candidate.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES;
        if (tooLong) {
            candidate = candidate.substring(0, Math.min(candidate.length(), 18));
        }
        boolean ok = encoder.matches(candidate, hash == null ? dummyHash : hash);
        return ok && hash != null && !tooLong;
    }
}
