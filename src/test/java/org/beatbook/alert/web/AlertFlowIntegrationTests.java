package org.beatbook.alert.web;

import com.jayway.jsonpath.JsonPath;
import org.beatbook.alert.Sightings;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.Direction;
import org.beatbook.device.StoredEvent;
import org.beatbook.device.StoredEventsHandler;
import org.beatbook.population.AddressFake;
import org.beatbook.population.Residents;
import org.beatbook.shared.security.CallerAuthentication;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.security.Scope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Hotlist hit → alert row → on the SSE stream of the auxiliary officer of that compound within a second, not on
 * the stream of the auxiliary officer next door; then the alert API through its states, on real PostgreSQL. The
 * alert module's handlers are called as the ingest pipeline calls them (in its transaction, then after the commit).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertFlowIntegrationTests {

    static final Authentication OFFICER = Residents.signedIn(Role.COMMUNITY_OFFICER);
    static final Authentication AUX_ONE = new CallerAuthentication(Residents.caller(Role.AUXILIARY_POLICE,
            new Scope(List.of("R1.R1C1"))));
    static final Authentication AUX_TWO = new CallerAuthentication(Residents.caller(Role.AUXILIARY_POLICE,
            AddressFake.R2));
    static final Authentication WORKER = Residents.signedIn(Role.COMMUNITY_WORKER);
    static final DeviceRef CAMERA = Sightings.gate(AddressFake.COMPOUND, "R1.R1C1", DeviceKind.PLATE_CAMERA);
    static final DeviceRef READER = Sightings.gate(AddressFake.COMPOUND, "R1.R1C1", DeviceKind.EBIKE_READER);

    @Autowired MockMvcTester mvc;
    @Autowired MockMvc plain;
    @Autowired JdbcClient jdbc;
    @Autowired List<StoredEventsHandler> handlers;
    @Autowired org.beatbook.device.internal.DeviceRegistry devices;
    @Autowired org.beatbook.device.DeviceDirectory directory;
    @Autowired org.beatbook.device.DeviceIngest ingest;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    long nearOfficer;
    long farOfficer;

    @BeforeAll
    void users() {
        nearOfficer = user("near.aux", "近辅警", "AUXILIARY_POLICE", AddressFake.COMPOUND);
        farOfficer = user("far.aux", "远辅警", "AUXILIARY_POLICE", "R2C1");
    }

    long user(String username, String name, String role, String node) {
        long id = jdbc.sql("""
                        INSERT INTO identity.app_user (username, display_name, role, password_hash, created_at, updated_at)
                        VALUES (?, ?, ?, 'x', now(), now()) RETURNING id""")
                .params(username, name, role).query(Long.class).single();
        jdbc.sql("INSERT INTO identity.user_jurisdiction (user_id, node_code) VALUES (?, ?)").params(id, node).update();
        return id;
    }

    /**
     * As the pipeline does: the alert module's handlers in a transaction (the other modules' handlers would write rows
     * for events that are not stored here), then every handler after the commit.
     */
    void ingest(StoredEvent... events) {
        List<StoredEvent> batch = List.of(events);
        tx.executeWithoutResult(s -> handlers.stream()
                .filter(h -> h.getClass().getPackageName().startsWith("org.beatbook.alert"))
                .forEach(h -> h.inTransaction(batch)));
        for (StoredEventsHandler h : handlers) {
            h.afterCommit(batch);
        }
    }

    MvcTestResult post(String uri, String json, Authentication who) {
        return mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json)
                .header("Accept-Language", "zh-CN").with(authentication(who)).with(csrf()).exchange();
    }

    MvcTestResult get(String uri, Authentication who) {
        return mvc.get().uri(uri).with(authentication(who)).exchange();
    }

    MockHttpServletResponse subscribe(Authentication who) throws Exception {
        MvcResult r = plain.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/alerts/stream").with(authentication(who))).andReturn();
        assertThat(r.getRequest().isAsyncStarted()).isTrue();
        return r.getResponse();
    }

    static String body(MvcTestResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static String text(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    long waitFor(MockHttpServletResponse stream, String needle, Duration max) throws Exception {
        long start = System.nanoTime();
        while (!text(stream).contains(needle)) {
            if (System.nanoTime() - start > max.toNanos()) {
                throw new AssertionError("not on the stream within " + max + ": " + needle + "\n" + text(stream));
            }
            Thread.sleep(5);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void stolenPlateReachesTheCompoundsOfficerWithinASecondAndNobodyElse() throws Exception {
        assertThat(post("/api/v1/hotlist", """
                {"kind":"PLATE","value":"皖E·K7319","source":"市公安局通报","reference":"A-1"}""", OFFICER))
                .hasStatus(201).bodyJson().extractingPath("$.value").isEqualTo("皖EK7319");
        MockHttpServletResponse near = subscribe(AUX_ONE);
        MockHttpServletResponse far = subscribe(AUX_TWO);

        StoredEvent pass = Sightings.car(CAMERA, "皖EK7319", Direction.IN, Instant.now());
        ingest(pass);
        long ms = waitFor(near, "皖EK7319", Duration.ofSeconds(1));
        assertThat(ms).as("ms from hand-over to the stream").isLessThan(1000);
        assertThat(text(near)).contains("event:alert").contains("\"rule\":\"HOTLIST_HIT\"");

        ingest(pass); // the same event again (a redelivery): no second alert
        Thread.sleep(300);
        assertThat(jdbc.sql("SELECT count(*) FROM alert.alert WHERE event_seq = ?").param(pass.seq())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(text(far)).doesNotContain("皖EK7319");

        long id = jdbc.sql("SELECT id FROM alert.alert WHERE event_seq = ?").param(pass.seq()).query(Long.class).single();
        assertThat(body(get("/api/v1/alerts", AUX_ONE))).contains("皖EK7319").contains(CAMERA.deviceId());
        assertThat(body(get("/api/v1/alerts", AUX_TWO))).doesNotContain("皖EK7319");
        MvcTestResult foreign = get("/api/v1/alerts/" + id, AUX_TWO);
        MvcTestResult missing = get("/api/v1/alerts/99999999", AUX_TWO);
        assertThat(foreign).hasStatus(404);
        assertThat(missing).hasStatus(404);
        assertThat(body(foreign).replace("/alerts/" + id, "/alerts/{id}"))
                .isEqualTo(body(missing).replace("/alerts/99999999", "/alerts/{id}"));
        assertThat(post("/api/v1/alerts/" + id + "/acknowledge", "{}", AUX_TWO)).hasStatus(404);
        assertThat(get("/api/v1/alerts", WORKER)).hasStatus(403);

        // NEW → ACKNOWLEDGED → DISPATCHED → CLOSED, each step pushed to the stream
        assertThat(post("/api/v1/alerts/" + id + "/dispatch", "{\"assigneeId\":" + nearOfficer + "}", AUX_ONE))
                .hasStatus(409).bodyJson().extractingPath("$.errors[0].field").isEqualTo("state");
        assertThat(post("/api/v1/alerts/" + id + "/acknowledge", "", AUX_ONE))
                .hasStatus(200).bodyJson().extractingPath("$.state").isEqualTo("ACKNOWLEDGED");
        waitFor(near, "event:alert-changed", Duration.ofSeconds(1));
        assertThat(post("/api/v1/alerts/" + id + "/acknowledge", "", AUX_ONE)).hasStatus(409);
        assertThat(post("/api/v1/alerts/" + id + "/dispatch", "{}", AUX_ONE))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("assigneeId");
        assertThat(post("/api/v1/alerts/" + id + "/dispatch", "{\"assigneeId\":" + farOfficer + "}", AUX_ONE))
                .as("an officer of another compound").hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("assigneeId");
        assertThat(post("/api/v1/alerts/" + id + "/dispatch", "{\"assigneeId\":\"x\"}", AUX_ONE))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("assigneeId");
        assertThat(post("/api/v1/alerts/" + id + "/dispatch", "{\"assigneeId\":" + nearOfficer + ",\"note\":\"去北门\"}", AUX_ONE))
                .hasStatus(200).bodyJson().extractingPath("$.assigneeName").isEqualTo("近辅警");
        assertThat(post("/api/v1/alerts/" + id + "/close", "{\"outcome\":\"MAYBE\"}", AUX_ONE))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("outcome");
        assertThat(post("/api/v1/alerts/" + id + "/close", "{\"outcome\":\"OTHER\"}", AUX_ONE))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("note");
        assertThat(post("/api/v1/alerts/" + id + "/close", "{\"outcome\":\"FALSE_POSITIVE\",\"note\":\"套牌\"}", AUX_ONE))
                .hasStatus(200).bodyJson().extractingPath("$.state").isEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT string_agg(action, ',' ORDER BY id) FROM audit.audit_log WHERE object_type = 'ALERT' AND object_id = ?")
                .param(Long.toString(id)).query(String.class).single())
                .isEqualTo("ALERT_READ,ALERT_ACKNOWLEDGED,ALERT_DISPATCHED,ALERT_CLOSED".replace("ALERT_READ,", ""));
        assertThat(mvc.get().uri("/alerts").with(authentication(AUX_ONE)).exchange())
                .hasStatusOk().bodyText().contains("被盗车辆布控命中").contains("100.0%");
    }

    @Test
    void registeredEbikeLeavingAtNightNamesTheOwnerOnlyWhenOpenedAndThatIsAudited() throws Exception {
        MvcTestResult person = post("/api/v1/persons", Residents.tenant().json(), OFFICER);
        assertThat(person).hasStatus(201);
        long owner = ((Number) JsonPath.read(body(person), "$.person.id")).longValue();
        String ownerName = JsonPath.read(body(person), "$.person.name");
        MvcTestResult bike = post("/api/v1/vehicles", """
                {"kind":"EBIKE","tag":"e2801160 0000 a1b2","brand":"雅迪","colour":"白","ownerId":%d}""".formatted(owner),
                OFFICER);
        assertThat(bike).hasStatus(201).bodyJson().extractingPath("$.tag").isEqualTo("E28011600000A1B2");

        StoredEvent night = Sightings.ebike(READER, "E28011600000A1B2", Direction.OUT, Sightings.local(2026, 11, 29, 2, 10, 0));
        for (StoredEventsHandler h : handlers) {
            h.inTransaction(List.of(night));
        }
        ingest(night);
        long id = 0;
        for (int i = 0; i < 100 && id == 0; i++) {
            Thread.sleep(10);
            id = jdbc.sql("SELECT coalesce(max(id), 0) FROM alert.alert WHERE event_seq = ? AND rule = 'EBIKE_NIGHT_EXIT'")
                    .param(night.seq()).query(Long.class).single();
        }
        assertThat(id).isPositive();
        assertThat(jdbc.sql("SELECT last_seen_at FROM vehicle.vehicle WHERE tag = 'E28011600000A1B2'")
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(night.occurredAt());

        assertThat(body(get("/api/v1/alerts", AUX_ONE))).contains("E28011600000A1B2").doesNotContain(ownerName);
        assertThat(get("/api/v1/alerts/" + id, AUX_ONE)).hasStatusOk().bodyJson()
                .extractingPath("$.vehicle.ownerName").isEqualTo(ownerName);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_log WHERE action = 'PERSON_READ' AND object_id = ? AND detail LIKE ?")
                .param(Long.toString(owner)).param("%alert " + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void stolenEbikeSentThroughTheIngestPipelineIsOnTheStreamWithinASecond() throws Exception {
        var issued = devices.register(new org.beatbook.device.internal.DeviceViews.NewDevice("北门电动车读头",
                DeviceKind.EBIKE_READER, AddressFake.COMPOUND, null, null, false), AddressFake.R1, "test");
        DeviceRef reader = directory.byDeviceId(issued.device().deviceId()).orElseThrow();
        assertThat(post("/api/v1/hotlist", """
                {"kind":"TAG","value":"E28011606000DEAD","source":"县公安局两车被盗协查"}""", OFFICER)).hasStatus(201);
        MockHttpServletResponse near = subscribe(AUX_ONE);
        MockHttpServletResponse far = subscribe(AUX_TWO);

        long start = System.nanoTime();
        var fates = ingest.submit(reader, List.of(new org.beatbook.device.IncomingEvent("e2e-1", Instant.now(),
                org.beatbook.device.EventKind.EBIKE_PASS, Direction.OUT, null, null, "E28011606000DEAD", null, null,
                null, null)), java.util.Locale.CHINA).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(fates).extracting(f -> f.outcome().name()).containsExactly("STORED");
        assertThat(jdbc.sql("SELECT count(*) FROM alert.alert WHERE tag = 'E28011606000DEAD'").query(Long.class).single())
                .as("the alert is committed with its event, before the device hears STORED").isEqualTo(1);
        waitFor(near, "E28011606000DEAD", Duration.ofSeconds(1));
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms from submission to the stream").isLessThan(1000);
        Thread.sleep(200);
        assertThat(text(far)).doesNotContain("E28011606000DEAD");
    }
}
