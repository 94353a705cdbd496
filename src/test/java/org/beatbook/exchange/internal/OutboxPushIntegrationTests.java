package org.beatbook.exchange.internal;

import org.beatbook.device.StoredEvent;
import org.beatbook.device.StoredEventsHandler;
import org.beatbook.exchange.Sightings;
import org.beatbook.exchange.UpstreamSimulator;
import org.beatbook.population.AddressFake;
import org.beatbook.population.Residents;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.beatbook.exchange.Sightings.EBIKE_R1;
import static org.beatbook.exchange.Sightings.GATE_R1;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The outbox end to end on real PostgreSQL against the GA/T 1400 simulator, with the device writer's transaction
 * played by a TransactionTemplate: what is queued, in what order it leaves, and what outages and refusals do.
 */
@SpringBootTest(properties = {
        "beatbook.exchange.device-id=" + OutboxPushIntegrationTests.PLATFORM_ID,
        "beatbook.exchange.password=secret",
        "beatbook.exchange.batch-size=20",
        "beatbook.exchange.poll-interval=50ms",
        "beatbook.exchange.keepalive-interval=500ms",
        "beatbook.exchange.backoff-initial=50ms",
        "beatbook.exchange.backoff-max=400ms",
        "beatbook.exchange.max-attempts=3",
        "beatbook.exchange.purge-cron=-"})
@AutoConfigureMockMvc
@Import(AddressFake.class)
class OutboxPushIntegrationTests {

    static final String PLATFORM_ID = "34052400002000000001";
    static final UpstreamSimulator PLATFORM = new UpstreamSimulator(PLATFORM_ID, "secret");

    static {
        try {
            PLATFORM.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        registry.add("beatbook.exchange.upstream-url", PLATFORM::url);
    }

    @AfterAll
    static void stopPlatform() {
        PLATFORM.close();
    }

    @Autowired List<StoredEventsHandler> handlers;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired ExchangeReading reading;
    @Autowired Outbox outbox;
    @Autowired LogFeed feed;
    @Autowired UpstreamState state;
    @Autowired JsonMapper json;
    @Autowired MockMvcTester mvc;
    @Autowired OutboxUpkeep upkeep;

    final ViidObjects ids = new ViidObjects(PLATFORM_ID);

    /** Stores a batch as the device writer would: every handler inside one transaction. */
    void store(List<StoredEvent> events) {
        Sightings.store(jdbc, tx, handlers, events);
    }

    List<Long> outboxIds(List<StoredEvent> events) {
        return jdbc.sql("SELECT id FROM exchange.outbox WHERE event_seq = ANY (?::bigint[]) ORDER BY id")
                .param(events.stream().mapToLong(StoredEvent::seq).toArray()).query(Long.class).list();
    }

    /** The object ids the platform must see for these events (vehicle and e-bike sightings), in log order. */
    List<String> objectIds(List<StoredEvent> events) {
        return events.stream().filter(e -> LogFeed.PUSHED.contains(e.kind())).map(e -> ids.objectId(row(e))).toList();
    }

    /** An event as the pusher's outbox row would carry it. */
    static OutboxRow row(StoredEvent e) {
        return new OutboxRow(0, e.seq(), e.kind().name(), e.eventId(), e.device().viidDeviceId(), e.occurredAt(),
                e.plate(), e.plateColor(), e.tag(), 0);
    }

    /** Sightings among these events that are neither acknowledged nor parked yet (in the log or the outbox). */
    long waiting(List<StoredEvent> events) {
        long done = jdbc.sql("""
                SELECT count(*) FROM exchange.outbox WHERE event_seq = ANY (?::bigint[])
                   AND (acknowledged_at IS NOT NULL OR parked_at IS NOT NULL)""")
                .param(events.stream().mapToLong(StoredEvent::seq).toArray()).query(Long.class).single();
        return events.stream().filter(e -> LogFeed.PUSHED.contains(e.kind())).count() - done;
    }

    static List<String> only(List<String> seen, List<String> wanted) {
        return seen.stream().filter(wanted::contains).toList();
    }

    @Test
    void aRolledBackBatchLeavesNothingQueuedOrCounted() {
        List<StoredEvent> events = Sightings.many(5, i -> Sightings.vehicle(GATE_R1, "皖E1000" + i, Instant.now()));
        long before = jdbc.sql("SELECT count(*) FROM exchange.volume_day").query(Long.class).single()
                + jdbc.sql("SELECT coalesce(sum(n), 0) FROM exchange.volume_day").query(Long.class).single();
        String logged = "SELECT count(*) FROM device.event WHERE seq = ANY (?::bigint[])";
        long[] seqs = events.stream().mapToLong(StoredEvent::seq).toArray();
        Sightings.register(jdbc, events);
        tx.executeWithoutResult(s -> {
            Sightings.log(jdbc, events);
            handlers.forEach(h -> h.inTransaction(events));
            assertThat(jdbc.sql(logged).param(seqs).query(Long.class).single()).as("in the log inside the transaction")
                    .isEqualTo(5);
            s.setRollbackOnly();
        });
        assertThat(jdbc.sql(logged).param(seqs).query(Long.class).single()).isZero();
        assertThat(outboxIds(events)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM exchange.volume_day").query(Long.class).single()
                + jdbc.sql("SELECT coalesce(sum(n), 0) FROM exchange.volume_day").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void onlyVehicleSightingsAreQueuedAndTheyArePushedInOrderWithDigestRegistration() {
        Instant t = Instant.parse("2026-11-20T02:00:00Z");
        List<StoredEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < 45; i++) {
            events.add(Sightings.vehicle(GATE_R1, "皖E2" + String.format("%04d", i), t.plusSeconds(i)));
            events.add(Sightings.door(GATE_R1, t.plusSeconds(i)));
            events.add(Sightings.heartbeat(GATE_R1, t.plusSeconds(i)));
        }
        events.add(Sightings.ebike(EBIKE_R1, "E2800001", t));
        store(events);
        List<String> expected = objectIds(events);
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting(events) == 0);
        assertThat(outboxIds(events)).as("vehicle and e-bike sightings only").hasSize(46);

        assertThat(PLATFORM.registrations()).isPositive();
        List<String> motor = expected.stream().filter(id -> id.charAt(41) == '0' && id.charAt(42) == '2').toList();
        assertThat(motor).hasSize(45);
        assertThat(only(PLATFORM.acknowledged(), expected)).as("each once").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(only(PLATFORM.acknowledged(), motor)).as("in queue order").containsExactlyElementsOf(motor);
        var first = PLATFORM.objects().stream().filter(o -> o.path("MotorVehicleID").asString("").equals(motor.get(0)))
                .findFirst().orElseThrow();
        assertThat(first.path("PlateNo").asString()).isEqualTo("皖E20000");
        assertThat(first.path("DeviceID").asString()).isEqualTo(GATE_R1.viidDeviceId());
        assertThat(first.path("PassTime").asString()).isEqualTo("20261120100000");
        assertThat(motor.get(0)).hasSize(48).startsWith(GATE_R1.viidDeviceId() + "0220261120100000");
        var bike = PLATFORM.objects().stream().filter(o -> o.has("NonMotorVehicleID")
                && o.path("PlateNo").asString("").equals("E2800001")).findFirst().orElseThrow();
        assertThat(bike.path("DeviceID").asString()).as("no DeviceID of its own: Beatbook's").isEqualTo(PLATFORM_ID);
    }

    @Test
    void aSightingCommittedLateBehindALaterOneIsStillPushedAndInCommitOrder() throws Exception {
        // A writer stores sighting `slow` (the lower sequence number) and is still working when a second writer
        // stores and commits `fast`. A cursor by sequence number would push `fast`, move past `slow` and never
        // see it; the log hands out nothing of a transaction that is still running, nor of any that began after it.
        StoredEvent slow = Sightings.vehicle(GATE_R1, "皖EC0001", Instant.parse("2026-11-27T09:00:00Z"));
        StoredEvent fast = Sightings.vehicle(GATE_R1, "皖EC0002", Instant.parse("2026-11-27T09:00:01Z"));
        assertThat(slow.seq()).isLessThan(fast.seq());
        CountDownLatch stored = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            StoredEventsHandler holdsTheCommit = new StoredEventsHandler() {
                @Override
                public void inTransaction(List<StoredEvent> events) {
                    stored.countDown();
                    try {
                        commit.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            Future<?> first = writer.submit(() -> Sightings.store(jdbc, tx, List.of(holdsTheCommit), List.of(slow)));
            assertThat(stored.await(10, TimeUnit.SECONDS)).isTrue();
            store(List.of(fast));
            Thread.sleep(1000); // the pusher polls every 50 ms
            assertThat(waiting(List.of(slow, fast))).as("nothing passes the running transaction").isEqualTo(2);
            assertThat(reading.status(AddressFake.R1, Locale.SIMPLIFIED_CHINESE).queueDepth()).isGreaterThanOrEqualTo(1);

            commit.countDown();
            first.get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).until(() -> waiting(List.of(slow, fast)) == 0);
            assertThat(only(PLATFORM.acknowledged(), objectIds(List.of(slow, fast))))
                    .containsExactlyElementsOf(objectIds(List.of(slow, fast)));
        } finally {
            commit.countDown();
            writer.shutdownNow();
        }
    }

    @Test
    void aCursorAheadOfThisDatabaseTakesNothingUntilItIsRebased() {
        // as after a restore from a logical dump into another cluster, whose transaction ids start lower again
        var before = feed.cursor();
        List<StoredEvent> events = List.of(Sightings.vehicle(GATE_R1, "皖ED0001", Instant.parse("2026-11-27T10:00:00Z")));
        try {
            jdbc.sql("UPDATE exchange.log_cursor SET xid = ?").param(Long.MAX_VALUE / 2).update();
            store(events);
            assertThat(feed.take(20)).isZero();
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> waiting(events) == 1);
            assertThat(outboxIds(events)).as("not taken").isEmpty();
        } finally {
            jdbc.sql("UPDATE exchange.log_cursor SET xid = ?, seq = ?").params(before.xid(), before.seq()).update();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting(events) == 0);
    }

    @Test
    void anOutageQueuesAndTheQueueLaterDrainsInOrderWithNothingSentTwiceOnceAcknowledged() {
        PLATFORM.unavailable(true);
        try {
            Instant t = Instant.parse("2026-11-21T03:00:00Z");
            List<StoredEvent> events = Sightings.many(50, i -> Sightings.vehicle(GATE_R1, "皖E3" + String.format("%04d", i),
                    t.plusSeconds(i)));
            store(events);
            List<String> expected = objectIds(events);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                ExchangeStatus s = reading.status(AddressFake.R1, Locale.SIMPLIFIED_CHINESE);
                return s.lastError() != null && s.lastError().detail().equals("HTTP 503")
                        && s.lastError().at().isAfter(t);
            });
            assertThat(waiting(events)).isEqualTo(50);
            assertThat(reading.status(AddressFake.R1, Locale.SIMPLIFIED_CHINESE).queueDepth()).isGreaterThanOrEqualTo(50);

            PLATFORM.unavailable(false);
            PLATFORM.loseAcknowledgements(1); // one batch arrives but its answer is lost: that batch alone goes again
            await().atMost(Duration.ofSeconds(20)).until(() -> waiting(events) == 0);
            assertThat(only(PLATFORM.acknowledged(), expected).stream().distinct().toList())
                    .containsExactlyElementsOf(expected);
            List<String> seen = only(PLATFORM.acknowledged(), expected);
            // the lost batch is the only repeat, and it repeats before anything after it was acknowledged
            assertThat(seen.size()).isBetween(50, 70);
            assertThat(seen.subList(seen.size() - 50, seen.size()).stream().distinct().count()).isEqualTo(50);
        } finally {
            PLATFORM.unavailable(false);
        }
    }

    @Test
    void aPermanentlyRefusedObjectIsParkedWithItsReasonAndDoesNotBlockTheQueue() {
        PLATFORM.unavailable(true); // hold the queue while the refusals are set up
        Instant t = Instant.parse("2026-11-22T04:00:00Z");
        List<StoredEvent> events = Sightings.many(10, i -> Sightings.vehicle(GATE_R1, "皖E4" + String.format("%04d", i),
                t.plusSeconds(i)));
        store(events);
        List<String> expected = objectIds(events);
        PLATFORM.refuse(expected.get(3), "6");
        PLATFORM.refuseTemporarily(expected.get(5), 2);
        PLATFORM.unavailable(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting(events) == 0);

        List<String> acknowledged = only(PLATFORM.acknowledged(), expected);
        assertThat(acknowledged).doesNotContain(expected.get(3)).contains(expected.get(5)).hasSize(9);
        assertThat(only(PLATFORM.received(), List.of(expected.get(5)))).as("busy twice, then taken").hasSize(3);
        ExchangeStatus status = reading.status(AddressFake.R1, Locale.SIMPLIFIED_CHINESE);
        assertThat(status.recentParked()).anySatisfy(p -> {
            assertThat(p.eventId()).isEqualTo(events.get(3).eventId());
            assertThat(p.reason()).startsWith("StatusCode 6");
            assertThat(p.compound()).isEqualTo("R1C1");
        });
        assertThat(reading.status(AddressFake.R2, Locale.SIMPLIFIED_CHINESE).recentParked())
                .as("not shown outside the jurisdiction").noneMatch(p -> p.eventId().equals(events.get(3).eventId()));
    }

    @Test
    void anObjectStillRefusedAfterTheLastAttemptIsParked() {
        PLATFORM.unavailable(true);
        List<StoredEvent> events = List.of(Sightings.vehicle(GATE_R1, "皖E50001", Instant.parse("2026-11-23T05:00:00Z")));
        store(events);
        String id = objectIds(events).get(0);
        PLATFORM.refuseTemporarily(id, 100);
        PLATFORM.unavailable(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting(events) == 0);
        assertThat(jdbc.sql("SELECT attempts || ' ' || parked_reason FROM exchange.outbox WHERE event_seq = ?")
                .param(events.get(0).seq()).query(String.class).single()).isEqualTo("3 StatusCode 2 Device Busy");
    }

    @Test
    void whenThePlatformForgetsUsBeatbookRegistersAgainAndGoesOn() {
        int before = PLATFORM.registrations();
        PLATFORM.forgetRegistrations();
        List<StoredEvent> events = Sightings.many(3, i -> Sightings.vehicle(GATE_R1, "皖E6000" + i, Instant.now()));
        store(events);
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting(events) == 0);
        assertThat(PLATFORM.registrations()).isGreaterThan(before);
        await().atMost(Duration.ofSeconds(5)).until(() -> PLATFORM.keepalives() > 0);
    }

    @Test
    void aDeviceSent48DigitIdIsPushedAsIs() {
        String own = GATE_R1.viidDeviceId() + "02" + "20261124060000" + "00042" + "02" + "00001";
        List<StoredEvent> events = List.of(Sightings.viidVehicle(GATE_R1, "皖E70001", Instant.parse("2026-11-24T06:00:00Z"), own));
        store(events);
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting(events) == 0);
        assertThat(PLATFORM.acknowledged()).contains(own);
    }

    @Test
    void aWrongPasswordIsRefusedByDigestAndShownOnTheStatusPage() {
        ExchangeProperties wrong = new ExchangeProperties(PLATFORM.url(), PLATFORM_ID, "not-the-password", 20, null,
                null, null, null, null, null, null, null);
        Pusher pusher = new Pusher(wrong, new UpstreamClient(wrong, json), outbox, feed, state, tx);
        int refused = PLATFORM.refusedRegistrations();
        assertThat(pusher.step()).isPositive();
        assertThat(PLATFORM.refusedRegistrations()).isEqualTo(refused + 1);

        var page = mvc.get().uri("/exchange").with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.authentication(
                        org.beatbook.population.Residents.signedIn(org.beatbook.shared.security.Role.STATION_LEADER)))
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(new String(page.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("注册被拒绝：设备编码或密码错误", "HTTP 401");
    }
    List<Long> parkedIds(List<StoredEvent> events) {
        return jdbc.sql("""
                SELECT id FROM exchange.outbox WHERE event_seq = ANY (?::bigint[]) AND parked_at IS NOT NULL ORDER BY id""")
                .param(events.stream().mapToLong(StoredEvent::seq).toArray()).query(Long.class).list();
    }

    @Test
    void acknowledgedRowsPastTheRetentionArePurgedInBoundedStatementsAndTheDailyCountsStay() {
        Instant t = Instant.parse("2026-11-25T07:00:00Z"); // 15:00 in Beijing: one collection day
        List<StoredEvent> events = Sightings.many(12, i -> Sightings.vehicle(GATE_R1, "皖E9" + String.format("%04d", i),
                t.plusSeconds(i)));
        store(events);
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting(events) == 0);
        List<Long> ids = outboxIds(events);
        assertThat(ids).hasSize(12);
        jdbc.sql("UPDATE exchange.outbox SET acknowledged_at = now() - interval '8 days' WHERE id = ANY (?::bigint[])")
                .param(ids.subList(0, 10).stream().mapToLong(Long::longValue).toArray()).update();
        List<Long> parkedBefore = jdbc.sql("SELECT id FROM exchange.outbox WHERE parked_at IS NOT NULL ORDER BY id")
                .query(Long.class).list();
        String day = """
                SELECT string_agg(counter || '=' || n, ',' ORDER BY counter) FROM exchange.volume_day
                 WHERE day = DATE '2026-11-25' AND compound_code = 'R1C1'""";
        assertThat(jdbc.sql(day).query(String.class).single()).isEqualTo("COLLECTED=12,PUSHED=12");

        OutboxUpkeep.Purge purge = upkeep.purge(Instant.now().minus(Duration.ofDays(7)), 4);

        assertThat(purge.deleted()).isGreaterThanOrEqualTo(10);
        assertThat(purge.statements()).as("at most 4 rows per statement").isGreaterThanOrEqualTo(3);
        assertThat(outboxIds(events)).as("only the recently acknowledged stay").containsExactlyElementsOf(ids.subList(10, 12));
        assertThat(jdbc.sql(day).query(String.class).single()).as("the ledger keeps its counts")
                .isEqualTo("COLLECTED=12,PUSHED=12");
        assertThat(jdbc.sql("SELECT id FROM exchange.outbox WHERE parked_at IS NOT NULL ORDER BY id").query(Long.class)
                .list()).as("parked rows are never purged").containsAll(parkedBefore);
        assertThat(upkeep.purge(Instant.now().minus(Duration.ofDays(7)), 4).deleted()).as("nothing left to purge").isZero();
    }

    @Test
    void parkedRowsGoBackInTheQueueInTheirOriginalOrderFromThePageAndTheApiWithinTheJurisdiction() {
        PLATFORM.unavailable(true);
        Instant t = Instant.parse("2026-11-26T08:00:00Z");
        List<StoredEvent> events = Sightings.many(6, i -> Sightings.vehicle(GATE_R1, "皖EA000" + i, t.plusSeconds(i)));
        store(events);
        List<String> expected = objectIds(events);
        List<String> refused = List.of(expected.get(1), expected.get(3), expected.get(4));
        refused.forEach(id -> PLATFORM.refuse(id, "6"));
        PLATFORM.unavailable(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting(events) == 0);
        assertThat(parkedIds(events)).hasSize(3);

        var leader = authentication(Residents.signedIn(Role.STATION_LEADER));
        String page = body(mvc.get().uri("/exchange").with(leader).exchange());
        assertThat(page).contains("全部重新推送（", "action=\"/exchange/requeue\"", "name=\"_csrf\"");

        var elsewhere = mvc.post().uri("/api/v1/exchange/requeue").with(csrf())
                .with(authentication(Residents.signedIn(Role.COMMUNITY_OFFICER, AddressFake.R2))).exchange();
        assertThat(elsewhere).hasStatusOk();
        assertThat(parkedIds(events)).as("another jurisdiction's re-queue leaves them").hasSize(3);
        assertThat(mvc.post().uri("/api/v1/exchange/requeue").with(csrf())
                .with(authentication(Residents.signedIn(Role.AUXILIARY_POLICE))).exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        mvc.post().uri("/exchange/requeue").with(leader).exchange(); // no CSRF token
        assertThat(parkedIds(events)).as("a POST without the CSRF token re-queues nothing").hasSize(3);

        refused.forEach(PLATFORM::accept);
        PLATFORM.unavailable(true); // hold the queue: what is queued after must leave after them
        List<StoredEvent> later = Sightings.many(2, i -> Sightings.vehicle(GATE_R1, "皖EB000" + i, Instant.now()));
        store(later);
        long audited = jdbc.sql("SELECT count(*) FROM audit.audit_log WHERE action = 'OUTBOX_REQUEUED'")
                .query(Long.class).single();
        var requeue = mvc.post().uri("/exchange/requeue").with(leader).with(csrf()).exchange();
        assertThat(requeue).hasStatus3xxRedirection().hasRedirectedUrl("/exchange");
        assertThat(String.valueOf(requeue.getMvcResult().getFlashMap().get("requeued")))
                .startsWith("已将 ").endsWith(" 条被拒收的数据放回推送队列。");
        assertThat(parkedIds(events)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_log WHERE action = 'OUTBOX_REQUEUED'")
                .query(Long.class).single()).isEqualTo(audited + 1);

        PLATFORM.unavailable(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting(events) == 0 && waiting(later) == 0);
        List<String> order = new java.util.ArrayList<>(refused);
        order.addAll(objectIds(later));
        assertThat(only(PLATFORM.acknowledged(), order)).as("once each, the re-queued first, in their order")
                .containsExactlyElementsOf(order);
        assertThat(parkedIds(events)).isEmpty();
    }

    static String body(org.springframework.test.web.servlet.assertj.MvcTestResult r) {
        return new String(r.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
