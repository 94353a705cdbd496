package org.beatbook.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The chain rule: {@code hash = SHA-256(prev_hash || canonical(row))}. The canonical encoding is the
 * 64 ASCII hex characters of {@code prev_hash}, then each field in a fixed order as a 4-byte big-endian
 * length and its UTF-8 bytes (length -1 for null, so null and "" differ and no field can bleed into the
 * next): id, occurred_at ({@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ}, UTC), actor, actor_role, action,
 * object_type, object_id, scope_path, purpose, result, detail, client_address.
 * Changing this breaks every existing chain: don't, or version it.
 */
public final class ChainHash {

    /** {@code prev_hash} of the first row. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ChainHash() {
    }

    static String of(String prevHash, AuditEntry e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(prevHash.getBytes(StandardCharsets.US_ASCII));
            field(out, Long.toString(e.id()));
            field(out, TIME.format(e.occurredAt()));
            field(out, e.actor());
            field(out, e.actorRole());
            field(out, e.action());
            field(out, e.objectType());
            field(out, e.objectId());
            field(out, e.scopePath());
            field(out, e.purpose());
            field(out, e.result() == null ? null : e.result().name());
            field(out, e.detail());
            field(out, e.clientAddress());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return HexFormat.of().formatHex(sha256().digest(bytes.toByteArray()));
    }

    /** PostgreSQL keeps microseconds; hash exactly what is stored. */
    static Instant storable(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    private static void field(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
