package org.beatbook.device.web;

import com.jayway.jsonpath.JsonPath;
import org.beatbook.address.AddressFixtures;
import org.beatbook.address.internal.AddressService;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.Devices;
import org.beatbook.device.internal.DeviceRegistry;
import org.beatbook.device.internal.DeviceViews.IssuedDevice;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.device.Devices.batch;
import static org.beatbook.device.Devices.heartbeat;
import static org.beatbook.device.Devices.vehicle;

/** {@code POST /api/v1/device-events} end to end on real PostgreSQL, as a device sees it. */
@SpringBootTest
@AutoConfigureMockMvc
class DeviceEventsApiTests {

    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;
    @Autowired AddressService addresses;
    @Autowired DeviceRegistry registry;

    AddressFixtures.Tree tree;
    IssuedDevice camera;
    Instant now;

    @BeforeEach
    void setUp() {
        tree = AddressFixtures.tree(addresses);
        camera = Devices.register(registry, tree, tree.compound(), DeviceKind.PLATE_CAMERA, true);
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    MvcTestResult push(String token, String body) {
        var req = mvc.post().uri("/api/v1/device-events").contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "zh-CN").content(body);
        return (token == null ? req : req.header("Authorization", "Bearer " + token)).exchange();
    }

    String json(MvcTestResult r) {
        try {
            return r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    long stored(UUID device) {
        return jdbc.sql("SELECT count(*) FROM device.event WHERE device = ?").param(device).query(Long.class).single();
    }

    @Test
    void aMixedBatchStoresTheGoodEventsAndRejectsEachBadOneNamingItsField() {
        String body = batch(
                vehicle("e1", "皖E·12345", now.minusSeconds(60)),
                vehicle("e2", "not a plate", now.minusSeconds(50)),
                heartbeat("e3", now),
                "{\"eventId\":\"e4\",\"occurredAt\":\"2026-11-29 08:00\",\"kind\":\"HEARTBEAT\"}",
                vehicle("e5", "皖EF12345", now.plus(2, ChronoUnit.HOURS)),
                "42");
        MvcTestResult r = push(camera.credentials().token(), body);
        assertThat(r).hasStatus(HttpStatus.OK);
        String json = json(r);
        assertThat((Integer) JsonPath.read(json, "$.stored")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(json, "$.rejected")).isEqualTo(4);
        List<String> outcomes = JsonPath.read(json, "$.results[*].outcome");
        assertThat(outcomes).containsExactly("STORED", "REJECTED", "STORED", "REJECTED", "REJECTED", "REJECTED");
        List<String> fields = JsonPath.read(json, "$.results[*].field");
        assertThat(fields).containsExactly(null, "plate", null, "occurredAt", "occurredAt", "events");
        assertThat((String) JsonPath.read(json, "$.results[1].reason")).isEqualTo("车牌号格式不对");
        assertThat(stored(camera.device().id())).isEqualTo(2);
        assertThat(jdbc.sql("SELECT plate FROM device.event WHERE device = ? AND event_id = 'e1'")
                .param(camera.device().id()).query(String.class).single()).isEqualTo("皖E12345");
        assertThat(jdbc.sql("SELECT payload FROM device.event WHERE device = ? AND event_id = 'e1'")
                .param(camera.device().id()).query(String.class).single()).isEqualTo("{\"lane\":1,\"confidence\":0.97}");
    }

    @Test
    void aResentEventIsStoredOnceWhateverItsTimestampSays() {
        String first = batch(vehicle("r1", "皖E12345", now.minusSeconds(30)), vehicle("r2", "皖E54321", now));
        assertThat((Integer) JsonPath.read(json(push(camera.credentials().token(), first)), "$.stored")).isEqualTo(2);
        // the retry of a lost answer, one event re-stamped by the device, and a repeat inside the same batch
        String retry = batch(vehicle("r1", "皖E12345", now.minusSeconds(30)), vehicle("r2", "皖E54321", now.minusSeconds(5000)),
                vehicle("r3", "皖E00001", now), vehicle("r3", "皖E00001", now));
        String json = json(push(camera.credentials().token(), retry));
        List<String> outcomes = JsonPath.read(json, "$.results[*].outcome");
        assertThat(outcomes).containsExactly("DUPLICATE", "DUPLICATE", "STORED", "DUPLICATE");
        assertThat(stored(camera.device().id())).isEqualTo(3);
    }

    @Test
    void theSameEventIdFromAnotherDeviceIsAnotherEvent() {
        IssuedDevice reader = Devices.register(registry, tree, tree.building1(), DeviceKind.EBIKE_READER, false);
        push(camera.credentials().token(), batch(heartbeat("same", now)));
        String json = json(push(reader.credentials().token(), batch(heartbeat("same", now))));
        assertThat((Integer) JsonPath.read(json, "$.stored")).isEqualTo(1);
    }

    @Test
    void countersFollowWhatWasStored() {
        push(camera.credentials().token(), batch(vehicle("c1", "皖E12345", now.minusSeconds(10)),
                vehicle("c2", "皖E12346", now.minusSeconds(5)), heartbeat("c3", now), vehicle("c1", "皖E12345", now)));
        var view = registry.find(camera.device().id(), AddressFixtures.caller(Role.COMMUNITY_OFFICER, tree.path()));
        assertThat(view.eventsToday()).isEqualTo(2);
        assertThat(view.eventsTotal()).isEqualTo(2);
        assertThat(view.online()).isTrue();
        assertThat(view.lastEventAt()).isEqualTo(now.minusSeconds(5));
        assertThat(view.lastHeartbeatAt()).isNotNull();
    }

    @Test
    void unknownRotatedAndDeactivatedTokensAnswer401() {
        String body = batch(heartbeat("h1", now));
        assertThat(push(null, body)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(push("bd_nope", body)).hasStatus(HttpStatus.UNAUTHORIZED);
        MvcTestResult r = push("bd_" + "x".repeat(43), body);
        assertThat(r).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(json(r)).contains("设备令牌无效");
        var officer = AddressFixtures.caller(Role.COMMUNITY_OFFICER, tree.path());
        String old = camera.credentials().token();
        IssuedDevice rotated = registry.rotate(camera.device().id(), officer);
        assertThat(push(old, body)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(push(rotated.credentials().token(), body)).hasStatus(HttpStatus.OK);
        registry.deactivate(camera.device().id(), officer);
        assertThat(push(rotated.credentials().token(), body)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"events\":[                         | body   | 不是有效的 JSON",
            "[]                                    | body   | 须为 JSON 对象",
            "{}                                    | events | 缺少 events",
            "{\"events\":{\"eventId\":\"x\"}}      | events | 须为数组",
            "''                                    | body   | 不是有效的 JSON"})
    void anUnreadableBatchIsA400NamingTheField(String body, String field, String message) {
        MvcTestResult r = push(camera.credentials().token(), body);
        assertThat(r).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat((String) JsonPath.read(json(r), "$.errors[0].field")).isEqualTo(field);
        assertThat((String) JsonPath.read(json(r), "$.errors[0].message")).contains(message);
    }

    @Test
    void moreThanAThousandEventsIsA400() {
        String body = batch(IntStream.range(0, 1001).mapToObj(i -> heartbeat("b" + i, now)).toArray(String[]::new));
        MvcTestResult r = push(camera.credentials().token(), body);
        assertThat(r).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat((String) JsonPath.read(json(r), "$.errors[0].field")).isEqualTo("events");
        assertThat(stored(camera.device().id())).isZero();
    }

    @Test
    void aThousandEventsAreStoredInOneRequest() {
        String body = batch(IntStream.range(0, 1000).mapToObj(i -> vehicle("k" + i, "皖E%05d".formatted(i), now))
                .collect(Collectors.toList()).toArray(String[]::new));
        MvcTestResult r = push(camera.credentials().token(), body);
        assertThat(r).hasStatus(HttpStatus.OK);
        assertThat((Integer) JsonPath.read(json(r), "$.stored")).isEqualTo(1000);
        assertThat(stored(camera.device().id())).isEqualTo(1000);
    }

    @Test
    void reasonsFollowTheRequestLanguage() {
        var r = mvc.post().uri("/api/v1/device-events?lang=en").contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + camera.credentials().token())
                .content(batch("{\"eventId\":\"x1\",\"occurredAt\":\"%s\",\"kind\":\"DOOR_OPEN\"}".formatted(now)))
                .exchange();
        assertThat((String) JsonPath.read(json(r), "$.results[0].reason")).isEqualTo("A door opening needs a method");
        assertThat((String) JsonPath.read(json(r), "$.results[0].field")).isEqualTo("method");
    }
}
