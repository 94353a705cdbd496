package org.beatbook.device.viid;

import org.beatbook.device.FakeDevices;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A GA/T 1400 device as a test drives it over real HTTP: Digest registration, then User-Identify calls. */
final class ViidClient {

    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Pattern REALM = Pattern.compile("realm=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String deviceId;

    ViidClient(int port, String deviceId) {
        this.base = "http://127.0.0.1:" + port;
        this.deviceId = deviceId;
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/VIID+JSON")
                .header("User-Identify", deviceId).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/VIID+JSON")
                .header("User-Identify", deviceId).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("User-Identify", deviceId).DELETE());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Register with the password: the first POST is challenged, the second answers the challenge. */
    HttpResponse<String> register(String path, String password) throws IOException, InterruptedException {
        String body = "{\"" + (path.endsWith("UnRegister") ? "UnRegisterObject" : "RegisterObject")
                + "\":{\"DeviceID\":\"" + deviceId + "\"}}";
        HttpResponse<String> challenge = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/VIID+JSON").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (challenge.statusCode() != 401) {
            throw new AssertionError("expected a challenge, got " + challenge.statusCode());
        }
        String header = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/VIID+JSON")
                .header("Authorization", answer(header, "POST", path, password))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    String answer(String challenge, String method, String uri, String password) {
        return answer(challenge, method, uri, password, "00000001");
    }

    /** The Digest answer to {@code challenge} with nonce count {@code nc} (8 hex digits). */
    String answer(String challenge, String method, String uri, String password, String nc) {
        String realm = group(REALM.matcher(challenge));
        String nonce = group(NONCE.matcher(challenge));
        String cnonce = UUID.randomUUID().toString().replace("-", "");
        String ha1 = FakeDevices.md5(deviceId + ":" + realm + ":" + password);
        String ha2 = FakeDevices.md5(method + ":" + uri);
        String response = FakeDevices.md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + deviceId + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", algorithm=MD5, qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\", response=\"" + response + "\"";
    }

    /** A fresh challenge for {@code path}: the WWW-Authenticate of an unanswered POST. */
    String challenge(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/VIID+JSON").POST(HttpRequest.BodyPublishers.ofString("{}")));
        return r.headers().firstValue("WWW-Authenticate").orElseThrow();
    }

    /** POSTs {@code body} to {@code path} with this Authorization header. */
    HttpResponse<String> postAuthorized(String path, String authorization, String body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/VIID+JSON")
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    String base() {
        return base;
    }

    private static String group(Matcher m) {
        if (!m.find()) {
            throw new AssertionError("no match in challenge");
        }
        return m.group(1);
    }
}
