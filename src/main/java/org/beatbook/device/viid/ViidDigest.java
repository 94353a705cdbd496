package org.beatbook.device.viid;

import org.beatbook.device.DeviceDirectory;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP Digest (RFC 7616 as GA/T 1400 uses it: MD5, qop=auth) for Register and UnRegister. Nonces carry their own
 * expiry and an HMAC under a key made at start, so nothing is stored per challenge; a restart simply makes devices
 * answer a fresh challenge.
 */
@Component
class ViidDigest {

    private static final Pattern PARAM = Pattern.compile("(\\w+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");

    private final DeviceDirectory directory;
    private final ViidProperties properties;
    private final String realm;
    private final Clock clock;
    private final byte[] key = new byte[32];

    ViidDigest(DeviceDirectory directory, ViidProperties properties,
               @Value("${beatbook.device.viid-realm:beatbook}") String realm) {
        this.directory = directory;
        this.properties = properties;
        this.realm = realm;
        this.clock = Clock.systemUTC();
        new SecureRandom().nextBytes(key);
    }

    /** The {@code WWW-Authenticate} value of a fresh challenge; {@code stale} when the old nonce merely expired. */
    String challenge(boolean stale) {
        long expires = clock.millis() + properties.nonceLifetime().toMillis();
        String nonce = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((expires + ":" + sign(Long.toString(expires))).getBytes(StandardCharsets.US_ASCII));
        return "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", qop=\"auth\", algorithm=MD5"
                + (stale ? ", stale=true" : "");
    }

    /** What checking an Authorization header found. */
    record Outcome(String deviceId, boolean stale) {
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
        return new Outcome(match ? username : null, false);
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
        return parts != null && MessageDigest.isEqual(sign(parts[0]).getBytes(StandardCharsets.US_ASCII),
                parts[1].getBytes(StandardCharsets.US_ASCII));
    }

    private boolean nonceExpired(String nonce) {
        String[] parts = decode(nonce);
        try {
            return parts == null || Long.parseLong(parts[0]) < clock.millis();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static String[] decode(String nonce) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(nonce), StandardCharsets.US_ASCII).split(":", 2);
            return parts.length == 2 ? parts : null;
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
