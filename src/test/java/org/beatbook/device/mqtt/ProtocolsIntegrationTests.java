package org.beatbook.device.mqtt;

import org.beatbook.address.AddressFixtures;
import org.beatbook.address.internal.AddressService;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.Devices;
import org.beatbook.device.internal.DeviceRegistry;
import org.beatbook.device.internal.DeviceViews.IssuedDevice;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MQTT (embedded broker) and GA/T 1400 end to end: real registry, real pipeline, real PostgreSQL. Every
 * acknowledged message is in {@code device.event} exactly once, however often it was sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"beatbook.mqtt.embedded=true", "beatbook.mqtt.port=18832", "beatbook.mqtt.bind-address=127.0.0.1"})
class ProtocolsIntegrationTests {

    @Autowired AddressService addresses;
    @Autowired DeviceRegistry registry;
    @Autowired JdbcClient jdbc;
    @Autowired EmbeddedBroker broker;
    @LocalServerPort int port;

    long stored(IssuedDevice d, String eventId) {
        return jdbc.sql("SELECT count(*) FROM device.event WHERE device = ? AND event_id = ?")
                .params(d.device().id(), eventId).query(Long.class).single();
    }

    @Test
    void mqttResendsAndDuplicatesAreStoredOnce() throws Exception {
        AddressFixtures.Tree tree = AddressFixtures.tree(addresses);
        IssuedDevice gate = Devices.register(registry, tree, tree.compound(), DeviceKind.PLATE_CAMERA, false);
        assertThat(broker.ready().get(120, TimeUnit.SECONDS)).isTrue();
        String deviceId = gate.credentials().deviceId();
        MqttAsyncClient c = new MqttAsyncClient("tcp://127.0.0.1:18832", deviceId, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false);
        o.setUserName(deviceId);
        o.setPassword(gate.credentials().token().toCharArray());
        o.setMaxInflight(200);
        c.connect(o).waitForCompletion(10_000);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<IMqttDeliveryToken> acks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String one = Devices.vehicle("m-" + (i % 60), "皖A" + (10000 + i % 60), now);
            String body = i % 10 == 0 ? Devices.batch(one, Devices.vehicle("m-" + (i + 1) % 60, "皖B00001", now)) : one;
            acks.add(c.publish(MqttTopics.events(deviceId), body.getBytes(StandardCharsets.UTF_8), 1, false));
        }
        for (IMqttDeliveryToken t : acks) {
            t.waitForCompletion(30_000);
        }
        c.disconnect().waitForCompletion(5_000);
        c.close();
        for (int i = 0; i < 60; i++) {
            assertThat(stored(gate, "m-" + i)).as("m-" + i).isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM device.event WHERE device = ?").param(gate.device().id())
                .query(Long.class).single()).isEqualTo(60);
    }

    @Test
    void gat1400VehiclesAreStoredOnceWithTheRegistrysCredentials() throws Exception {
        AddressFixtures.Tree tree = AddressFixtures.tree(addresses);
        IssuedDevice camera = Devices.register(registry, tree, tree.compound(), DeviceKind.PLATE_CAMERA, true);
        String viid = camera.credentials().viidDeviceId();
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        String register = "{\"RegisterObject\":{\"DeviceID\":\"" + viid + "\"}}";
        HttpResponse<String> challenge = http.send(HttpRequest.newBuilder(URI.create(base + "/VIID/System/Register"))
                .POST(HttpRequest.BodyPublishers.ofString(register)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(challenge.statusCode()).isEqualTo(401);
        String header = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(base + "/VIID/System/Register"))
                .header("Authorization", digest(header, viid, "WrongPassword00", camera.credentials().viidRealm()))
                .POST(HttpRequest.BodyPublishers.ofString(register)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> right = http.send(HttpRequest.newBuilder(URI.create(base + "/VIID/System/Register"))
                .header("Authorization", digest(header, viid, camera.credentials().viidPassword(),
                        camera.credentials().viidRealm()))
                .POST(HttpRequest.BodyPublishers.ofString(register)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);

        String passTime = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                .withZone(java.time.ZoneId.of("Asia/Shanghai")).format(Instant.now().minusSeconds(60));
        String id = viid + "02" + passTime + "00001" + "02" + "00001";
        String body = "{\"MotorVehicleListObject\":{\"MotorVehicleObject\":[{\"MotorVehicleID\":\"" + id
                + "\",\"PassTime\":\"" + passTime + "\",\"PlateNo\":\"皖A99999\",\"HasPlate\":1},"
                + "{\"MotorVehicleID\":\"" + id.substring(2) + "\",\"PassTime\":\"" + passTime + "\"}]}}";
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/VIID/MotorVehicles"))
                    .header("User-Identify", viid).header("Content-Type", "application/VIID+JSON")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"StatusCode\":\"0\"", "\"StatusCode\":\"8\"", "MotorVehicleID");
        }
        assertThat(stored(camera, id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT plate FROM device.event WHERE device = ? AND event_id = ?")
                .params(camera.device().id(), id).query(String.class).single()).isEqualTo("皖A99999");
    }

    static String digest(String challenge, String user, String password, String realm) {
        Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
        assertThat(nonce.find()).isTrue();
        String cnonce = UUID.randomUUID().toString().replace("-", "");
        String ha1 = org.beatbook.device.FakeDevices.md5(user + ":" + realm + ":" + password);
        String ha2 = org.beatbook.device.FakeDevices.md5("POST:/VIID/System/Register");
        String response = org.beatbook.device.FakeDevices.md5(ha1 + ":" + nonce.group(1) + ":00000001:" + cnonce
                + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce.group(1)
                + "\", uri=\"/VIID/System/Register\", qop=auth, nc=00000001, cnonce=\"" + cnonce + "\", response=\""
                + response + "\"";
    }
}
