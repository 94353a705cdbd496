package org.beatbook.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals small secrets kept in the database (the TOTP seeds) with AES-256-GCM, so that a copy of the database alone
 * does not let anyone compute a user's second factor. The key comes from {@code BEATBOOK_SECRET_KEY} (base64 of 32
 * bytes; set it when several instances share one database) or else from {@code BEATBOOK_HOME/secret.key}, created
 * with mode 600 on first use. Sealed values read {@code gcm1:<base64 of nonce + ciphertext + tag>}; a value without
 * that prefix is a secret written before sealing existed and is read as it is (and sealed at start-up).
 */
@Component
class SecretBox {

    static final String PREFIX = "gcm1:";
    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(@Value("${beatbook.secret-key:}") String configured, @Value("${beatbook.home:./data}") String home) {
        this.key = new SecretKeySpec(configured == null || configured.isBlank() ? fromFile(Path.of(home))
                : decodeKey(configured), "AES");
    }

    /** The sealed form of {@code plain}; null stays null. */
    String seal(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The plain secret; a value that was never sealed is returned as it is; null stays null. */
    String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE));
            return new String(c.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed secret cannot be opened with this key: is BEATBOOK_SECRET_KEY"
                    + " or BEATBOOK_HOME/secret.key the one it was sealed with?", e);
        }
    }

    static boolean sealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private static byte[] decodeKey(String base64) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("beatbook.secret-key (BEATBOOK_SECRET_KEY) is not base64");
        }
        if (k.length != 32) {
            throw new IllegalStateException("beatbook.secret-key (BEATBOOK_SECRET_KEY) must be 32 bytes, base64");
        }
        return k;
    }

    private static byte[] fromFile(Path home) {
        Path file = home.resolve("secret.key");
        try {
            if (Files.exists(file)) {
                return decodeKey(Files.readString(file, StandardCharsets.US_ASCII));
            }
            Files.createDirectories(home);
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            Path tmp = Files.createTempFile(home, "secret", ".tmp");
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(k) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file); // no REPLACE_EXISTING: a key once written is never overwritten
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(tmp);
                return decodeKey(Files.readString(file, StandardCharsets.US_ASCII));
            }
            log.info("created the key that seals TOTP secrets: {} (back it up with the database)", file.toAbsolutePath());
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
