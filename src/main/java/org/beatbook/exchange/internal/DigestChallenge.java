package org.beatbook.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP Digest challenge (RFC 7616, MD5 with qop=auth, as GA/T 1400 registration uses it) and the answer to it.
 *
 * @param params the challenge's parameters, names lower-cased
 */
record DigestChallenge(Map<String, String> params) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Parses {@code Digest realm="…", nonce="…", qop="auth", …}; empty when the header is not a Digest challenge. */
    static Optional<DigestChallenge> parse(String header) {
        if (header == null || !header.regionMatches(true, 0, "Digest ", 0, 7)) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        String s = header.substring(7);
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == ',')) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = s.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            i = eq + 1;
            String value;
            if (i < s.length() && s.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    b.append(s.charAt(i++));
                }
                i++;
                value = b.toString();
            } else {
                int end = s.indexOf(',', i);
                end = end < 0 ? s.length() : end;
                value = s.substring(i, end).strip();
                i = end;
            }
            params.put(name, value);
        }
        return params.containsKey("nonce") ? Optional.of(new DigestChallenge(Map.copyOf(params))) : Optional.empty();
    }

    /** The {@code Authorization} header value answering this challenge for one request. */
    String answer(String username, String password, String method, String uri) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return answer(username, password, method, uri, HexFormat.of().formatHex(random));
    }

    String answer(String username, String password, String method, String uri, String cnonce) {
        String realm = params.getOrDefault("realm", "");
        String nonce = params.get("nonce");
        String nc = "00000001";
        String ha1 = md5(username + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        boolean qopAuth = params.containsKey("qop");
        String response = qopAuth ? md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                : md5(ha1 + ":" + nonce + ":" + ha2);
        StringBuilder h = new StringBuilder("Digest username=\"").append(username)
                .append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce)
                .append("\", uri=\"").append(uri)
                .append("\", algorithm=MD5, response=\"").append(response).append('"');
        if (qopAuth) {
            h.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (params.containsKey("opaque")) {
            h.append(", opaque=\"").append(params.get("opaque")).append('"');
        }
        return h.toString();
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
