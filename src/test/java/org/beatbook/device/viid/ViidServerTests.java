package org.beatbook.device.viid;

import org.beatbook.device.DeviceKind;
import org.beatbook.device.EventKind;
import org.beatbook.device.FakeDevices;
import org.beatbook.device.StoredEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GA/T 1400 over real HTTP against the running application, with the pipeline faked (registrations and subscriptions
 * on the real database).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ViidServerTests {

    static final String CAMERA = "34010000001190000001";
    static final String OTHER = "34010000001190000002";
    static final FakeDevices devices = new FakeDevices();
    static final FakeDevices.Device camera = devices.add("cam-1", CAMERA, DeviceKind.PLATE_CAMERA);
    static final FakeDevices.Device other = devices.add("cam-2", OTHER, DeviceKind.PLATE_CAMERA);

    @TestConfiguration
    static class Fakes {
        @Bean
        @Primary
        FakeDevices fakeDevices() {
            return devices;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ViidRegistrations registrations;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    static String id(String device, String seq) {
        return device + "02" + "20261129080000" + "00001" + "02" + seq;
    }

    static String vehicle(String id, String passTime, String extra) {
        return "{\"MotorVehicleID\":\"" + id + "\",\"DeviceID\":\"" + CAMERA + "\",\"PassTime\":\"" + passTime
                + "\",\"PlateNo\":\"皖A12345\"" + extra + "}";
    }

    JsonNode body(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    ViidClient registered() throws Exception {
        ViidClient c = new ViidClient(port, CAMERA);
        assertThat(c.register("/VIID/System/Register", camera.viidPassword()).statusCode()).isEqualTo(200);
        return c;
    }

    @Test
    void registerIsChallengedRefusedWithAWrongDigestAndAcceptedWithTheRightOne() throws Exception {
        ViidClient c = new ViidClient(port, OTHER);
        HttpResponse<String> plain = c.post("/VIID/System/Register", "{\"RegisterObject\":{\"DeviceID\":\"" + OTHER + "\"}}");
        assertThat(plain.statusCode()).isEqualTo(401);
        assertThat(plain.headers().firstValue("WWW-Authenticate")).get().asString()
                .startsWith("Digest ").contains("realm=\"beatbook\"", "nonce=\"", "qop=\"auth\"");

        HttpResponse<String> wrong = c.register("/VIID/System/Register", "not-the-password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(body(wrong).at("/ResponseStatusObject/StatusCode").asString()).isEqualTo("4");
        assertThat(c.post("/VIID/MotorVehicles", "{}").statusCode()).as("still unregistered").isEqualTo(401);

        HttpResponse<String> right = c.register("/VIID/System/Register", other.viidPassword());
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.headers().firstValue("Content-Type")).get().asString().startsWithIgnoringCase("application/VIID+JSON");
        assertThat(body(right).at("/ResponseStatusObject/Id").asString()).isEqualTo(OTHER);
        assertThat(body(right).at("/ResponseStatusObject/StatusCode").asString()).isEqualTo("0");
        assertThat(body(right).at("/ResponseStatusObject/LocalTime").asString()).matches("[0-9]{14}");

        assertThat(c.register("/VIID/System/UnRegister", other.viidPassword()).statusCode()).isEqualTo(200);
        HttpResponse<String> after = c.post("/VIID/System/Keepalive", "{\"KeepaliveObject\":{\"DeviceID\":\"" + OTHER + "\"}}");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(body(after).at("/ResponseStatusObject/StatusString").asString()).contains("User-Identify");
    }

    @Test
    void aDigestAnswerForAnotherUriOrARepeatedOldNonceFromAnotherRealmIsRefused() throws Exception {
        ViidClient c = new ViidClient(port, CAMERA);
        HttpResponse<String> challenge = c.post("/VIID/System/Register", "{}");
        String header = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
        String forOtherUri = c.answer(header, "POST", "/VIID/System/UnRegister", camera.viidPassword());
        HttpResponse<String> r = c.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/VIID/System/Register"))
                .header("Authorization", forOtherUri).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(r.statusCode()).isEqualTo(401);
        String forged = c.answer(header.replace("beatbook", "elsewhere"), "POST", "/VIID/System/Register", camera.viidPassword());
        r = c.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/VIID/System/Register"))
                .header("Authorization", forged).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void motorVehiclesAreStoredAndAMixedListIsAnsweredPerObject() throws Exception {
        ViidClient c = registered();
        String good = id(CAMERA, "00001");
        String shortId = id(CAMERA, "0002");
        String noPlate = id(CAMERA, "00003");
        String badTime = id(CAMERA, "00004");
        String list = "{\"MotorVehicleListObject\":{\"MotorVehicleObject\":["
                + vehicle(good, "20261129080102", ",\"HasPlate\":\"1\",\"PlateColor\":2,\"VehicleClass\":\"K33\"") + ","
                + vehicle(shortId, "20261129080102", "") + ","
                + vehicle(noPlate, "20261129080103", ",\"HasPlate\":2") + ","
                + vehicle(badTime, "20261331250000", "") + "]}}";
        HttpResponse<String> r = c.post("/VIID/MotorVehicles", list);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode statuses = body(r).at("/ResponseStatusListObject/ResponseStatusObject");
        assertThat(statuses.size()).isEqualTo(4);
        assertThat(statuses.get(0).get("StatusCode").asString()).isEqualTo("0");
        assertThat(statuses.get(0).get("Id").asString()).isEqualTo(good);
        assertThat(statuses.get(1).get("StatusCode").asString()).isEqualTo("8");
        assertThat(statuses.get(1).get("StatusString").asString()).contains("MotorVehicleID");
        assertThat(statuses.get(2).get("StatusCode").asString()).isEqualTo("0");
        assertThat(statuses.get(3).get("StatusString").asString()).contains("PassTime");

        StoredEvent stored = devices.stored().stream().filter(e -> e.eventId().equals(good)).findFirst().orElseThrow();
        assertThat(stored.kind()).isEqualTo(EventKind.VEHICLE_PASS);
        assertThat(stored.occurredAt()).isEqualTo(Instant.parse("2026-11-29T00:01:02Z"));
        assertThat(stored.plate()).isEqualTo("皖A12345");
        assertThat(stored.plateColor()).isEqualTo("2");
        assertThat(stored.device()).isEqualTo(camera.ref());
        assertThat(devices.stored().stream().filter(e -> e.eventId().equals(noPlate)).findFirst().orElseThrow().plate())
                .as("HasPlate 2: no plate stored").isNull();
        assertThat(devices.storedCount(shortId)).isZero();
        assertThat(devices.storedCount(badTime)).isZero();

        HttpResponse<String> again = c.post("/VIID/MotorVehicles", list);
        assertThat(body(again).at("/ResponseStatusListObject/ResponseStatusObject/0/StatusCode").asString()).isEqualTo("0");
        assertThat(devices.storedCount(good)).as("a resend is stored once").isEqualTo(1);
    }

    @Test
    void eBikesAndSubscriptionNotificationsAreStored() throws Exception {
        ViidClient c = registered();
        String ebike = id(CAMERA, "00101");
        HttpResponse<String> r = c.post("/VIID/NonMotorVehicles", "{\"NonMotorVehicleListObject\":{\"NonMotorVehicleObject\":"
                + "{\"NonMotorVehicleID\":\"" + ebike + "\",\"AppearTime\":20261129230000,\"PlateNo\":\"合肥123456\"}}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(body(r).at("/ResponseStatusListObject/ResponseStatusObject/0/StatusCode").asString()).isEqualTo("0");
        assertThat(devices.stored().stream().filter(e -> e.eventId().equals(ebike)).findFirst().orElseThrow().kind())
                .isEqualTo(EventKind.EBIKE_PASS);

        String inside = id(CAMERA, "00201");
        String insideToo = id(CAMERA, "00202");
        r = c.post("/VIID/SubscribeNotifications", "{\"SubscribeNotificationListObject\":{\"SubscribeNotificationObject\":["
                + "{\"NotificationID\":\"N1\",\"SubscribeID\":\"S1\",\"MotorVehicleObjectList\":{\"MotorVehicleObject\":["
                + vehicle(inside, "20261129080500", "") + "]}},"
                + "{\"NotificationID\":\"N2\",\"SubscribeID\":\"S1\",\"MotorVehicleListObject\":{\"MotorVehicleObject\":["
                + vehicle(insideToo, "20261129080501", "") + "," + vehicle("123", "20261129080501", "") + "]}}]}}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode statuses = body(r).at("/ResponseStatusListObject/ResponseStatusObject");
        assertThat(statuses.get(0).get("Id").asString()).isEqualTo("N1");
        assertThat(statuses.get(0).get("StatusCode").asString()).isEqualTo("0");
        assertThat(statuses.get(1).get("StatusCode").asString()).isEqualTo("8");
        assertThat(statuses.get(1).get("StatusString").asString()).contains("MotorVehicleID");
        assertThat(devices.storedCount(inside)).isEqualTo(1);
        assertThat(devices.storedCount(insideToo)).as("the good vehicle of a mixed notification").isEqualTo(1);

        r = c.post("/VIID/Subscribes", "{\"SubscribeListObject\":{\"SubscribeObject\":[{\"SubscribeID\":\"S1\"},{}]}}");
        assertThat(body(r).at("/ResponseStatusListObject/ResponseStatusObject/0/StatusCode").asString()).isEqualTo("0");
        assertThat(body(r).at("/ResponseStatusListObject/ResponseStatusObject/1/StatusString").asString()).contains("SubscribeID");
    }

    @Test
    void badInputGetsAResponseStatusNeverA500() throws Exception {
        ViidClient c = registered();
        refused(c.post("/VIID/MotorVehicles", "{\"MotorVehicleListObject\":{"), 400, "7");
        assertThat(refused(c.post("/VIID/MotorVehicles", "{\"MotorVehicleListObject\":[1,2]}"), 400, "8"))
                .contains("MotorVehicleListObject");
        refused(c.put("/VIID/Subscribes", "{\"SubscribeListObject\":{"), 400, "7");
        refused(c.put("/VIID/Subscribes", "{\"SubscribeListObject\":[1]}"), 400, "8");
        for (String junk : new String[] {"", "[]", "null", "\"x\"", "{\"MotorVehicleListObject\":{\"MotorVehicleObject\":[1,\"a\",null]}}",
                "{\"SubscribeListObject\":{\"SubscribeObject\":[1,\"a\",null,{}]}}", "{\"SubscribeObject\":[]}",
                "{\"SubscribeObject\":{\"SubscribeID\":{\"a\":1}}}"}) {
            assertThat(c.post("/VIID/MotorVehicles", junk).statusCode()).as(junk).isLessThan(500);
            assertThat(c.post("/VIID/SubscribeNotifications", junk).statusCode()).as(junk).isLessThan(500);
            assertThat(c.put("/VIID/Subscribes", junk).statusCode()).as(junk).isLessThan(500);
            assertThat(c.put("/VIID/Subscribes/J-1", junk).statusCode()).as(junk).isLessThan(500);
        }
        for (String ids : new String[] {"%00", "%E4%B8%AD", "a%09b", "%2C%3B%20"}) {
            assertThat(c.delete("/VIID/Subscribes?IDList=" + ids).statusCode()).as(ids).isLessThan(500);
        }
    }

    /** An error answered as one ResponseStatusObject with this HTTP status and StatusCode: its StatusString. */
    String refused(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(body(r).at("/ResponseStatusObject/StatusCode").asString()).isEqualTo(code);
        return body(r).at("/ResponseStatusObject/StatusString").asString();
    }

    @Test
    void keepaliveStoresAHeartbeatAndTimeAnswers() throws Exception {
        ViidClient c = registered();
        // a keepalive's heartbeat is keyed by the device's second (KA + local time): one earlier in this second, e.g.
        // from another test, makes this one a duplicate; start on a fresh second
        Thread.sleep(1005 - System.currentTimeMillis() % 1000);
        int before = (int) devices.stored().stream().filter(e -> e.kind() == EventKind.HEARTBEAT).count();
        HttpResponse<String> r = c.post("/VIID/System/Keepalive", "{\"KeepaliveObject\":{\"DeviceID\":\"" + CAMERA + "\"}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(body(r).at("/ResponseStatusObject/StatusCode").asString()).isEqualTo("0");
        assertThat(devices.stored().stream().filter(e -> e.kind() == EventKind.HEARTBEAT).count()).isGreaterThan(before);

        HttpResponse<String> time = c.get("/VIID/System/Time");
        assertThat(time.statusCode()).isEqualTo(200);
        assertThat(body(time).at("/SystemTimeObject/LocalTime").asString()).matches("[0-9]{14}");
        assertThat(body(time).at("/SystemTimeObject/TimeZone").asString()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void anUnregisteredDeviceIsToldSo() throws Exception {
        HttpResponse<String> r = new ViidClient(port, "34010000001190000099").post("/VIID/MotorVehicles",
                "{\"MotorVehicleListObject\":{\"MotorVehicleObject\":[]}}");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(body(r).at("/ResponseStatusObject/StatusCode").asString()).isEqualTo("4");
    }
    @Test
    void aBodyOverTheLimitIsAnsweredWithAResponseStatusAnd413() throws Exception {
        ViidClient c = registered();
        byte[] big = new byte[2 * 1024 * 1024 + 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        HttpResponse<String> declared = c.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(c.base() + "/VIID/MotorVehicles"))
                .header("Content-Type", "application/VIID+JSON").header("User-Identify", CAMERA)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(big)));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type")).get().asString()
                .startsWithIgnoringCase("application/VIID+JSON");
        assertThat(body(declared).at("/ResponseStatusObject/StatusCode").asString()).isEqualTo("1");
        assertThat(body(declared).at("/ResponseStatusObject/StatusString").asString()).contains("请求体超过", "2,097,152");
        assertThat(body(declared).at("/ResponseStatusObject/RequestURL").asString()).isEqualTo("/VIID/MotorVehicles");

        // no declared length (chunked): cut off while read, answered the same way
        HttpResponse<String> chunked = c.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(c.base() + "/VIID/MotorVehicles"))
                .header("Content-Type", "application/VIID+JSON").header("User-Identify", CAMERA)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(body(chunked).at("/ResponseStatusObject/StatusCode").asString()).isEqualTo("1");
        assertThat(body(chunked).at("/ResponseStatusObject/StatusString").asString()).contains("请求体超过");
    }

    @Test
    void aReplayedDigestAnswerIsRefusedAndAHigherNonceCountAccepted() throws Exception {
        ViidClient c = new ViidClient(port, CAMERA);
        String register = "{\"RegisterObject\":{\"DeviceID\":\"" + CAMERA + "\"}}";
        String challenge = c.challenge("/VIID/System/Register");
        String first = c.answer(challenge, "POST", "/VIID/System/Register", camera.viidPassword(), "00000001");
        assertThat(c.postAuthorized("/VIID/System/Register", first, register).statusCode()).isEqualTo(200);

        HttpResponse<String> replay = c.postAuthorized("/VIID/System/Register", first, register);
        assertThat(replay.statusCode()).as("the same nonce and nc again").isEqualTo(401);
        assertThat(body(replay).at("/ResponseStatusObject/StatusCode").asString()).isEqualTo("4");
        assertThat(replay.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Digest ")
                .doesNotContain("stale=true");

        String second = c.answer(challenge, "POST", "/VIID/System/Register", camera.viidPassword(), "00000002");
        assertThat(c.postAuthorized("/VIID/System/Register", second, register).statusCode())
                .as("the same nonce with a higher count").isEqualTo(200);
        String lower = c.answer(challenge, "POST", "/VIID/System/Register", camera.viidPassword(), "00000001");
        assertThat(c.postAuthorized("/VIID/System/Register", lower, register).statusCode())
                .as("a count already used, with a fresh cnonce").isEqualTo(401);
    }

    @Test
    void aRegistrationIsKeptInTheDatabaseAndOutlivesARestart() throws Exception {
        ViidClient c = registered();
        assertThat(jdbc.sql("""
                SELECT unregistered_at IS NULL AND last_keepalive_at IS NULL AND remote_address = '127.0.0.1'
                  FROM device.viid_registration WHERE viid_device_id = ?""").param(CAMERA).query(Boolean.class).single())
                .isTrue();
        registrations.forget(); // what a restart loses
        HttpResponse<String> r = c.post("/VIID/MotorVehicles", "{\"MotorVehicleListObject\":{\"MotorVehicleObject\":["
                + vehicle(id(CAMERA, "00301"), "20261129090000", "") + "]}}");
        assertThat(r.statusCode()).as("still registered after a restart").isEqualTo(200);
        assertThat(c.post("/VIID/System/Keepalive", "{\"KeepaliveObject\":{\"DeviceID\":\"" + CAMERA + "\"}}")
                .statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT last_keepalive_at IS NOT NULL FROM device.viid_registration WHERE viid_device_id = ?")
                .param(CAMERA).query(Boolean.class).single()).isTrue();

        ViidClient o = new ViidClient(port, OTHER);
        assertThat(o.register("/VIID/System/Register", other.viidPassword()).statusCode()).isEqualTo(200);
        assertThat(o.register("/VIID/System/UnRegister", other.viidPassword()).statusCode()).isEqualTo(200);
        registrations.forget();
        assertThat(o.post("/VIID/System/Keepalive", "{\"KeepaliveObject\":{\"DeviceID\":\"" + OTHER + "\"}}")
                .statusCode()).as("an UnRegister outlives a restart too").isEqualTo(401);
        assertThat(jdbc.sql("SELECT unregistered_at IS NOT NULL FROM device.viid_registration WHERE viid_device_id = ?")
                .param(OTHER).query(Boolean.class).single()).isTrue();
    }

    @Test
    void subscribesAreStoredCheckedPerObjectAndCancelled() throws Exception {
        ViidClient c = registered();
        String good = "{\"SubscribeID\":\"340100000011900000012026112900001\",\"Title\":\"过车订阅\","
                + "\"SubscribeDetail\":\"7,13\",\"ResourceURI\":\"34010000001190000001\","
                + "\"ReceiveAddr\":\"http://10.1.1.1:8080/VIID/SubscribeNotifications\",\"BeginTime\":\"20261129000000\","
                + "\"EndTime\":20261231235959,\"ReportInterval\":\"5\",\"OperateType\":0}";
        String endBeforeBegin = "{\"SubscribeID\":\"S-bad-end\",\"BeginTime\":\"20261129000000\",\"EndTime\":\"20261128000000\"}";
        String badAddress = "{\"SubscribeID\":\"S-bad-addr\",\"ReceiveAddr\":\"ftp://10.1.1.1/x\"}";
        HttpResponse<String> r = c.post("/VIID/Subscribes", "{\"SubscribeListObject\":{\"SubscribeObject\":["
                + good + "," + endBeforeBegin + "," + badAddress + "]}}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode statuses = body(r).at("/ResponseStatusListObject/ResponseStatusObject");
        assertThat(statuses.get(0).get("StatusCode").asString()).isEqualTo("0");
        assertThat(statuses.get(1).get("StatusCode").asString()).isEqualTo("8");
        assertThat(statuses.get(1).get("StatusString").asString()).contains("EndTime");
        assertThat(statuses.get(2).get("StatusString").asString()).contains("ReceiveAddr");

        assertThat(jdbc.sql("""
                SELECT subscriber || '|' || title || '|' || detail || '|' || resource_uri || '|' || receive_addr || '|'
                       || to_char(end_time AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDDHH24MISS') || '|' || report_interval
                       || '|' || (cancelled_at IS NULL)
                  FROM device.viid_subscription WHERE subscribe_id = '340100000011900000012026112900001'""")
                .query(String.class).single()).isEqualTo(CAMERA + "|过车订阅|7,13|34010000001190000001|"
                + "http://10.1.1.1:8080/VIID/SubscribeNotifications|20261231235959|5|true");
        assertThat(jdbc.sql("SELECT count(*) FROM device.viid_subscription WHERE subscribe_id LIKE 'S-bad-%'")
                .query(Long.class).single()).as("bad objects are not stored").isZero();

        HttpResponse<String> cancel = c.post("/VIID/Subscribes", "{\"SubscribeListObject\":{\"SubscribeObject\":"
                + "{\"SubscribeID\":\"340100000011900000012026112900001\",\"OperateType\":\"1\"}}}");
        assertThat(body(cancel).at("/ResponseStatusListObject/ResponseStatusObject/0/StatusCode").asString()).isEqualTo("0");
        assertThat(jdbc.sql("""
                SELECT (cancelled_at IS NOT NULL) || '|' || title FROM device.viid_subscription
                 WHERE subscribe_id = '340100000011900000012026112900001'""").query(String.class).single())
                .as("cancelled, the rest kept").isEqualTo("true|过车订阅");
    }

    /** Each ResponseStatusObject of a list answer as {@code Id=StatusCode}. */
    java.util.List<String> statuses(HttpResponse<String> r) {
        java.util.List<String> out = new java.util.ArrayList<>();
        body(r).at("/ResponseStatusListObject/ResponseStatusObject")
                .forEach(n -> out.add((n.get("Id") == null || n.get("Id").isNull() ? "null" : n.get("Id").asString())
                        + "=" + n.get("StatusCode").asString()));
        return out;
    }

    String row(String subscribeId) {
        return jdbc.sql("""
                SELECT coalesce(title, '-') || '|' || coalesce(detail, '-') || '|'
                       || coalesce(to_char(begin_time AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDDHH24MISS'), '-') || '|'
                       || coalesce(to_char(end_time AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDDHH24MISS'), '-') || '|'
                       || coalesce(report_interval::text, '-') || '|' || coalesce(cancelled_via, '-') || '|'
                       || coalesce(cancel_reason, '-') || '|' || coalesce(cancel_org, '-') || '|'
                       || coalesce(cancel_person, '-') || '|' || (cancelled_at IS NOT NULL)
                  FROM device.viid_subscription WHERE subscribe_id = ?""").param(subscribeId).query(String.class).single();
    }

    HttpResponse<String> subscribe(ViidClient c, String... objects) throws Exception {
        HttpResponse<String> r = c.post("/VIID/Subscribes", "{\"SubscribeListObject\":{\"SubscribeObject\":["
                + String.join(",", objects) + "]}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(statuses(r)).allMatch(x -> x.endsWith("=0"));
        return r;
    }

    @Test
    void anUpdateChangesTheSendersSubscriptionsAndAnswersEachObjectOnItsOwn() throws Exception {
        ViidClient c = registered();
        ViidClient o = new ViidClient(port, OTHER);
        assertThat(o.register("/VIID/System/Register", other.viidPassword()).statusCode()).isEqualTo(200);
        subscribe(c, "{\"SubscribeID\":\"U-1\",\"Title\":\"过车\",\"SubscribeDetail\":\"13\",\"BeginTime\":\"20261201000000\","
                + "\"EndTime\":\"20261231235959\",\"ReportInterval\":5}", "{\"SubscribeID\":\"U-2\",\"Title\":\"二\"}");
        subscribe(o, "{\"SubscribeID\":\"U-other\",\"Title\":\"别人的\"}");

        // vendors send numbers where the standard has text: EndTime and ReportInterval as numbers
        HttpResponse<String> r = c.put("/VIID/Subscribes", "{\"SubscribeListObject\":{\"SubscribeObject\":["
                + "{\"SubscribeID\":\"U-1\",\"Title\":\"机动车过车\",\"EndTime\":20270131235959,\"ReportInterval\":10},"
                + "{\"SubscribeID\":\"U-nobody\",\"Title\":\"x\"},"
                + "{\"SubscribeID\":\"U-other\",\"Title\":\"抢过来\"},"
                + "{\"Title\":\"no id\"},"
                + "{\"SubscribeID\":\"U-2\",\"BeginTime\":\"20261201000000\",\"EndTime\":\"2026-12-31\"}]}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWithIgnoringCase("application/VIID+JSON");
        assertThat(statuses(r)).containsExactly("U-1=0", "U-nobody=4", "U-other=4", "null=8", "U-2=8");
        JsonNode list = body(r).at("/ResponseStatusListObject/ResponseStatusObject");
        assertThat(list.get(1).get("StatusString").asString()).isEqualTo("SubscribeID: 本设备没有这个订阅");
        assertThat(list.get(1).get("RequestURL").asString()).isEqualTo("/VIID/Subscribes");
        assertThat(list.get(3).get("StatusString").asString()).contains("SubscribeID");
        assertThat(list.get(4).get("StatusString").asString()).contains("EndTime");
        assertThat(row("U-1")).as("changed fields changed, the rest kept")
                .isEqualTo("机动车过车|13|20261201000000|20270131235959|10|-|-|-|-|false");
        assertThat(row("U-other")).as("another device's subscription is untouched").startsWith("别人的|");
        assertThat(row("U-2")).startsWith("二|");
        assertThat(new ViidClient(port, "34010000001190000099").put("/VIID/Subscribes",
                "{\"SubscribeListObject\":{\"SubscribeObject\":[]}}").statusCode()).isEqualTo(401);

        // against the stored BeginTime, an EndTime before it is refused for that object, not with a 5xx
        r = c.put("/VIID/Subscribes", "{\"SubscribeListObject\":{\"SubscribeObject\":"
                + "{\"SubscribeID\":\"U-1\",\"EndTime\":\"20261130000000\"}}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(statuses(r)).containsExactly("U-1=8");
        assertThat(row("U-1")).contains("|20270131235959|");

        // OperateType 1 in an update cancels, with the reason; a cancelled subscription is then not changed
        r = c.put("/VIID/Subscribes", "{\"SubscribeListObject\":{\"SubscribeObject\":[{\"SubscribeID\":\"U-2\","
                + "\"OperateType\":1,\"CancelReason\":\"任务结束\",\"SubscribeCancelPerson\":\"王五\"}]}}");
        assertThat(statuses(r)).containsExactly("U-2=0");
        assertThat(row("U-2")).isEqualTo("二|-|-|-|-|UPDATE|任务结束|-|王五|true");
        r = c.put("/VIID/Subscribes", "{\"SubscribeListObject\":{\"SubscribeObject\":[{\"SubscribeID\":\"U-2\",\"Title\":\"改\"}]}}");
        assertThat(statuses(r)).containsExactly("U-2=4");
        assertThat(body(r).at("/ResponseStatusListObject/ResponseStatusObject/0/StatusString").asString()).contains("已取消");
        // a new Subscribe revives it and clears the cancellation
        subscribe(c, "{\"SubscribeID\":\"U-2\"}");
        assertThat(row("U-2")).isEqualTo("二|-|-|-|-|-|-|-|-|false");
    }

    @Test
    void aDeleteCancelsTheListedIdsKeepsTheRowsAndAnswersEachId() throws Exception {
        ViidClient c = registered();
        subscribe(c, "{\"SubscribeID\":\"D-1\",\"Title\":\"一\"}", "{\"SubscribeID\":\"D-2\"}",
                "{\"SubscribeID\":\"D-3\"}", "{\"SubscribeID\":\"D-4\"}");
        ViidClient o = new ViidClient(port, OTHER);
        assertThat(o.register("/VIID/System/Register", other.viidPassword()).statusCode()).isEqualTo(200);
        HttpResponse<String> foreign = o.delete("/VIID/Subscribes?IDList=D-1");
        assertThat(statuses(foreign)).as("not the other device's to cancel").containsExactly("D-1=4");
        assertThat(row("D-1")).endsWith("|false");

        HttpResponse<String> r = c.delete("/VIID/Subscribes?IDList=D-1,D-nobody,%20D-2%20");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(statuses(r)).containsExactly("D-1=0", "D-nobody=4", "D-2=0");
        assertThat(row("D-1")).isEqualTo("一|-|-|-|-|DELETE|-|-|-|true");
        Instant first = jdbc.sql("SELECT cancelled_at FROM device.viid_subscription WHERE subscribe_id = 'D-1'")
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(first).isBetween(Instant.now().minusSeconds(60), Instant.now());

        // the parameter once per id, or in a JSON body; a repeat is answered as done and keeps the first time
        assertThat(statuses(c.delete("/VIID/Subscribes?IDList=D-3&IDList=D-1"))).containsExactly("D-3=0", "D-1=0");
        assertThat(jdbc.sql("SELECT cancelled_at FROM device.viid_subscription WHERE subscribe_id = 'D-1'")
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(first);
        HttpResponse<String> inBody = c.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(c.base() + "/VIID/Subscribes")).header("User-Identify", CAMERA)
                .header("Content-Type", "application/VIID+JSON")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString("{\"IDList\":[\"D-4\"]}")));
        assertThat(statuses(inBody)).containsExactly("D-4=0");
        assertThat(jdbc.sql("SELECT count(*) FROM device.viid_subscription WHERE subscribe_id LIKE 'D-%' AND cancelled_at IS NULL")
                .query(Long.class).single()).as("D-2 … D-4 cancelled, none deleted").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM device.viid_subscription WHERE subscribe_id LIKE 'D-%'")
                .query(Long.class).single()).isEqualTo(4);

        assertThat(refused(c.delete("/VIID/Subscribes"), 400, "4")).startsWith("IDList: ");
        assertThat(c.delete("/VIID/Subscribes?IDList=,,").statusCode()).isEqualTo(400);
        String tooMany = "x,".repeat(1001);
        assertThat(c.delete("/VIID/Subscribes?IDList=" + tooMany).statusCode()).isEqualTo(400);
        assertThat(statuses(c.delete("/VIID/Subscribes?IDList=" + "a".repeat(65) + ",D-2")))
                .containsExactly("a".repeat(64) + "=4", "D-2=0");
        refused(new ViidClient(port, "34010000001190000099").delete("/VIID/Subscribes?IDList=D-2"), 401, "4");
    }

    @Test
    void aPutOfOneIdCancelsItWithWhoAndWhy() throws Exception {
        ViidClient c = registered();
        subscribe(c, "{\"SubscribeID\":\"C-1\",\"Title\":\"一\"}", "{\"SubscribeID\":\"C-2\"}");
        HttpResponse<String> r = c.put("/VIID/Subscribes/C-1", "{\"SubscribeObject\":{\"SubscribeID\":\"C-1\","
                + "\"SubscribeCancelOrg\":\"市局科信处\",\"SubscribeCancelPerson\":\"张三\",\"CancelTime\":\"20261129120000\","
                + "\"CancelReason\":\"设备迁移\",\"OperateType\":1}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(body(r).at("/ResponseStatusObject/Id").asString()).isEqualTo("C-1");
        assertThat(body(r).at("/ResponseStatusObject/StatusCode").asString()).isEqualTo("0");
        assertThat(row("C-1")).isEqualTo("一|-|-|-|-|CANCEL|设备迁移|市局科信处|张三|true");

        assertThat(c.put("/VIID/Subscribes/C-2", "").statusCode()).as("no body: cancelled without a reason").isEqualTo(200);
        assertThat(row("C-2")).endsWith("|CANCEL|-|-|-|true");

        assertThat(refused(c.put("/VIID/Subscribes/C-nobody", "{\"SubscribeObject\":{\"CancelReason\":\"x\"}}"), 404, "4"))
                .isEqualTo("SubscribeID: 本设备没有这个订阅");
        assertThat(refused(c.put("/VIID/Subscribes/C-2", "{\"SubscribeObject\":{\"SubscribeID\":\"C-1\"}}"), 400, "8"))
                .startsWith("SubscribeID: ");
        refused(c.put("/VIID/Subscribes/C-2", "{\"SubscribeObject\":"), 400, "7");
        assertThat(refused(c.put("/VIID/Subscribes/C-2", "{\"CancelReason\":\"" + "长".repeat(300) + "\"}"), 400, "8"))
                .startsWith("CancelReason: ");
        assertThat(row("C-2")).as("a refused cancellation changes nothing").endsWith("|CANCEL|-|-|-|true");
        refused(new ViidClient(port, "34010000001190000099").put("/VIID/Subscribes/C-1", ""), 401, "4");
    }
}
