package org.beatbook.alert;

import org.beatbook.device.DeviceKind;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.Direction;
import org.beatbook.device.EventKind;
import org.beatbook.device.StoredEvent;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Stored device events for the alert tests, as the ingest pipeline hands them to handlers. */
public final class Sightings {

    private static final AtomicLong SEQ = new AtomicLong(1_000);
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Sightings() {
    }

    public static DeviceRef gate(String nodeCode, String nodePath, DeviceKind kind) {
        return new DeviceRef(UUID.nameUUIDFromBytes((nodeCode + kind).getBytes()), "gate-" + nodeCode + "-" + kind,
                null, kind, nodeCode, nodePath);
    }

    public static StoredEvent ebike(DeviceRef device, String tag, Direction direction, Instant at) {
        return new StoredEvent(SEQ.incrementAndGet(), device, "ev-" + SEQ.get(), at, Instant.now(), EventKind.EBIKE_PASS,
                direction, null, null, tag, null);
    }

    public static StoredEvent car(DeviceRef device, String plate, Direction direction, Instant at) {
        return new StoredEvent(SEQ.incrementAndGet(), device, "ev-" + SEQ.get(), at, Instant.now(),
                EventKind.VEHICLE_PASS, direction, plate, "BLUE", null, null);
    }

    /** A local Asia/Shanghai wall-clock time. */
    public static Instant local(int year, int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(year, month, day, hour, minute, second).atZone(SHANGHAI).toInstant();
    }
}
