package org.beatbook.device.internal;

import org.beatbook.address.AddressFixtures;
import org.beatbook.address.internal.AddressService;
import org.beatbook.device.DeviceIngest;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.Devices;
import org.beatbook.device.EventFate;
import org.beatbook.device.EventFate.Outcome;
import org.beatbook.device.EventKind;
import org.beatbook.device.EventLog;
import org.beatbook.device.IncomingEvent;
import org.beatbook.device.LogPosition;
import org.beatbook.device.LoggedEvent;
import org.beatbook.device.StoredEvent;
import org.beatbook.device.StoredEventsHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The writer on real PostgreSQL: many concurrent submitters, every event stored and handed on exactly once. */
@SpringBootTest
@Import(DeviceIngestIntegrationTests.Handlers.class)
class DeviceIngestIntegrationTests {

    /** Records what handlers were given, and proves inTransaction runs inside the writer's transaction. */
    @TestConfiguration
    static class Handlers {
        static final Map<String, AtomicInteger> inTx = new ConcurrentHashMap<>();
        static final Map<String, AtomicInteger> after = new ConcurrentHashMap<>();
        static final AtomicInteger outsideTx = new AtomicInteger();

        @Bean
        StoredEventsHandler recordingHandler(JdbcClient jdbc) {
            return new StoredEventsHandler() {
                @Override
                public void inTransaction(List<StoredEvent> stored) {
                    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                        outsideTx.incrementAndGet();
                    }
                    for (StoredEvent e : stored) {
                        if ("poison".equals(e.eventId())) {
                            throw new IllegalStateException("handler refuses this batch");
                        }
                        inTx.computeIfAbsent(e.deviceUuid() + "/" + e.eventId(), k -> new AtomicInteger()).incrementAndGet();
                    }
                    // visible to the handler's JdbcClient: same transaction
                    long seen = jdbc.sql("SELECT count(*) FROM device.event WHERE seq = ANY(?::bigint[])")
                            .param(stored.stream().map(e -> String.valueOf(e.seq()))
                                    .collect(java.util.stream.Collectors.joining(",", "{", "}")))
                            .query(Long.class).single();
                    if (seen != stored.size()) {
                        outsideTx.incrementAndGet();
                    }
                }

                @Override
                public void afterCommit(List<StoredEvent> stored) {
                    stored.forEach(e -> after.computeIfAbsent(e.deviceUuid() + "/" + e.eventId(),
                            k -> new AtomicInteger()).incrementAndGet());
                }
            };
        }
    }

    @Autowired DeviceIngest ingest;
    @Autowired DeviceRegistry registry;
    @Autowired AddressService addresses;
    @Autowired JdbcClient jdbc;
    @Autowired EventLog log;

    /** A plate camera registered at the tree's compound gate, as the protocol adapters hand it to the writer. */
    DeviceRef camera(AddressFixtures.Tree tree, boolean viid) {
        var issued = Devices.register(registry, tree, tree.compound(), DeviceKind.PLATE_CAMERA, viid);
        return new DeviceRef(issued.device().id(), issued.device().deviceId(), issued.credentials().viidDeviceId(),
                DeviceKind.PLATE_CAMERA, tree.compound(), tree.compoundPath());
    }

    static IncomingEvent vehicle(String id, Instant at) {
        return new IncomingEvent(id, at, EventKind.VEHICLE_PASS, null, "皖E12345", null, null, null, null, null, null);
    }

    @Test
    void concurrentSubmittersWithResendsStoreEveryEventExactlyOnce() throws Exception {
        AddressFixtures.Tree tree = AddressFixtures.tree(addresses);
        List<DeviceRef> devices = new ArrayList<>();
        for (int d = 0; d < 8; d++) {
            devices.add(camera(tree, false));
        }
        Instant now = Instant.now();
        int perDevice = 300;
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Future<List<EventFate>>> futures = new ArrayList<>();
        // every event is sent three times, by different threads, in batches of different shapes
        for (int copy = 0; copy < 3; copy++) {
            for (DeviceRef device : devices) {
                List<Integer> ids = new ArrayList<>();
                for (int i = 0; i < perDevice; i++) {
                    ids.add(i);
                }
                Collections.shuffle(ids);
                int size = 1 + copy * 7;
                for (int from = 0; from < perDevice; from += size) {
                    List<IncomingEvent> batch = ids.subList(from, Math.min(perDevice, from + size)).stream()
                            .map(i -> vehicle("ev-" + i, now.minusSeconds(i))).toList();
                    futures.add(pool.submit(() -> ingest.submit(device, batch, Locale.CHINA).get(60, TimeUnit.SECONDS)));
                }
            }
        }
        Map<String, Integer> storedFates = new ConcurrentHashMap<>();
        int duplicates = 0;
        for (Future<List<EventFate>> f : futures) {
            for (EventFate fate : f.get(120, TimeUnit.SECONDS)) {
                assertThat(fate.outcome()).isNotEqualTo(Outcome.REJECTED);
                if (fate.outcome() == Outcome.STORED) {
                    storedFates.merge(fate.eventId(), 1, Integer::sum);
                } else {
                    duplicates++;
                }
            }
        }
        pool.shutdown();
        int total = devices.size() * perDevice;
        assertThat(storedFates.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
        assertThat(duplicates).isEqualTo(2 * total);
        for (DeviceRef device : devices) {
            assertThat(jdbc.sql("SELECT count(*), count(DISTINCT event_id) FROM device.event WHERE device = ?")
                    .param(device.id()).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single())
                    .containsExactly((long) perDevice, (long) perDevice);
            assertThat(jdbc.sql("SELECT events_total FROM device.device_status WHERE device = ?").param(device.id())
                    .query(Long.class).single()).isEqualTo(perDevice);
        }
        long handed = Handlers.inTx.entrySet().stream()
                .filter(e -> devices.stream().anyMatch(d -> e.getKey().startsWith(d.id().toString())))
                .peek(e -> assertThat(e.getValue().get()).as(e.getKey()).isEqualTo(1)).count();
        assertThat(handed).isEqualTo(total);
        assertThat(Handlers.outsideTx.get()).isZero();
        Thread.sleep(200); // afterCommit runs right after the futures complete
        assertThat(Handlers.after.keySet().stream()
                .filter(k -> devices.stream().anyMatch(d -> k.startsWith(d.id().toString()))).count()).isEqualTo(total);
    }

    @Test
    void aSubmissionThatFailsInTransactionFailsAloneAndStoresNothing() throws Exception {
        AddressFixtures.Tree tree = AddressFixtures.tree(addresses);
        DeviceRef device = camera(tree, false);
        Instant now = Instant.now();
        List<CompletableFuture<List<EventFate>>> good = new ArrayList<>();
        CompletableFuture<List<EventFate>> bad = null;
        for (int i = 0; i < 20; i++) {
            good.add(ingest.submit(device, List.of(vehicle("ok-" + i, now)), Locale.CHINA));
            if (i == 10) {
                bad = ingest.submit(device, List.of(vehicle("poison", now), vehicle("with-poison", now)), Locale.CHINA);
            }
        }
        for (var f : good) {
            assertThat(f.get(30, TimeUnit.SECONDS)).extracting(EventFate::outcome).containsExactly(Outcome.STORED);
        }
        CompletableFuture<List<EventFate>> failed = bad;
        assertThatThrownBy(() -> failed.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM device.event WHERE device = ?").param(device.id())
                .query(Long.class).single()).isEqualTo(20);
        assertThat(jdbc.sql("SELECT count(*) FROM device.event WHERE device = ? AND event_id LIKE '%poison'")
                .param(device.id()).query(Long.class).single()).isZero();
    }

    @Test
    void eventsFromEarlierMonthsOfTheRetentionAreStoredOnceAndTheirResendsAnsweredDuplicate() throws Exception {
        AddressFixtures.Tree tree = AddressFixtures.tree(addresses);
        DeviceRef device = camera(tree, false);
        Instant now = Instant.now();
        // a camera that was offline for months hands in its backlog: every month back to the retention has a home
        List<IncomingEvent> backlog = List.of(vehicle("b-170", now.minus(Duration.ofDays(170))),
                vehicle("b-95", now.minus(Duration.ofDays(95))), vehicle("b-40", now.minus(Duration.ofDays(40))),
                vehicle("b-0", now));
        assertThat(ingest.submit(device, backlog, Locale.CHINA).get(30, TimeUnit.SECONDS))
                .extracting(EventFate::outcome).containsOnly(Outcome.STORED);

        // resent, mixed with one new event: the old ones are duplicates, whatever month they lie in
        List<IncomingEvent> resent = new ArrayList<>(backlog);
        resent.add(1, vehicle("b-new", now.minus(Duration.ofDays(120))));
        assertThat(ingest.submit(device, resent, Locale.CHINA).get(30, TimeUnit.SECONDS))
                .extracting(EventFate::outcome).containsExactly(Outcome.DUPLICATE, Outcome.STORED, Outcome.DUPLICATE,
                        Outcome.DUPLICATE, Outcome.DUPLICATE);
        assertThat(jdbc.sql("SELECT event_id FROM device.event WHERE device = ? ORDER BY occurred_at")
                .param(device.id()).query(String.class).list())
                .containsExactly("b-170", "b-new", "b-95", "b-40", "b-0");
    }

    @Test
    void theEventLogHandsOutSightingsInOrderAndCountsNoFurtherThanAsked() throws Exception {
        AddressFixtures.Tree tree = AddressFixtures.tree(addresses);
        DeviceRef device = camera(tree, true);
        Instant now = Instant.now();
        LogPosition start = jdbc.sql("SELECT coalesce(max(xid), 0) FROM device.event")
                .query((rs, i) -> new LogPosition(rs.getLong(1), Long.MAX_VALUE)).single();
        List<IncomingEvent> first = List.of(vehicle("log-1", now), new IncomingEvent("log-hb", now,
                EventKind.HEARTBEAT, null, null, null, null, null, null, null, null), vehicle("log-2", now));
        ingest.submit(device, first, Locale.CHINA).get(30, TimeUnit.SECONDS);
        ingest.submit(device, List.of(vehicle("log-3", now)), Locale.CHINA).get(30, TimeUnit.SECONDS);

        // committed, and handed out once no transaction older than theirs is still running (other work may be)
        List<List<LoggedEvent>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            seen.add(0, log.sightingsAfter(start, 10).stream()
                    .filter(l -> l.event().device().id().equals(device.id())).toList());
            return seen.get(0).size() == 3;
        });
        List<LoggedEvent> logged = seen.get(0);
        assertThat(logged).as("sightings only, in the order stored").extracting(l -> l.event().eventId())
                .containsExactly("log-1", "log-2", "log-3");
        assertThat(logged.get(0).event().device()).as("the device as registered")
                .extracting(DeviceRef::viidDeviceId, DeviceRef::nodeCode)
                .containsExactly(device.viidDeviceId(), tree.compound());
        assertThat(logged.get(0).event().plate()).isEqualTo("皖E12345");
        // a reader that kept the first as its cursor gets the rest; counting stops where it is told to
        assertThat(log.sightingsAfter(logged.get(0).position(), 10)).extracting(l -> l.event().eventId())
                .containsSubsequence("log-2", "log-3").doesNotContain("log-1");
        assertThat(log.countSightingsAfter(logged.get(0).position(), 1)).isEqualTo(1);
        assertThat(log.countSightingsAfter(logged.get(0).position(), 10)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anEventInTheLastHalfMicrosecondOfAMonthIsStoredInThatMonthAndItsResendIsADuplicate() throws Exception {
        AddressFixtures.Tree tree = AddressFixtures.tree(addresses);
        DeviceRef device = camera(tree, false);
        // PostgreSQL keeps microseconds: rounded there, this instant would fall in the next month's partition range
        Instant monthStart = java.time.LocalDate.now(java.time.ZoneOffset.UTC).withDayOfMonth(1)
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant lastNanos = monthStart.minusNanos(400);
        List<IncomingEvent> event = List.of(vehicle("edge-1", lastNanos));
        assertThat(ingest.submit(device, event, Locale.CHINA).get(30, TimeUnit.SECONDS))
                .extracting(EventFate::outcome).containsExactly(Outcome.STORED);
        assertThat(ingest.submit(device, event, Locale.CHINA).get(30, TimeUnit.SECONDS))
                .extracting(EventFate::outcome).containsExactly(Outcome.DUPLICATE);
        assertThat(jdbc.sql("SELECT occurred_at < ?::timestamptz FROM device.event WHERE device = ?")
                .param(monthStart.toString()).param(device.id()).query(Boolean.class).single()).isTrue();
    }
}
