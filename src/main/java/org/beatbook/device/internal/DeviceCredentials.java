package org.beatbook.device.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Device secrets. The token is {@code bd_} + 32 random bytes (base64url); only its SHA-256 is stored. The GA/T 1400
 * password is 16 letters and digits (devices' configuration screens take nothing else); only its HTTP Digest HA1
 * for the configured realm is stored.
 */
final class DeviceCredentials {

    static final String TOKEN_PREFIX = "bd_";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceCredentials() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String prefixOf(String token) {
        return token.substring(0, TOKEN_PREFIX.length() + 6);
    }

    static String newPassword() {
        StringBuilder b = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 7616 HA1 for MD5: {@code MD5(username:realm:password)}, lower-case hex. */
    static String ha1(String username, String realm, String password) {
        try {
            byte[] d = MessageDigest.getInstance("MD5")
                    .digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
