package org.beatbook.device;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The one pipeline all three protocols feed. Events are validated, then written by a group-committing writer:
 * every event waiting when a commit starts goes into it, deduplicated on (device, eventId). The future completes
 * only after that commit, so an adapter acknowledges (HTTP answer, MQTT PUBACK, GA/T 1400 ResponseStatus) only
 * what is durable.
 */
public interface DeviceIngest {

    /** At most this many events per submission (an HTTP batch). */
    int MAX_BATCH = 1000;

    /**
     * Validates and stores the events of one authenticated device.
     *
     * @param locale language of the REJECTED reasons
     * @return one fate per event, in order; completes exceptionally only when the store is unavailable (then
     * nothing was acknowledged and the device must resend)
     */
    CompletableFuture<List<EventFate>> submit(DeviceRef device, List<IncomingEvent> events, Locale locale);
}
