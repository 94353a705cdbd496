package org.beatbook.device.internal;

import org.beatbook.address.AddressFixtures;
import org.beatbook.address.internal.AddressService;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.Devices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest targets of issue 4, in one run against the embedded PostgreSQL over real HTTP (Tomcat on a random
 * port, JDK HttpClient on the same two cores):
 * (a) the ceiling: a plain COPY of N vehicle passes into device.event;
 * (b) HTTP batches of 1,000 with dedupe on and a 100,000-plate hotlist consulted in afterCommit;
 * (c) 200 devices sending one event per request, each answered only after its event is durable, through the
 *     group-committing writer and through one transaction per event.
 * Skipped unless asked for: {@code ./mvnw -o test -Dtest=IngestBenchmark -Dbenchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}; results on stdout and in target/benchmark-ingest.txt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"beatbook.db.pool-size=8", "server.tomcat.threads.max=250", "logging.level.org.beatbook=WARN"})
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class IngestBenchmark {

    static final int RUNS = Integer.getInteger("benchmark.runs", 3);
    static final int COPY_ROWS = Integer.getInteger("benchmark.copyRows", 200_000);
    static final int BATCHES = Integer.getInteger("benchmark.batches", 400);
    static final int SENDERS = Integer.getInteger("benchmark.senders", 4);
    /** {@code -Dbenchmark.singles=false} leaves out (c), e.g. to read the database's statement statistics of (b). */
    static final boolean SINGLES = !"false".equals(System.getProperty("benchmark.singles"));
    static final int DEVICES = 200;
    static final int PER_DEVICE = 10;
    static final String PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    /** The 100,000 plates put on the real hotlist (the alert module's matcher and rules run on every stored event). */
    static final Set<String> hotlist = new HashSet<>();

    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired AddressService addresses;
    @Autowired DeviceRegistry registry;
    @Autowired GroupCommitWriter writer;

    final Random random = new Random(1400);
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(16)).connectTimeout(Duration.ofSeconds(10)).build();
    final List<String> report = new ArrayList<>();
    final AtomicLong resent = new AtomicLong();
    long eventCounter;

    String plate() {
        StringBuilder b = new StringBuilder("皖E");
        for (int i = 0; i < 5; i++) {
            b.append(PLATE_CHARS.charAt(random.nextInt(PLATE_CHARS.length())));
        }
        return b.toString();
    }

    String event(String id, Instant at) {
        return Devices.vehicle(id, plate(), at);
    }

    @Test
    void ingest() throws Exception {
        while (hotlist.size() < 100_000) {
            hotlist.add(plate().replace("皖E", "皖A"));
        }
        loadHotlist();
        AddressFixtures.Tree tree = AddressFixtures.tree(addresses);
        List<String> batchTokens = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            batchTokens.add(Devices.register(registry, tree, tree.compound(), DeviceKind.PLATE_CAMERA, false)
                    .credentials().token());
        }
        List<String> deviceTokens = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            deviceTokens.add(Devices.register(registry, tree, tree.building1(), DeviceKind.PLATE_CAMERA, false)
                    .credentials().token());
        }
        warmUp(batchTokens.get(0));
        // A server runs for months: measure it compiled. One untimed round of (a) and (b) lets the JIT finish
        // (in a first round, compiler threads took half of the JVM's CPU).
        line("warm-up round (not counted):");
        copy();
        batches(batchTokens);
        double[] copy = new double[RUNS];
        double[] batches = new double[RUNS];
        double[] grouped = new double[RUNS];
        double[] single = new double[RUNS];
        // (a) and (b) alternate, then (c)'s two ways alternate: the single-event phases run other code paths (one
        // transaction per request on the Tomcat threads), and interleaving them with (b) kept the JIT recompiling
        // the batch path in every round (~10 µs of compiler CPU per event, which a server under steady load does
        // not pay). Each comparison is still made within one run, phase against phase.
        for (int run = 0; run < RUNS; run++) {
            copy[run] = copy();
            batches[run] = batches(batchTokens);
            line("run %d: COPY %,.0f rows/s | HTTP batches %,.0f events/s (%.0f %%)", run + 1, copy[run],
                    batches[run], 100 * batches[run] / copy[run]);
        }
        for (int run = 0; SINGLES && run < RUNS; run++) {
            writer.groupCommit(true);
            grouped[run] = singles(deviceTokens);
            writer.groupCommit(false);
            single[run] = singles(deviceTokens);
            writer.groupCommit(true);
            line("run %d: single-event group commit %,.0f/s | one transaction per event %,.0f/s (%.1f×)", run + 1,
                    grouped[run], single[run], grouped[run] / single[run]);
        }
        line("");
        line("median of %d runs:", RUNS);
        line("(a) COPY ceiling                            %,9.0f rows/s", median(copy));
        line("(b) HTTP batches of 1,000, dedupe + hotlist %,9.0f events/s = %.0f %% of (a)", median(batches),
                100 * median(batches) / median(copy));
        line("(c) 200 devices, single events, group commit %,8.0f events/s", median(grouped));
        line("    same load, one transaction per event    %,9.0f events/s -> ratio %.1f×", median(single),
                median(grouped) / median(single));
        line("hotlist entries %,d; alerts raised %,d; requests resent after a 503: %,d",
                jdbc.sql("select count(*) from alert.hotlist_entry where removed_at is null").query(Long.class).single(),
                jdbc.sql("select count(*) from alert.alert").query(Long.class).single(), resent.get());
        Files.write(Path.of("target/benchmark-ingest.txt"), report);
    }

    /** Puts the plates on the alert module's hotlist and has its in-memory matcher reload them. */
    void loadHotlist() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder rows = new StringBuilder();
            for (String p : hotlist) {
                rows.append("PLATE\t").append(p).append("\tbenchmark\t2020-01-01T00:00:00Z\tbenchmark\n");
            }
            copy.copyIn("COPY alert.hotlist_entry (kind, value, source, valid_from, entered_by) FROM STDIN",
                    new java.io.StringReader(rows.toString()));
        }
        Object matcher = context.getBean("hotlistMatcher");
        java.lang.reflect.Method reload = matcher.getClass().getDeclaredMethod("reload");
        reload.setAccessible(true);
        reload.invoke(matcher);
    }

    void warmUp(String token) throws Exception {
        for (int i = 0; i < 20; i++) {
            List<String> events = new ArrayList<>();
            for (int j = 0; j < 200; j++) {
                events.add(event("w" + (eventCounter++), Instant.now()));
            }
            send(token, Devices.batch(events.toArray(String[]::new)));
        }
    }

    /** CPU seconds used so far by this JVM (server and load driver) and by the PostgreSQL server's processes. */
    record Cpu(double java, double postgres, Map<String, Double> threads) {
        Cpu minus(Cpu o) {
            Map<String, Double> t = new TreeMap<>(threads);
            o.threads.forEach((k, v) -> t.merge(k, -v, Double::sum));
            return new Cpu(java - o.java, postgres - o.postgres, t);
        }
    }

    /** This JVM's CPU seconds by kind of thread (name up to its first digit or dash). */
    static Map<String, Double> threadCpu() throws IOException {
        Map<String, Double> t = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().split("[-0-9 ]", 2)[0];
                    String[] f = stat(task);
                    if (f != null) {
                        t.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, Double::sum);
                    }
                } catch (IOException e) {
                    // thread gone meanwhile
                }
            }
        }
        return t;
    }

    Cpu cpu() throws IOException {
        long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
        long postmaster = Long.parseLong(stat(Path.of("/proc", Long.toString(backend)))[1]);
        double pg = ticks(postmaster);
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String[] f = stat(p);
                if (f != null && Long.parseLong(f[1]) == postmaster) {
                    pg += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        }
        return new Cpu(ticks(ProcessHandle.current().pid()) / 100.0, pg / 100.0, threadCpu());
    }

    static double ticks(long pid) {
        String[] f = stat(Path.of("/proc", Long.toString(pid)));
        return f == null ? 0 : Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** The fields of /proc/PID/stat after the command name: state, ppid, …, utime (index 11), stime (12). */
    static String[] stat(Path proc) {
        try {
            String s = Files.readString(proc.resolve("stat"));
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null; // gone meanwhile
        }
    }

    void cpuLine(String phase, Cpu used, long events) {
        line("    %s: CPU per event %.1f µs in the JVM (server and driver), %.1f µs in PostgreSQL", phase,
                used.java() * 1e6 / events, used.postgres() * 1e6 / events);
        StringBuilder b = new StringBuilder("      JVM by thread (µs per event):");
        used.threads().entrySet().stream().filter(e -> e.getValue() * 1e6 / events >= 0.5)
                .sorted((x, y) -> Double.compare(y.getValue(), x.getValue()))
                .forEach(e -> b.append(String.format(" %s %.1f", e.getKey(), e.getValue() * 1e6 / events)));
        line(b.toString());
    }

    double copy() throws Exception {
        UUID device = UUID.randomUUID();
        Instant now = Instant.now();
        LocalDate month = EventStore.month(now);
        StringBuilder csv = new StringBuilder(COPY_ROWS * 120);
        for (int i = 0; i < COPY_ROWS; i++) {
            csv.append(-1 - eventCounter).append(',').append(device).append(",C,c").append(eventCounter++).append(',')
                    .append(month).append(',').append(now).append(',').append(now).append(",VEHICLE_PASS,IN,")
                    .append(plate())
                    .append(",BLUE,\"{\"\"lane\"\":1,\"\"confidence\"\":0.97}\"\n");
        }
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("SET synchronous_commit = on");
            Cpu before = cpu();
            long t0 = System.nanoTime();
            long rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY device.event (seq, device, node_code, event_id, month, occurred_at, received_at, kind,
                                       direction, plate, plate_color, payload) FROM STDIN (FORMAT csv)""",
                    new StringReader(csv.toString()));
            double rate = rows / ((System.nanoTime() - t0) / 1e9);
            cpuLine("COPY", cpu().minus(before), rows);
            c.createStatement().execute("RESET synchronous_commit");
            return rate;
        }
    }

    double batches(List<String> tokens) throws Exception {
        List<List<String>> bodies = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            List<String> mine = new ArrayList<>();
            for (int b = 0; b < BATCHES / SENDERS; b++) {
                String[] events = new String[1000];
                for (int i = 0; i < 1000; i++) {
                    events[i] = event("b" + (eventCounter++), Instant.now());
                }
                mine.add(Devices.batch(events));
            }
            bodies.add(mine);
        }
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        Cpu before = cpu();
        long t0 = System.nanoTime();
        List<Future<Long>> done = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            String token = tokens.get(s);
            List<String> mine = bodies.get(s);
            done.add(pool.submit(() -> {
                long stored = 0;
                for (String body : mine) {
                    stored += storedIn(send(token, body));
                }
                return stored;
            }));
        }
        long stored = 0;
        for (Future<Long> f : done) {
            stored += f.get();
        }
        double rate = stored / ((System.nanoTime() - t0) / 1e9);
        cpuLine("HTTP batches", cpu().minus(before), stored);
        pool.shutdown();
        assertThat(stored).isEqualTo(BATCHES * 1000L);
        return rate;
    }

    double singles(List<String> tokens) throws Exception {
        String[][] bodies = new String[tokens.size()][PER_DEVICE];
        for (String[] device : bodies) {
            for (int i = 0; i < PER_DEVICE; i++) {
                device[i] = Devices.batch(event("s" + (eventCounter++), Instant.now()));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        long t0 = System.nanoTime();
        List<Future<Long>> done = new ArrayList<>();
        for (int d = 0; d < tokens.size(); d++) {
            String token = tokens.get(d);
            String[] mine = bodies[d];
            done.add(pool.submit(() -> {
                long stored = 0;
                for (String body : mine) {
                    stored += storedIn(send(token, body));
                }
                return stored;
            }));
        }
        long stored = 0;
        for (Future<Long> f : done) {
            stored += f.get();
        }
        double rate = stored / ((System.nanoTime() - t0) / 1e9);
        pool.shutdown();
        assertThat(stored).isEqualTo((long) tokens.size() * PER_DEVICE);
        return rate;
    }

    /** Sends until acknowledged: a 503 (nothing acknowledged, e.g. no connection within 30 s) is resent, as a device would. */
    String send(String token, String body) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/device-events")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(300))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 503) {
                resent.incrementAndGet();
                continue;
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return r.body();
        }
    }

    /** Stored now or before (a resend after a lost answer): durable either way. */
    static long storedIn(String answer) {
        return count(answer, "\"stored\":") + count(answer, "\"duplicates\":");
    }

    static long count(String answer, String key) {
        int at = answer.indexOf(key) + key.length();
        int end = at;
        while (Character.isDigit(answer.charAt(end))) {
            end++;
        }
        return Long.parseLong(answer.substring(at, end));
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    void line(String format, Object... args) {
        String s = args.length == 0 ? format : String.format(format, args);
        System.out.println(s);
        report.add(s);
    }
}
