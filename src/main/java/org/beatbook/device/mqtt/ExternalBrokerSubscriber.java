package org.beatbook.device.mqtt;

import org.beatbook.device.DeviceDirectory;
import org.beatbook.device.DeviceRef;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Beatbook as a subscriber of an external broker (Mosquitto, EMQX; ADR 0007). It holds a persistent session (clean
 * session off, fixed client id) and acknowledges each message by hand only after its events are durable, so the
 * broker delivers again whatever was not stored: while Beatbook is down, after a crash, or when the store fails.
 * Device authentication and the own-topic-only rule are the broker's there (e.g. Mosquitto
 * {@code pattern write beatbook/devices/%u/events}); Beatbook drops messages of devices it does not know.
 */
final class ExternalBrokerSubscriber implements SmartLifecycle, MqttCallbackExtended {

    private static final Logger log = LoggerFactory.getLogger(ExternalBrokerSubscriber.class);
    private static final int QOS_AT_LEAST_ONCE = 1;

    private final MqttProperties properties;
    private final DeviceDirectory directory;
    private final MqttIngest ingest;
    private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mqtt-reconnect");
        t.setDaemon(true);
        return t;
    });
    private volatile MqttAsyncClient client;

    ExternalBrokerSubscriber(MqttProperties properties, DeviceDirectory directory, MqttIngest ingest) {
        this.properties = properties;
        this.directory = directory;
        this.ingest = ingest;
    }

    @Override
    public void start() {
        try {
            client = new MqttAsyncClient(properties.url(), properties.clientId(), new MemoryPersistence());
            client.setManualAcks(true);
            client.setCallback(this);
        } catch (MqttException e) {
            throw new IllegalStateException("beatbook.mqtt.url " + properties.url() + " is not usable", e);
        }
        connect(0);
    }

    private void connect(long delaySeconds) {
        reconnects.schedule(() -> {
            MqttAsyncClient c = client;
            if (c == null || c.isConnected()) {
                return;
            }
            try {
                c.connect(options()).waitForCompletion(10_000);
            } catch (MqttException e) {
                log.warn("MQTT broker {} not reachable ({}); retrying", properties.url(), e.getMessage());
                connect(Math.min(30, Math.max(1, delaySeconds * 2)));
            }
        }, delaySeconds, TimeUnit.SECONDS);
    }

    private MqttConnectOptions options() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        o.setMaxInflight(1000);
        o.setKeepAliveInterval(30);
        if (!properties.username().isBlank()) {
            o.setUserName(properties.username());
            o.setPassword(properties.password().toCharArray());
        }
        return o;
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        try {
            client.subscribe(properties.subscription(), QOS_AT_LEAST_ONCE);
            log.info("MQTT: subscribed to {} on {}", properties.subscription(), serverUri);
        } catch (MqttException e) {
            log.error("MQTT: could not subscribe to {} on {}", properties.subscription(), serverUri, e);
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        MqttAsyncClient c = client;
        Optional<DeviceRef> device = MqttTopics.deviceId(topic).flatMap(directory::byDeviceId);
        if (device.isEmpty()) {
            log.warn("MQTT message on {} dropped: no such active device", topic);
            ack(c, message);
            return;
        }
        ingest.accept(device.get(), message.getPayload())
                .orTimeout(properties.storeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ok, failure) -> {
                    if (failure == null) {
                        ack(c, message);
                    } else {
                        // unacknowledged: dropping the connection makes the broker deliver it again
                        log.warn("MQTT message of device {} not stored, reconnecting for redelivery: {}",
                                device.get().deviceId(), failure.toString());
                        dropConnection(c);
                    }
                });
    }

    private static void ack(MqttAsyncClient c, MqttMessage message) {
        if (message.getQos() == 0) {
            return;
        }
        try {
            c.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            log.warn("MQTT acknowledgement of message {} lost ({}); the broker will deliver it again",
                    message.getId(), e.getMessage());
        }
    }

    private void dropConnection(MqttAsyncClient c) {
        try {
            c.disconnectForcibly(0, 1000, false);
        } catch (MqttException e) {
            log.debug("MQTT forced disconnect: {}", e.getMessage());
        }
        connect(1);
    }

    @Override
    public void connectionLost(Throwable cause) {
        log.warn("MQTT connection to {} lost: {}", properties.url(), String.valueOf(cause));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // Beatbook publishes nothing
    }

    @Override
    public void stop() {
        MqttAsyncClient c = client;
        client = null;
        reconnects.shutdownNow();
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnect().waitForCompletion(5_000);
                }
                c.close();
            } catch (MqttException e) {
                log.debug("MQTT close: {}", e.getMessage());
            }
        }
    }

    boolean connected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    @Override
    public boolean isRunning() {
        return client != null;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
