package org.beatbook.device.viid;

import org.beatbook.device.DeviceDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP Digest (RFC 7616 as GA/T 1400 uses it: MD5, qop=auth) for Register and UnRegister. Nonces carry their own
 * expiry, 96 random bits and an HMAC under a key made at start, so nothing is stored per challenge; a restart simply
 * makes devices answer a fresh challenge. What is stored is the highest nonce count ({@code nc}) each nonce was
 * accepted with, until the nonce expires: an answer whose nc is not higher (a replayed Authorization header) is
 * refused. Only verified answers are recorded, so nobody without the password can use up a device's counts.
 */
@Component
class ViidDigest {

    private static final Pattern NONCE_COUNT = Pattern.compile("[0-9a-fA-F]{8}");
    private static final long SWEEP_EVERY_MS = 30_000;
    private static final Pattern PARAM = Pattern.compile("(\\w+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");

    private final DeviceDirectory directory;
    private final ViidProperties properties;
    private final String realm;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final SecureRandom random = new SecureRandom();
    /** "username nonce" → the highest nc accepted with it and when the nonce expires (epoch ms). */
    private final Map<String, long[]> counts = new ConcurrentHashMap<>();
    private volatile long nextSweep;

    @Autowired
    ViidDigest(DeviceDirectory directory, ViidProperties properties,
               @Value("${beatbook.device.viid-realm:beatbook}") String realm) {
        this(directory, properties, realm, Clock.systemUTC());
    }

    ViidDigest(DeviceDirectory directory, ViidProperties properties, String realm, Clock clock) {
        this.directory = directory;
        this.properties = properties;
        this.realm = realm;
        this.clock = clock;
        random.nextBytes(key);
    }

    /** The {@code WWW-Authenticate} value of a fresh challenge; {@code stale} when the old nonce merely expired. */
    String challenge(boolean stale) {
        long expires = clock.millis() + properties.nonceLifetime().toMillis();
        byte[] salt = new byte[12];
        random.nextBytes(salt);
        String signed = expires + ":" + HexFormat.of().formatHex(salt);
        String nonce = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((signed + ":" + sign(signed)).getBytes(StandardCharsets.US_ASCII));
        return "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", qop=\"auth\", algorithm=MD5"
                + (stale ? ", stale=true" : "");
    }

    /**
     * What checking an Authorization header found.
     *
     * @param replayed the answer was right but its nonce count was used before
     */
    record Outcome(String deviceId, boolean stale, boolean replayed) {
        Outcome(String deviceId, boolean stale) {
            this(deviceId, stale, false);
        }

        boolean verified() {
            return deviceId != null;
        }
    }

    /** Checks an {@code Authorization: Digest …} header for this request; the verified DeviceID, if any. */
    Outcome verify(String authorization, String method, String requestUri) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            return new Outcome(null, false);
        }
        Map<String, String> p = params(authorization.substring(7));
        String username = p.get("username");
        String nonce = p.get("nonce");
        String uri = p.get("uri");
        String response = p.get("response");
        String nc = p.get("nc");
        String cnonce = p.get("cnonce");
        if (username == null || nonce == null || uri == null || response == null || nc == null || cnonce == null
                || !"auth".equals(p.get("qop")) || !realm.equals(p.get("realm"))
                || !(p.get("algorithm") == null || "MD5".equalsIgnoreCase(p.get("algorithm")))
                || !samePath(uri, requestUri)) {
            return new Outcome(null, false);
        }
        if (!nonceSigned(nonce)) {
            return new Outcome(null, false);
        }
        if (nonceExpired(nonce)) {
            return new Outcome(null, true);
        }
        Optional<String> ha1 = directory.viidDigestHa1(username, realm);
        if (ha1.isEmpty()) {
            return new Outcome(null, false);
        }
        String ha2 = md5(method + ":" + uri);
        String expected = md5(ha1.get() + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        boolean match = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase().getBytes(StandardCharsets.US_ASCII));
        if (!match) {
            return new Outcome(null, false);
        }
        return firstUse(username, nonce, nc) ? new Outcome(username, false) : new Outcome(null, false, true);
    }

    /** Records {@code nc} for the nonce; false when it is not higher than one accepted before (a replay). */
    private boolean firstUse(String username, String nonce, String nc) {
        if (!NONCE_COUNT.matcher(nc).matches()) {
            return false;
        }
        long count = Long.parseLong(nc, 16);
        long expires = expiry(nonce);
        long now = clock.millis();
        sweep(now);
        boolean[] fresh = {false};
        counts.compute(username + " " + nonce, (k, seen) -> {
            if (seen == null || seen[1] < now || count > seen[0]) {
                fresh[0] = true;
                return new long[] {count, expires};
            }
            return seen;
        });
        return fresh[0];
    }

    /** Drops the counts of expired nonces (an expired nonce is refused before its count is looked at). */
    private void sweep(long now) {
        if (now >= nextSweep) {
            nextSweep = now + SWEEP_EVERY_MS;
            counts.values().removeIf(seen -> seen[1] < now);
        }
    }

    /** How many nonces' counts are held now (expired ones leave within {@link #SWEEP_EVERY_MS}). */
    int tracked() {
        return counts.size();
    }

    private static boolean samePath(String digestUri, String requestUri) {
        int q = digestUri.indexOf('?');
        return (q < 0 ? digestUri : digestUri.substring(0, q)).equals(requestUri);
    }

    private static Map<String, String> params(String text) {
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(text);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
            p.putIfAbsent(m.group(1).toLowerCase(), value);
        }
        return p;
    }

    private boolean nonceSigned(String nonce) {
        String[] parts = decode(nonce);
        return parts != null && MessageDigest.isEqual(sign(parts[0] + ":" + parts[1]).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII));
    }

    private boolean nonceExpired(String nonce) {
        return expiry(nonce) < clock.millis();
    }

    /** When a (signed) nonce expires, epoch ms; 0 when unreadable. */
    private static long expiry(String nonce) {
        String[] parts = decode(nonce);
        try {
            return parts == null ? 0 : Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** expiry, salt, signature */
    private static String[] decode(String nonce) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(nonce), StandardCharsets.US_ASCII).split(":", 3);
            return parts.length == 3 ? parts : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
