package org.beatbook.device.mqtt;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * MQTT ingest settings ({@code beatbook.mqtt.*}, ADR 0007). With {@code url} empty and {@code embedded} true (the
 * defaults) Beatbook runs its own broker on {@code port}; with {@code url} set it subscribes to that broker instead.
 *
 * @param embedded     run the embedded broker when no {@code url} is set
 * @param port         the embedded broker's TCP port
 * @param bindAddress  the embedded broker's listen address
 * @param url          an external broker, e.g. {@code tcp://127.0.0.1:1883}; empty: none
 * @param username     Beatbook's own user on the external broker (empty: none)
 * @param password     its password
 * @param clientId     Beatbook's client id on the external broker: fixed, so its persistent session (and the
 *                     messages queued in it while Beatbook was down) survives restarts
 * @param subscription the topic filter Beatbook subscribes to on the external broker; several instances can share
 *                     the load with {@code $share/beatbook/beatbook/devices/+/events}
 * @param storeTimeout how long a message may wait for its durable store before it is refused unacknowledged
 */
@ConfigurationProperties("beatbook.mqtt")
public record MqttProperties(@DefaultValue("true") boolean embedded,
                             @DefaultValue("1883") int port,
                             @DefaultValue("0.0.0.0") String bindAddress,
                             @DefaultValue("") String url,
                             @DefaultValue("") String username,
                             @DefaultValue("") String password,
                             @DefaultValue("beatbook-ingest") String clientId,
                             @DefaultValue(MqttTopics.SUBSCRIPTION) String subscription,
                             @DefaultValue("30s") Duration storeTimeout) {

    boolean external() {
        return !url.isBlank();
    }
}
