package org.beatbook.exchange.internal;

import org.beatbook.address.AddressFixtures;
import org.beatbook.address.internal.AddressService;
import org.beatbook.device.DeviceIngest;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.Devices;
import org.beatbook.device.EventFate;
import org.beatbook.device.EventKind;
import org.beatbook.device.IncomingEvent;
import org.beatbook.device.StoredEvent;
import org.beatbook.device.StoredEventsHandler;
import org.beatbook.device.internal.DeviceRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the exchange handler costs the device writer (the daily counters; until session 5 also one outbox row per
 * sighting): the same load through {@link DeviceIngest} with
 * the exchange handler on and off, rounds alternating in one run (so both see the same machine noise). Not part of
 * the suite: {@code ./mvnw -o test -Dtest=OutboxOverheadBenchmark -Dbenchmark=true}; results in
 * {@code target/benchmark-exchange.txt} and docs/benchmarks.md.
 */
@SpringBootTest
@Import(OutboxOverheadBenchmark.Switch.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class OutboxOverheadBenchmark {

    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    static final int EVENTS = Integer.getInteger("benchmark.events", 40_000);
    static final int BATCH = Integer.getInteger("benchmark.batch", 100);
    static final int SUBMITTERS = 16;

    /** Wraps the exchange handler so a round can run without it. */
    @TestConfiguration
    static class Switch {
        static volatile boolean on = true;
        static final AtomicLong handlerNanos = new AtomicLong();
        static final AtomicLong handlerEvents = new AtomicLong();

        @Bean
        static BeanPostProcessor exchangeSwitch() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof CollectedCounts writer) {
                        return new StoredEventsHandler() {
                            @Override
                            public void inTransaction(List<StoredEvent> stored) {
                                if (on) {
                                    long t = System.nanoTime();
                                    writer.inTransaction(stored);
                                    handlerNanos.addAndGet(System.nanoTime() - t);
                                    handlerEvents.addAndGet(stored.size());
                                }
                            }
                        };
                    }
                    return bean;
                }
            };
        }
    }

    @Autowired DeviceIngest ingest;
    @Autowired DeviceRegistry registry;
    @Autowired AddressService addresses;
    @Autowired JdbcClient jdbc;

    final AtomicLong ids = new AtomicLong();

    @Test
    void writerThroughputWithAndWithoutTheOutbox() throws Exception {
        AddressFixtures.Tree tree = AddressFixtures.tree(addresses);
        List<DeviceRef> devices = new ArrayList<>();
        String[] nodes = {tree.building2(), tree.building10(), tree.building1(), tree.compound(), tree.otherCompound(),
                tree.school(), tree.unit(), tree.building2()};
        for (int d = 0; d < 8; d++) {
            var issued = Devices.register(registry, tree, nodes[d], DeviceKind.PLATE_CAMERA, d % 2 == 0);
            devices.add(new DeviceRef(issued.device().id(), issued.device().deviceId(),
                    issued.credentials().viidDeviceId(), DeviceKind.PLATE_CAMERA, nodes[d], null));
        }
        run(devices, EVENTS / 4); // warm-up, outbox on
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        for (int r = 0; r < ROUNDS; r++) {
            for (boolean on : new boolean[] {r % 2 == 0, r % 2 != 0}) {
                Switch.on = on;
                long queuedBefore = queued();
                Switch.handlerNanos.set(0);
                Switch.handlerEvents.set(0);
                double rate = run(devices, EVENTS);
                (on ? with : without).add(rate);
                long queuedNow = queued() - queuedBefore;
                log.append(String.format(Locale.ROOT, "round %d outbox %-3s %,9.0f events/s (%d counted; handler %.1f ms"
                                + " per 1,000 events)%n", r + 1, on ? "on" : "off", rate, queuedNow,
                        Switch.handlerEvents.get() == 0 ? 0.0
                                : Switch.handlerNanos.get() / 1e6 / Switch.handlerEvents.get() * 1000));
                if (!on) {
                    assertThat(queuedNow).isZero();
                }
            }
        }
        Switch.on = true;
        double medianWith = median(with);
        double medianWithout = median(without);
        log.append(String.format(Locale.ROOT, "median with outbox %,.0f events/s, without %,.0f events/s, ratio %.2f%n"
                        + "load: %d submitters, %d events per submission, %d events per round, load average %s%n",
                medianWith, medianWithout, medianWith / medianWithout, SUBMITTERS, BATCH, EVENTS,
                Files.readString(Path.of("/proc/loadavg")).strip()));
        System.out.print(log);
        Files.writeString(Path.of("target/benchmark-exchange.txt"), log);
    }

    /** Events counted as collected (the exchange handler's work since session 5: sightings are no longer queued in
     *  the writer's transaction but taken from the event log by the pusher). */
    private long queued() {
        return jdbc.sql("SELECT coalesce(sum(n), 0) FROM exchange.volume_day WHERE counter = 'COLLECTED'")
                .query(Long.class).single();
    }

    /** Submits {@code total} events in batches from {@link #SUBMITTERS} threads; answers durable events per second. */
    private double run(List<DeviceRef> devices, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS);
        int batches = total / BATCH;
        Instant now = Instant.now();
        long started = System.nanoTime();
        List<Future<List<EventFate>>> futures = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            DeviceRef device = devices.get(b % devices.size());
            List<IncomingEvent> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                batch.add(event(now.minusSeconds(ThreadLocalRandom.current().nextInt(3600))));
            }
            futures.add(pool.submit(() -> {
                CompletableFuture<List<EventFate>> f = ingest.submit(device, batch, Locale.CHINA);
                return f.get(120, TimeUnit.SECONDS);
            }));
        }
        for (Future<List<EventFate>> f : futures) {
            assertThat(f.get(300, TimeUnit.SECONDS)).allMatch(x -> x.outcome() == EventFate.Outcome.STORED);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return batches * BATCH / seconds;
    }

    /** 65 % vehicle passes, 10 % e-bike passes, 20 % door openings, 5 % heartbeats. */
    private IncomingEvent event(Instant at) {
        long id = ids.incrementAndGet();
        int p = (int) (id % 20);
        String eventId = "bench-" + id;
        if (p < 13) {
            return new IncomingEvent(eventId, at, EventKind.VEHICLE_PASS, null, "皖E" + (10000 + id % 90000), "2",
                    null, null, null, null, null);
        }
        if (p < 15) {
            return new IncomingEvent(eventId, at, EventKind.EBIKE_PASS, null, null, null,
                    String.format("E28%07X", id % 0xFFFFFFF), null, null, null, null);
        }
        if (p < 19) {
            return new IncomingEvent(eventId, at, EventKind.DOOR_OPEN, null, null, null, null, "card-" + (id % 500),
                    "card", null, null);
        }
        return new IncomingEvent(eventId, at, EventKind.HEARTBEAT, null, null, null, null, null, null, null, null);
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
