package org.beatbook.device;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as stored, handed to {@link StoredEventsHandler}s.
 *
 * @param seq        the store's id for it (increasing)
 * @param device     the device that sent it
 * @param eventId    the device's id for it
 * @param occurredAt when it happened (device clock)
 * @param receivedAt when Beatbook received it
 * @param kind       what happened
 * @param direction  IN, OUT or null
 * @param plate      normalised plate (upper case, no spaces) or null
 * @param plateColor plate colour code or null
 * @param tag        normalised RFID tag (upper case hex) or null
 * @param method     door-open method or null
 */
public record StoredEvent(long seq, DeviceRef device, String eventId, Instant occurredAt, Instant receivedAt,
                          EventKind kind, Direction direction, String plate, String plateColor, String tag,
                          String method) {

    public UUID deviceUuid() {
        return device.id();
    }
}
