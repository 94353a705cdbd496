package org.beatbook.exchange.internal;

import org.beatbook.exchange.internal.UpstreamFailure.Kind;
import org.beatbook.exchange.internal.ViidObjects.Collection;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Beatbook as a GA/T 1400 client of the platform: Register (HTTP Digest), Keepalive and the vehicle pushes. */
@Component
class UpstreamClient {

    static final String CONTENT_TYPE = "application/VIID+JSON;charset=UTF-8";

    /** The platform's answer for one object: StatusCode "0" is success. */
    record ObjectStatus(String id, String code, String text) {

        boolean ok() {
            return "0".equals(code);
        }
    }

    private final ExchangeProperties props;
    private final JsonMapper json;
    private final HttpClient http;

    UpstreamClient(ExchangeProperties props, JsonMapper json) {
        this.props = props;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(props.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void register() throws UpstreamFailure {
        String path = "/VIID/System/Register";
        Map<String, Object> body = Map.of("RegisterObject", Map.of("DeviceID", props.deviceId()));
        HttpResponse<String> first = post(path, body, null);
        HttpResponse<String> answer = first;
        if (first.statusCode() == 401) {
            DigestChallenge challenge = DigestChallenge.parse(first.headers().firstValue("WWW-Authenticate").orElse(null))
                    .orElseThrow(() -> new UpstreamFailure(Kind.REFUSED, "exchange.error.noChallenge", "HTTP 401"));
            answer = post(path, body, challenge.answer(props.deviceId(), props.password(), "POST", path));
        }
        if (answer.statusCode() == 401 || answer.statusCode() == 403) {
            throw new UpstreamFailure(Kind.REFUSED, "exchange.error.registerRefused", "HTTP " + answer.statusCode());
        }
        ObjectStatus status = single(answer);
        if (!status.ok()) {
            throw new UpstreamFailure(Kind.REFUSED, "exchange.error.registerRefused", describe(status));
        }
    }

    void keepalive() throws UpstreamFailure {
        HttpResponse<String> r = post("/VIID/System/Keepalive",
                Map.of("KeepaliveObject", Map.of("DeviceID", props.deviceId())), null);
        ObjectStatus status = single(r);
        if (!status.ok()) {
            throw new UpstreamFailure(Kind.NOT_REGISTERED, "exchange.error.keepaliveRefused", describe(status));
        }
    }

    /** Pushes one list; answers each object's status by object id (objects the platform did not mention are absent). */
    Map<String, ObjectStatus> push(Collection collection, Map<String, Object> body) throws UpstreamFailure {
        HttpResponse<String> r = post(collection.path, body, null);
        JsonNode list = read(r).path("ResponseStatusListObject").path("ResponseStatusObject");
        if (list.isObject()) {
            list = json.createArrayNode().add(list);
        }
        if (!list.isArray()) {
            throw new UpstreamFailure(Kind.UNAVAILABLE, "exchange.error.noObjectStatus", abbreviate(r.body()));
        }
        Map<String, ObjectStatus> out = new LinkedHashMap<>();
        for (JsonNode s : list) {
            ObjectStatus status = status(s);
            out.put(status.id(), status);
        }
        return out;
    }

    private HttpResponse<String> post(String path, Map<String, Object> body, String authorization) throws UpstreamFailure {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(props.upstreamUrl() + path))
                .timeout(props.requestTimeout())
                .header("Content-Type", CONTENT_TYPE)
                .header("Accept", "application/VIID+JSON, application/json")
                .header("User-Identify", props.deviceId())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new UpstreamFailure(Kind.UNAVAILABLE, "exchange.error.unreachable", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamFailure(Kind.UNAVAILABLE, "exchange.error.unreachable", "interrupted");
        }
        if (r.statusCode() == 401 && !path.endsWith("/Register")) {
            throw new UpstreamFailure(Kind.NOT_REGISTERED, "exchange.error.notRegistered", "HTTP 401");
        }
        if (r.statusCode() >= 500 || (r.statusCode() >= 300 && r.statusCode() != 401 && r.statusCode() != 403)) {
            throw new UpstreamFailure(Kind.UNAVAILABLE, "exchange.error.httpStatus", "HTTP " + r.statusCode());
        }
        return r;
    }

    private ObjectStatus single(HttpResponse<String> r) throws UpstreamFailure {
        JsonNode s = read(r).path("ResponseStatusObject");
        if (!s.isObject()) {
            throw new UpstreamFailure(Kind.UNAVAILABLE, "exchange.error.unreadable", abbreviate(r.body()));
        }
        return status(s);
    }

    private JsonNode read(HttpResponse<String> r) throws UpstreamFailure {
        try {
            return json.readTree(r.body());
        } catch (JacksonException e) {
            throw new UpstreamFailure(Kind.UNAVAILABLE, "exchange.error.unreadable", abbreviate(r.body()));
        }
    }

    private static ObjectStatus status(JsonNode s) {
        return new ObjectStatus(s.path("Id").asString(""), s.path("StatusCode").asString(""),
                s.path("StatusString").asString(""));
    }

    private static String describe(ObjectStatus s) {
        return "StatusCode " + s.code() + (s.text().isEmpty() ? "" : " " + s.text());
    }

    private static String abbreviate(String body) {
        String b = body == null ? "" : body.strip();
        return b.length() > 200 ? b.substring(0, 200) + "…" : b;
    }
}
