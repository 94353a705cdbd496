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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** GA/T 1400 over real HTTP against the running application, with the pipeline faked. */
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
        HttpResponse<String> malformed = c.post("/VIID/MotorVehicles", "{\"MotorVehicleListObject\":{");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(body(malformed).at("/ResponseStatusObject/StatusCode").asString()).isEqualTo("7");
        HttpResponse<String> wrongShape = c.post("/VIID/MotorVehicles", "{\"MotorVehicleListObject\":[1,2]}");
        assertThat(wrongShape.statusCode()).isEqualTo(400);
        assertThat(body(wrongShape).at("/ResponseStatusObject/StatusCode").asString()).isEqualTo("8");
        assertThat(body(wrongShape).at("/ResponseStatusObject/StatusString").asString()).contains("MotorVehicleListObject");
        for (String junk : new String[] {"", "[]", "null", "\"x\"", "{\"MotorVehicleListObject\":{\"MotorVehicleObject\":[1,\"a\",null]}}"}) {
            assertThat(c.post("/VIID/MotorVehicles", junk).statusCode()).as(junk).isLessThan(500);
            assertThat(c.post("/VIID/SubscribeNotifications", junk).statusCode()).as(junk).isLessThan(500);
        }
    }

    @Test
    void keepaliveStoresAHeartbeatAndTimeAnswers() throws Exception {
        ViidClient c = registered();
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
}
