package org.beatbook.alert.internal;

import org.beatbook.alert.AlertRule;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.StoredEvent;

import java.time.Instant;

/**
 * A rule matched: what becomes one alert row (unless that rule already alerted on the same event).
 *
 * @param dedupeKey  {@code e:<seq>} for a sighting, {@code d:<device>:<last seen>} for a silence
 * @param eventSeq   the stored event's sequence, or null (silence)
 * @param hotlistId  the hotlist entry hit, or null
 * @param vehicleId  the registered vehicle seen, or null
 */
record Hit(AlertRule rule, String dedupeKey, Long eventSeq, DeviceRef device, Instant occurredAt,
           Instant receivedAt, String plate, String tag, Long hotlistId, Long vehicleId, String detail) {

    static Hit of(AlertRule rule, StoredEvent e, String plate, String tag, Long hotlistId, Long vehicleId,
                  String detail) {
        return new Hit(rule, "e:" + e.seq(), e.seq(), e.device(), e.occurredAt(), e.receivedAt(), plate, tag,
                hotlistId, vehicleId, detail);
    }
}
