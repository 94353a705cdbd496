package org.beatbook.device.mqtt;

import org.beatbook.device.DeviceKind;
import org.beatbook.device.FakeDevices;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Devices against the embedded broker, with the pipeline faked: PUBACK only after the store, stored once. */
class EmbeddedBrokerTests {

    static final int PORT = 18831;

    @TempDir
    static Path home;

    static FakeDevices devices = new FakeDevices();
    static FakeDevices.Device gate = devices.add("gate-1", null, DeviceKind.PLATE_CAMERA);
    static FakeDevices.Device door = devices.add("door-1", null, DeviceKind.ACCESS_CONTROLLER);
    static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        var properties = new MqttProperties(true, PORT, "127.0.0.1", "", "", "", "beatbook-ingest",
                MqttTopics.SUBSCRIPTION, Duration.ofSeconds(10));
        broker = new EmbeddedBroker(properties, home, devices, new MqttIngest(devices));
        broker.launch();
        assertThat(broker.ready().get(60, TimeUnit.SECONDS)).as("broker started").isTrue();
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    static MqttAsyncClient connect(String clientId, String username, String password) throws MqttException {
        return connect(clientId, username, password, true);
    }

    static MqttAsyncClient connect(String clientId, String username, String password, boolean reconnect)
            throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient("tcp://127.0.0.1:" + PORT, clientId, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false);
        o.setAutomaticReconnect(reconnect);
        o.setUserName(username);
        o.setPassword(password.toCharArray());
        c.connect(o).waitForCompletion(10_000);
        return c;
    }

    static String event(String eventId) {
        return """
                {"eventId":"%s","occurredAt":"2026-11-29T08:00:00+08:00","kind":"VEHICLE_PASS","plate":"皖A12345"}"""
                .formatted(eventId);
    }

    static IMqttDeliveryToken publish(MqttAsyncClient c, String topic, String body) throws MqttException {
        return c.publish(topic, body.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    @Test
    void aMessageIsStoredOnceAcrossAFailedStoreRedeliveryAndADeviceResend() throws Exception {
        MqttAsyncClient c = connect("gate-1", "gate-1", gate.token());
        try {
            devices.failNext(1); // the first attempt finds the store down: no PUBACK, the device is disconnected
            IMqttDeliveryToken first = publish(c, MqttTopics.events("gate-1"), event("r-1"));
            // Paho fails the token with the lost connection, keeps the message and resends it after reconnecting
            assertThatThrownBy(() -> first.waitForCompletion(10_000)).isInstanceOf(MqttException.class);
            awaitStored("r-1");
            assertThat(devices.received().stream().filter(e -> "r-1".equals(e.eventId())).count())
                    .as("delivered twice: once refused by the failed store, once stored").isEqualTo(2);

            publish(c, MqttTopics.events("gate-1"), event("r-1")).waitForCompletion(10_000);
            publish(c, MqttTopics.events("gate-1"), "{\"events\":[" + event("r-1") + "," + event("r-2") + "]}")
                    .waitForCompletion(10_000);

            assertThat(devices.storedCount("r-1")).isEqualTo(1);
            assertThat(devices.storedCount("r-2")).isEqualTo(1);
        } finally {
            c.disconnectForcibly(1000);
            c.close();
        }
    }

    static void awaitStored(String eventId) throws InterruptedException {
        for (int i = 0; i < 200 && devices.storedCount(eventId) == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(devices.storedCount(eventId)).as(eventId + " stored").isEqualTo(1);
    }

    @Test
    void thePubackWaitsForTheStore() throws Exception {
        MqttAsyncClient c = connect("door-1", "door-1", door.token());
        var release = devices.hold();
        try {
            IMqttDeliveryToken token = publish(c, MqttTopics.events("door-1"), """
                    {"eventId":"h-1","occurredAt":"2026-11-29T08:00:00Z","kind":"DOOR_OPEN","method":"card"}""");
            Thread.sleep(700);
            assertThat(token.isComplete()).as("acknowledged before the store answered").isFalse();
            release.complete(null);
            token.waitForCompletion(10_000);
            assertThat(devices.storedCount("h-1")).isEqualTo(1);
        } finally {
            release.complete(null);
            c.disconnectForcibly(1000);
            c.close();
        }
    }

    @Test
    void malformedMessagesAreAcknowledgedAndStoreNothing() throws Exception {
        MqttAsyncClient c = connect("door-1", "door-1", door.token());
        try {
            int before = devices.stored().size();
            publish(c, MqttTopics.events("door-1"), "{not json").waitForCompletion(10_000);
            publish(c, MqttTopics.events("door-1"), "{\"eventId\":\"m-1\",\"kind\":\"TELEPORT\"}").waitForCompletion(10_000);
            assertThat(devices.stored()).hasSize(before);
        } finally {
            c.disconnectForcibly(1000);
            c.close();
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> connect("gate-1", "gate-1", "tok-door-1"))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                        .isIn((int) MqttException.REASON_CODE_FAILED_AUTHENTICATION,
                                (int) MqttException.REASON_CODE_NOT_AUTHORIZED));
    }

    @Test
    void aDeviceCannotPublishToAnotherDevicesTopic() throws Exception {
        MqttAsyncClient c = connect("door-1", "door-1", door.token(), false);
        try {
            IMqttDeliveryToken token = publish(c, MqttTopics.events("gate-1"), event("x-1"));
            // MQTT 3.1.1 has no negative PUBACK: the broker drops the connection and nothing is stored
            assertThatThrownBy(() -> token.waitForCompletion(10_000))
                    .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                            .isEqualTo(MqttException.REASON_CODE_CONNECTION_LOST));
            assertThat(devices.storedCount("x-1")).isZero();
        } finally {
            c.disconnectForcibly(1000);
            c.close();
        }
    }
}
