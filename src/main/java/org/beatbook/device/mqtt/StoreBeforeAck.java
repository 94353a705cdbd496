package org.beatbook.device.mqtt;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import com.hivemq.extension.sdk.api.services.Services;
import org.beatbook.device.DeviceRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Holds every device PUBLISH until its events are durable, then lets the broker send the PUBACK. Nothing is routed
 * on (Beatbook is the only consumer). When the store is unavailable the device is disconnected <em>before</em> the
 * publish is released, so no acknowledgement reaches it and it sends the message again after reconnecting.
 */
final class StoreBeforeAck implements PublishInboundInterceptor {

    private static final Logger log = LoggerFactory.getLogger(StoreBeforeAck.class);

    private final MqttIngest ingest;
    private final Map<String, DeviceRef> connected;
    private final Duration timeout;

    StoreBeforeAck(MqttIngest ingest, Map<String, DeviceRef> connected, Duration timeout) {
        this.ingest = ingest;
        this.connected = connected;
        this.timeout = timeout;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        String clientId = input.getClientInformation().getClientId();
        PublishPacket publish = input.getPublishPacket();
        DeviceRef device = connected.get(clientId);
        if (device == null || !publish.getTopic().equals(MqttTopics.events(device.deviceId()))) {
            output.preventPublishDelivery(AckReasonCode.NOT_AUTHORIZED);
            return;
        }
        byte[] body = publish.getPayload().map(StoreBeforeAck::bytes).orElse(new byte[0]);
        Async<PublishInboundOutput> async = output.async(timeout, TimeoutFallback.FAILURE,
                AckReasonCode.UNSPECIFIED_ERROR, "not stored in time");
        ingest.accept(device, body).whenComplete((ok, failure) -> {
            if (failure == null) {
                output.preventPublishDelivery(AckReasonCode.SUCCESS);
                async.resume();
                return;
            }
            log.warn("MQTT message of device {} not stored, disconnecting it so it resends: {}", device.deviceId(),
                    failure.toString());
            Services.clientService().disconnectClient(clientId)
                    .orTimeout(5, TimeUnit.SECONDS)
                    .whenComplete((done, e) -> {
                        output.preventPublishDelivery(AckReasonCode.UNSPECIFIED_ERROR);
                        async.resume();
                    });
        });
    }

    private static byte[] bytes(ByteBuffer payload) {
        ByteBuffer copy = payload.asReadOnlyBuffer();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
