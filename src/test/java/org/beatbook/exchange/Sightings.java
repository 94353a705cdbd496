package org.beatbook.exchange;

import org.beatbook.device.DeviceKind;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.Direction;
import org.beatbook.device.EventKind;
import org.beatbook.device.StoredEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** Stored device events as the device writer hands them to its handlers, on the {@code AddressFake} tree. */
public final class Sightings {

    /** A plate camera at building 3 of 阳光小区 (compound R1C1), speaking GA/T 1400. */
    public static final DeviceRef GATE_R1 = new DeviceRef(UUID.fromString("00000000-0000-4000-8000-000000000001"),
            "gate-r1", "34052400001190000001", DeviceKind.PLATE_CAMERA, "R1C1B3", "R1.R1C1.R1C1B3");
    /** An e-bike reader at the compound gate of 阳光小区, HTTP only (no GA/T 1400 DeviceID). */
    public static final DeviceRef EBIKE_R1 = new DeviceRef(UUID.fromString("00000000-0000-4000-8000-000000000002"),
            "ebike-r1", null, DeviceKind.EBIKE_READER, "R1C1", "R1.R1C1");
    /** A door controller in 和平小区 (compound R2C1), another jurisdiction. */
    public static final DeviceRef DOOR_R2 = new DeviceRef(UUID.fromString("00000000-0000-4000-8000-000000000003"),
            "door-r2", null, DeviceKind.ACCESS_CONTROLLER, "R2C1B1", "R2.R2C1.R2C1B1");

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Sightings() { }

    public static StoredEvent vehicle(DeviceRef device, String plate, Instant at) {
        long seq = SEQ.incrementAndGet();
        return new StoredEvent(seq, device, "v" + seq, at, Instant.now(), EventKind.VEHICLE_PASS, Direction.IN, plate,
                "2", null, null);
    }

    /** A vehicle pass whose device sent a 48-digit GA/T 1400 object id. */
    public static StoredEvent viidVehicle(DeviceRef device, String plate, Instant at, String objectId) {
        return new StoredEvent(SEQ.incrementAndGet(), device, objectId, at, Instant.now(), EventKind.VEHICLE_PASS,
                Direction.OUT, plate, "5", null, null);
    }

    public static StoredEvent ebike(DeviceRef device, String tag, Instant at) {
        long seq = SEQ.incrementAndGet();
        return new StoredEvent(seq, device, "e" + seq, at, Instant.now(), EventKind.EBIKE_PASS, Direction.OUT, null,
                null, tag, null);
    }

    public static StoredEvent door(DeviceRef device, Instant at) {
        long seq = SEQ.incrementAndGet();
        return new StoredEvent(seq, device, "d" + seq, at, Instant.now(), EventKind.DOOR_OPEN, Direction.IN, null, null,
                null, "card");
    }

    public static StoredEvent heartbeat(DeviceRef device, Instant at) {
        long seq = SEQ.incrementAndGet();
        return new StoredEvent(seq, device, "h" + seq, at, Instant.now(), EventKind.HEARTBEAT, null, null, null, null,
                null);
    }

    public static List<StoredEvent> many(int n, Function<Integer, StoredEvent> event) {
        List<StoredEvent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(event.apply(i));
        }
        return out;
    }
}
