package org.beatbook.alert.internal;

import org.beatbook.alert.AlertRule;
import org.beatbook.device.Direction;
import org.beatbook.device.EventKind;
import org.beatbook.device.StoredEvent;
import org.beatbook.vehicle.Plates;
import org.beatbook.vehicle.RegisteredVehicle;
import org.beatbook.vehicle.VehicleKind;
import org.beatbook.vehicle.VehicleRegistry;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sighting rules, evaluated from memory for every stored event: a hotlisted plate or tag; a registered e-bike
 * leaving between 00:00 and 05:00 Asia/Shanghai; a registered vehicle leaving after 30 days or more unseen. Times
 * are the device's ({@code occurredAt}), so a late-delivered event is judged by when it happened.
 */
@Component
class AlertRules {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    static final LocalTime NIGHT_ENDS = LocalTime.of(5, 0);
    static final Duration ABSENCE = Duration.ofDays(30);

    private final HotlistMatcher hotlist;
    private final VehicleRegistry vehicles;

    AlertRules(HotlistMatcher hotlist, VehicleRegistry vehicles) {
        this.hotlist = hotlist;
        this.vehicles = vehicles;
    }

    /** Adds the event's hits to {@code hits}. */
    void check(StoredEvent e, List<Hit> hits) {
        check(e, hits, new HashMap<>());
    }

    /**
     * Adds the event's hits to {@code hits}. {@code batchSightings} carries the sightings of registered vehicles
     * seen earlier in the same uncommitted batch (vehicle id → time), which the in-memory sightings do not hold
     * yet; events must be passed in sequence order.
     */
    void check(StoredEvent e, List<Hit> hits, Map<Long, Instant> batchSightings) {
        if (e.kind() != EventKind.VEHICLE_PASS && e.kind() != EventKind.EBIKE_PASS) {
            return;
        }
        String plate = Plates.plate(e.plate());
        String tag = Plates.tag(e.tag());
        Optional<HotlistMatcher.Listed> listed = hotlist.tag(tag, e.occurredAt());
        if (listed.isEmpty()) {
            listed = hotlist.plate(plate, e.occurredAt());
        }
        listed.ifPresent(l -> hits.add(Hit.of(AlertRule.HOTLIST_HIT, e, plate, tag, l.id(), null, l.source())));
        Optional<RegisteredVehicle> v = vehicles.byTag(tag);
        if (v.isEmpty()) {
            v = vehicles.byPlate(plate);
        }
        if (v.isEmpty()) {
            return;
        }
        RegisteredVehicle vehicle = v.get();
        Instant earlierInBatch = batchSightings.put(vehicle.id(), e.occurredAt());
        if (e.direction() != Direction.OUT) {
            return;
        }
        if (vehicle.kind() == VehicleKind.EBIKE && atNight(e.occurredAt())) {
            hits.add(Hit.of(AlertRule.EBIKE_NIGHT_EXIT, e, plate, tag, null, vehicle.id(), null));
        }
        Instant before = earlierInBatch != null ? earlierInBatch
                : vehicles.seenBefore(vehicle.id(), e.seq()).orElse(vehicle.registeredAt());
        if (before != null && longAbsent(before, e.occurredAt())) {
            hits.add(Hit.of(AlertRule.LONG_ABSENCE_EXIT, e, plate, tag, null, vehicle.id(),
                    Long.toString(Duration.between(before, e.occurredAt()).toDays())));
        }
    }

    /** 00:00 (inclusive) to 05:00 (exclusive), Asia/Shanghai. */
    static boolean atNight(Instant at) {
        return at.atZone(LOCAL).toLocalTime().isBefore(NIGHT_ENDS);
    }

    /** Unseen for 30 days or more (exactly 30 × 24 h counts). */
    static boolean longAbsent(Instant lastSeen, Instant now) {
        return !lastSeen.plus(ABSENCE).isAfter(now);
    }
}
