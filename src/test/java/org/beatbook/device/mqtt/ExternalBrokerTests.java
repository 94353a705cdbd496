package org.beatbook.device.mqtt;

import org.beatbook.device.DeviceKind;
import org.beatbook.device.FakeDevices;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beatbook as a subscriber of an external broker: the Mosquitto on 127.0.0.1:1883 (as in CI); skipped, saying so,
 * where none answers. What Beatbook did not store is delivered again: after a failed store, and after Beatbook was
 * down while devices kept publishing.
 */
class ExternalBrokerTests {

    static final String URL = "tcp://127.0.0.1:1883";
    static final FakeDevices devices = new FakeDevices();
    // a unique device id per run, so messages of earlier runs queued on the broker do not interfere
    static final String DEVICE = "ext-" + UUID.randomUUID().toString().substring(0, 8);
    static final FakeDevices.Device gate = devices.add(DEVICE, null, DeviceKind.PLATE_CAMERA);

    @BeforeAll
    static void mosquitto() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 1883), 1000);
        } catch (Exception e) {
            Assumptions.abort("no MQTT broker on 127.0.0.1:1883 (CI runs Mosquitto there): external-broker tests skipped");
        }
    }

    ExternalBrokerSubscriber subscriber(String clientId) {
        var properties = new MqttProperties(true, 1883, "127.0.0.1", URL, "", "", clientId,
                "beatbook/devices/" + DEVICE + "/events", Duration.ofSeconds(10));
        var s = new ExternalBrokerSubscriber(properties, devices, new MqttIngest(devices));
        s.start();
        return s;
    }

    static void publish(String eventId) throws Exception {
        MqttAsyncClient device = new MqttAsyncClient(URL, DEVICE + "-pub", new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        device.connect(o).waitForCompletion(5_000);
        device.publish(MqttTopics.events(DEVICE), ("{\"eventId\":\"" + eventId + "\",\"occurredAt\":"
                        + "\"2026-11-29T08:00:00Z\",\"kind\":\"VEHICLE_PASS\",\"plate\":\"皖A12345\"}")
                .getBytes(StandardCharsets.UTF_8), 1, false).waitForCompletion(5_000);
        device.disconnect().waitForCompletion(5_000);
        device.close();
    }

    static void awaitStored(String eventId) throws InterruptedException {
        for (int i = 0; i < 300 && devices.storedCount(eventId) == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(devices.storedCount(eventId)).as(eventId).isEqualTo(1);
    }

    @Test
    void unstoredMessagesAreDeliveredAgainAndStoredOnce() throws Exception {
        String clientId = "beatbook-test-" + UUID.randomUUID().toString().substring(0, 8);
        ExternalBrokerSubscriber s = subscriber(clientId);
        try {
            for (int i = 0; i < 100 && !s.connected(); i++) {
                Thread.sleep(100);
            }
            devices.failNext(1);
            publish("x-1");
            awaitStored("x-1"); // first delivery refused by the failed store, the redelivery stored
            assertThat(devices.received().stream().filter(e -> "x-1".equals(e.eventId())).count()).isEqualTo(2);
            publish("x-1");
            Thread.sleep(500);
            assertThat(devices.storedCount("x-1")).isEqualTo(1);
        } finally {
            s.stop();
        }
        publish("x-2"); // Beatbook is down: the broker keeps it in Beatbook's persistent session
        ExternalBrokerSubscriber again = subscriber(clientId);
        try {
            awaitStored("x-2");
        } finally {
            again.stop();
        }
    }
}
