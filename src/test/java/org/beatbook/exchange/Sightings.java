package org.beatbook.exchange;

import org.beatbook.device.DeviceKind;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.Direction;
import org.beatbook.device.EventKind;
import org.beatbook.device.StoredEvent;
import org.beatbook.device.StoredEventsHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

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

    /**
     * Stores a batch as the device writer would, in one transaction: the events into the device event log (their
     * devices registered first when they are not yet), then every handler's part.
     */
    public static void store(JdbcClient jdbc, TransactionTemplate tx, List<StoredEventsHandler> handlers,
                             List<StoredEvent> events) {
        register(jdbc, events);
        tx.executeWithoutResult(s -> {
            log(jdbc, events);
            handlers.forEach(h -> h.inTransaction(events));
        });
    }

    /**
     * Registers the events' devices that are not registered yet (with made-up credentials), as statements of their
     * own: outside a store's transaction, so two stores of one device never wait for each other.
     */
    public static void register(JdbcClient jdbc, List<StoredEvent> events) {
        for (DeviceRef d : events.stream().map(StoredEvent::device).distinct().toList()) {
            String[] path = d.nodePath().split("\\.");
            jdbc.sql("""
                            INSERT INTO device.device (id, device_id, viid_device_id, kind, name, node_code, node_path,
                                                       compound_code, token_hash, token_prefix, viid_ha1, viid_realm,
                                                       created_by)
                            VALUES (?, ?, ?, ?, ?, ?, ?::ltree, ?, sha256(?::bytea), 'test', ?, 'test', 'test')
                            ON CONFLICT DO NOTHING""")
                    .params(d.id(), d.deviceId(), d.viidDeviceId(), d.kind().name(), d.deviceId(), d.nodeCode(),
                            d.nodePath(), path[Math.min(1, path.length - 1)],
                            d.id().toString(), d.viidDeviceId() == null ? null : "0".repeat(32))
                    .update();
        }
    }

    /** The events into the device event log only (the caller's transaction, or one of their own). */
    public static void log(JdbcClient jdbc, List<StoredEvent> events) {
        for (StoredEvent e : events) {
            DeviceRef d = e.device();
            jdbc.sql("""
                            INSERT INTO device.event (seq, device, node_code, event_id, month, occurred_at, received_at,
                                                      kind, direction, plate, plate_color, tag, method)
                            VALUES (?, ?, ?, ?, date_trunc('month', ?::timestamptz AT TIME ZONE 'UTC')::date,
                                    ?::timestamptz, ?::timestamptz, ?, ?, ?, ?, ?, ?)""")
                    .params(e.seq(), d.id(), d.nodeCode(), e.eventId(), e.occurredAt().toString(),
                            e.occurredAt().toString(), e.receivedAt().toString(), e.kind().name(),
                            e.direction() == null ? null : e.direction().name(), e.plate(), e.plateColor(), e.tag(),
                            e.method())
                    .update();
        }
    }
}
