package org.beatbook.exchange;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A GA/T 1400 police platform for tests and for trying Beatbook by hand, on loopback: Register and UnRegister with
 * HTTP Digest (MD5, qop=auth), Keepalive, Time, MotorVehicles and NonMotorVehicles answered per object. It can be
 * told to be unavailable (503), to drop its connection (stopped), to fail the next requests (500), to refuse certain
 * object ids (permanently, or a number of times) and to forget registrations.
 *
 * <p>By hand: {@code java -cp target/test-classes:$(cat cp.txt) org.beatbook.exchange.UpstreamSimulator 9400
 * 34052400002000000001 secret} (after {@code ./mvnw -o test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt}),
 * then start Beatbook with {@code BEATBOOK_EXCHANGE_UPSTREAM_URL=http://127.0.0.1:9400}, the same DeviceID and password.
 */
public final class UpstreamSimulator implements AutoCloseable {

    public static final String REALM = "viid-simulator";

    private final String deviceId;
    private final String password;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final Map<String, String> permanentRefusals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> temporaryRefusals = new ConcurrentHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private final List<JsonNode> objects = new CopyOnWriteArrayList<>();
    private final AtomicInteger registrations = new AtomicInteger();
    private final AtomicInteger refusedRegistrations = new AtomicInteger();
    private final AtomicInteger keepalives = new AtomicInteger();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger failAfterProcessing = new AtomicInteger();
    private volatile boolean unavailable;
    private int port;
    private HttpServer server;

    public UpstreamSimulator(String deviceId, String password) {
        this.deviceId = deviceId;
        this.password = password;
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9400;
        UpstreamSimulator sim = new UpstreamSimulator(args.length > 1 ? args[1] : "34052400002000000001",
                args.length > 2 ? args[2] : "secret").start(port);
        System.out.println("GA/T 1400 simulator on " + sim.url() + " (DeviceID " + sim.deviceId + "); Ctrl-C stops it");
        int shown = 0;
        while (true) {
            Thread.sleep(2000);
            List<String> got = sim.acknowledged();
            if (got.size() != shown) {
                System.out.println(LocalDateTime.now().withNano(0) + " acknowledged " + got.size() + " objects (last "
                        + got.get(got.size() - 1) + "), registrations " + sim.registrations());
                shown = got.size();
            }
        }
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port). */
    public synchronized UpstreamSimulator start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/VIID/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        this.port = server.getAddress().getPort();
        return this;
    }

    /** Closes the port: connections are refused until {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    public synchronized void restart() throws IOException {
        stop();
        start(port);
    }

    @Override
    public void close() {
        stop();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Answer every request with 503 while true. */
    public void unavailable(boolean on) {
        unavailable = on;
    }

    /** Answer the next {@code n} requests with 500 without looking at them. */
    public void failNext(int n) {
        failNext.set(n);
    }

    /** Accept the next {@code n} pushes but answer 500 (the acknowledgement is lost on the way). */
    public void loseAcknowledgements(int n) {
        failAfterProcessing.set(n);
    }

    /** Refuse this object id for good with {@code code} (e.g. "6" invalid content). */
    public void refuse(String objectId, String code) {
        permanentRefusals.put(objectId, code);
    }

    /** Stop refusing this object id (the platform's reason was dealt with). */
    public void accept(String objectId) {
        permanentRefusals.remove(objectId);
        temporaryRefusals.remove(objectId);
    }

    /** Refuse this object id {@code times} times with StatusCode "2" (busy), then accept it. */
    public void refuseTemporarily(String objectId, int times) {
        temporaryRefusals.put(objectId, new AtomicInteger(times));
    }

    /** Forget every registration: the next push or Keepalive gets 401. */
    public void forgetRegistrations() {
        registered.clear();
    }

    /** Object ids of every object received, in arrival order, resends included. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** Object ids answered with StatusCode "0", in order; a resend of an acknowledged id shows twice. */
    public List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** The objects acknowledged, as received. */
    public List<JsonNode> objects() {
        return List.copyOf(objects);
    }

    public int registrations() {
        return registrations.get();
    }

    public int refusedRegistrations() {
        return refusedRegistrations.get();
    }

    public int keepalives() {
        return keepalives.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            if (unavailable) {
                send(ex, 503, "");
                return;
            }
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(ex, 500, "");
                return;
            }
            switch (path) {
                case "/VIID/System/Register" -> register(ex, path);
                case "/VIID/System/UnRegister" -> {
                    registered.remove(identity(ex));
                    send(ex, 200, status(path, "0", "OK"));
                }
                case "/VIID/System/Keepalive" -> {
                    if (!registered.contains(identity(ex))) {
                        send(ex, 401, "");
                        return;
                    }
                    keepalives.incrementAndGet();
                    send(ex, 200, status(path, "0", "OK"));
                }
                case "/VIID/System/Time" -> send(ex, 200, json.writeValueAsString(Map.of("SystemTimeObject",
                        Map.of("VIIDServerID", deviceId, "TimeMode", "1", "LocalTime", now()))));
                case "/VIID/MotorVehicles" -> objects(ex, path, body, "MotorVehicleListObject", "MotorVehicleObject",
                        "MotorVehicleID");
                case "/VIID/NonMotorVehicles" -> objects(ex, path, body, "NonMotorVehicleListObject",
                        "NonMotorVehicleObject", "NonMotorVehicleID");
                default -> send(ex, 404, status(path, "4", "Invalid Operation"));
            }
        } catch (RuntimeException e) {
            send(ex, 500, "");
        }
    }

    private void register(HttpExchange ex, String path) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Digest ") || !validDigest(parse(auth.substring(7)), "POST")) {
            if (auth != null) {
                refusedRegistrations.incrementAndGet();
            }
            String nonce = UUID.randomUUID().toString().replace("-", "");
            nonces.add(nonce);
            ex.getResponseHeaders().add("WWW-Authenticate", "Digest realm=\"" + REALM + "\", nonce=\"" + nonce
                    + "\", qop=\"auth\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", algorithm=MD5");
            send(ex, 401, "");
            return;
        }
        registered.add(deviceId);
        registrations.incrementAndGet();
        send(ex, 200, status(path, "0", "OK"));
    }

    private boolean validDigest(Map<String, String> p, String method) {
        String nonce = p.get("nonce");
        if (!deviceId.equals(p.get("username")) || nonce == null || !nonces.remove(nonce)) {
            return false;
        }
        String ha1 = md5(deviceId + ":" + REALM + ":" + password);
        String ha2 = md5(method + ":" + p.get("uri"));
        String expected = md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + p.get("qop") + ":" + ha2);
        return "auth".equals(p.get("qop")) && expected.equals(p.get("response"));
    }

    private void objects(HttpExchange ex, String path, byte[] body, String list, String item, String idField)
            throws IOException {
        if (!registered.contains(identity(ex))) {
            send(ex, 401, "");
            return;
        }
        JsonNode array = json.readTree(body).path(list).path(item);
        List<Map<String, Object>> statuses = new ArrayList<>();
        for (JsonNode o : array) {
            String id = o.path(idField).asString("");
            received.add(id);
            String code = "0";
            String text = "OK";
            AtomicInteger temporary = temporaryRefusals.get(id);
            if (id.length() != 48) {
                code = "6";
                text = "Invalid JSON Content: " + idField + " must have 48 digits";
            } else if (permanentRefusals.containsKey(id)) {
                code = permanentRefusals.get(id);
                text = "Invalid JSON Content";
            } else if (temporary != null && temporary.getAndDecrement() > 0) {
                code = "2";
                text = "Device Busy";
            } else {
                acknowledged.add(id);
                objects.add(o);
            }
            statuses.add(statusObject(path, id, code, text));
        }
        if (failAfterProcessing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(ex, 500, "");
            return;
        }
        send(ex, 200, json.writeValueAsString(Map.of("ResponseStatusListObject", Map.of("ResponseStatusObject", statuses))));
    }

    private String identity(HttpExchange ex) {
        String id = ex.getRequestHeaders().getFirst("User-Identify");
        return id == null ? "" : id;
    }

    private String status(String path, String code, String text) {
        return json.writeValueAsString(Map.of("ResponseStatusObject", statusObject(path, deviceId, code, text)));
    }

    private static Map<String, Object> statusObject(String path, String id, String code, String text) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Id", id);
        s.put("RequestURL", path);
        s.put("StatusCode", code);
        s.put("StatusString", text);
        s.put("LocalTime", now());
        return s;
    }

    private static String now() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/VIID+JSON;charset=UTF-8");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }

    private static Map<String, String> parse(String params) {
        Map<String, String> out = new LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))").matcher(params);
        while (m.find()) {
            out.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
