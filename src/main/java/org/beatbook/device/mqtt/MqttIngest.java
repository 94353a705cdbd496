package org.beatbook.device.mqtt;

import org.beatbook.device.DeviceIngest;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.EventFate;
import org.beatbook.device.web.EventBatchParser;
import org.beatbook.shared.masking.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One MQTT message into the pipeline, for both brokers. The returned future completes when the message may be
 * acknowledged: its events are durable (stored or duplicates), or it can never be stored (malformed, rejected
 * fields: a redelivery would fail the same way, so it is acknowledged, counted and logged). It completes
 * exceptionally only when the store is unavailable: then the message must not be acknowledged, so the broker or
 * the device delivers it again.
 */
@Component
public class MqttIngest {

    private static final Logger log = LoggerFactory.getLogger(MqttIngest.class);
    /** Rejection reasons go to the log, in the installation's language. */
    private static final Locale LOG_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final DeviceIngest ingest;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong unusable = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    MqttIngest(DeviceIngest ingest) {
        this.ingest = ingest;
    }

    /** Counters since start: messages handled, messages unusable as a whole, single events rejected. */
    public record Counts(long messages, long unusable, long rejected) { }

    public Counts counts() {
        return new Counts(messages.get(), unusable.get(), rejected.get());
    }

    CompletableFuture<Void> accept(DeviceRef device, byte[] body) {
        messages.incrementAndGet();
        EventBatchParser.Parsed message = MqttMessages.parse(body);
        if (message.problem() != null) {
            unusable.incrementAndGet();
            log.warn("MQTT message from device {} dropped: {} ({}, {} bytes)", device.deviceId(),
                    message.problem().messageKey(), message.problem().field(), body.length);
            return CompletableFuture.completedFuture(null);
        }
        return ingest.submit(device, message.events(), LOG_LOCALE).thenAccept(fates -> countRejected(device, fates));
    }

    private void countRejected(DeviceRef device, List<EventFate> fates) {
        for (EventFate fate : fates) {
            if (fate.outcome() == EventFate.Outcome.REJECTED) {
                rejected.incrementAndGet();
                // the reason is the pipeline's message; scrub it anyway, it may quote what the device sent
                log.info("MQTT event {} of device {} rejected: {} {}", Masking.scrub(String.valueOf(fate.eventId())),
                        device.deviceId(), fate.field(), Masking.scrub(String.valueOf(fate.reason())));
            }
        }
    }
}
