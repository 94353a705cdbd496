package org.beatbook.alert;

import org.beatbook.address.AddressApi;
import org.beatbook.alert.internal.HotlistLoad;
import org.beatbook.device.DeviceDirectory;
import org.beatbook.device.DeviceIngest;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.Direction;
import org.beatbook.device.EventKind;
import org.beatbook.device.IncomingEvent;
import org.beatbook.device.internal.DeviceRegistry;
import org.beatbook.device.internal.DeviceViews.NewDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alert latency from receipt (the event handed to {@link DeviceIngest#submit}) to delivery on a real HTTP SSE
 * connection (/api/v1/alerts/stream with a demo officer's token), with a 100,000-entry hotlist and the ingest
 * writer under load from concurrent submitters. Not part of the suite:
 * {@code ./mvnw -o test -Dtest=AlertLatencyBenchmark -Dbeatbook.bench=true -Dsurefire.failIfNoSpecifiedTests=false}
 * (options: beatbook.bench.seconds, .submitters, .batch, .hitEvery).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "beatbook.demo=true")
@Import(HotlistLoad.class)
@EnabledIfSystemProperty(named = "beatbook.bench", matches = "true")
class AlertLatencyBenchmark {

    static final Pattern PLATE = Pattern.compile("\"plate\":\"([^\"]+)\"");

    @LocalServerPort int port;
    @Value("${beatbook.home}") Path home;
    @Autowired DeviceRegistry devices;
    @Autowired DeviceDirectory directory;
    @Autowired DeviceIngest ingest;
    @Autowired AddressApi addresses;
    @Autowired HotlistLoad hotlist;

    @Test
    void latencyFromReceiptToTheStream() throws Exception {
        int seconds = Integer.getInteger("beatbook.bench.seconds", 20);
        int submitters = Integer.getInteger("beatbook.bench.submitters", 8);
        int batch = Integer.getInteger("beatbook.bench.batch", 50);
        int hitEvery = Integer.getInteger("beatbook.bench.hitEvery", 200);

        JsonNode doc = JsonMapper.builder().build().readTree(home.resolve("demo-credentials.json").toFile());
        JsonNode officer = null;
        for (JsonNode u : doc.get("users")) {
            if (u.get("role").asString().equals("COMMUNITY_OFFICER")) {
                officer = u;
            }
        }
        String compound = doc.get("addresses").get("compounds").get(0).asString();
        var issued = devices.register(new NewDevice("基准道闸", DeviceKind.PLATE_CAMERA, compound, null, null, false),
                addresses.scopeOf(List.of(compound)), "bench");
        DeviceRef camera = directory.byDeviceId(issued.device().deviceId()).orElseThrow();
        List<String> listed = hotlist.load(100_000);

        Map<String, Long> submitted = new ConcurrentHashMap<>();
        Map<String, Long> delivered = new ConcurrentHashMap<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> sse = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/alerts/stream")).header("Authorization", "Bearer " + officer.get("apiToken").asString())
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(sse.statusCode()).isEqualTo(200);
        CountDownLatch connected = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(sse.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    connected.countDown();
                    if (line.startsWith("data:")) {
                        long now = System.nanoTime();
                        Matcher m = PLATE.matcher(line);
                        if (m.find()) {
                            delivered.putIfAbsent(m.group(1), now);
                        }
                    }
                }
            } catch (Exception e) {
                // closed at the end
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        connected.await(10, TimeUnit.SECONDS);

        AtomicLong events = new AtomicLong();
        AtomicLong hitIndex = new AtomicLong();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(submitters);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < submitters; t++) {
            int thread = t;
            running.add(pool.submit(() -> {
                long n = 0;
                while (System.nanoTime() < until) {
                    List<IncomingEvent> list = new ArrayList<>(batch);
                    List<String> hits = new ArrayList<>();
                    for (int i = 0; i < batch; i++, n++) {
                        String plate;
                        if ((n + thread) % hitEvery == 0) {
                            plate = listed.get((int) (hitIndex.getAndIncrement() % listed.size()));
                            hits.add(plate);
                        } else {
                            plate = "皖A" + String.format("%05d", (n * 7 + thread) % 100_000);
                        }
                        list.add(new IncomingEvent("b" + thread + "-" + n, Instant.now(), EventKind.VEHICLE_PASS,
                                Direction.IN, plate, "BLUE", null, null, null, null, null));
                    }
                    long at = System.nanoTime();
                    hits.forEach(p -> submitted.put(p, at));
                    ingest.submit(camera, list, Locale.CHINA).get(30, TimeUnit.SECONDS);
                    events.addAndGet(batch);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        Thread.sleep(2_000);
        long[] ms = submitted.entrySet().stream().filter(e -> delivered.containsKey(e.getKey()))
                .mapToLong(e -> delivered.get(e.getKey()) - e.getValue()).sorted().toArray();
        System.out.printf(Locale.ROOT, "%nALERT LATENCY: %d events in %d s (%.0f events/s) from %d submitters, batch %d,"
                        + " hotlist %d, %d hits submitted, %d delivered; receipt→SSE p50 %.1f ms, p90 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms%n", events.get(), seconds, events.get() / (double) seconds, submitters, batch,
                listed.size(), submitted.size(), ms.length, pct(ms, 50), pct(ms, 90), pct(ms, 99),
                ms.length == 0 ? 0 : ms[ms.length - 1] / 1e6);
        assertThat(ms.length).isEqualTo(submitted.size());
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }

}
