package org.beatbook.vehicle.internal;

import org.beatbook.device.StoredEvent;
import org.beatbook.device.StoredEventsHandler;
import org.beatbook.vehicle.Plates;
import org.beatbook.vehicle.RegisteredVehicle;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keeps each registered vehicle's last sighting: in the ingest writer's transaction one UPDATE for the batch (only
 * when a registered vehicle passed), and in memory after the commit.
 */
@Component
class SightingRecorder implements StoredEventsHandler {

    private final RegisteredVehicles registered;
    private final VehicleStore store;

    SightingRecorder(RegisteredVehicles registered, VehicleStore store) {
        this.registered = registered;
        this.store = store;
    }

    @Override
    public void inTransaction(List<StoredEvent> stored) {
        Map<Long, Instant> latest = new TreeMap<>(); // ids in order: concurrent writers lock vehicle rows alike
        for (StoredEvent e : stored) {
            vehicleOf(e).ifPresent(v -> latest.merge(v.id(), e.occurredAt(), (a, b) -> a.isAfter(b) ? a : b));
        }
        if (!latest.isEmpty()) {
            store.seen(latest);
        }
    }

    @Override
    public void afterCommit(List<StoredEvent> stored) {
        for (StoredEvent e : stored) {
            vehicleOf(e).ifPresent(v -> registered.seen(v.id(), e.seq(), e.occurredAt()));
        }
    }

    /** The registered vehicle an event saw: by tag first (e-bikes), then by plate. */
    Optional<RegisteredVehicle> vehicleOf(StoredEvent e) {
        if (e.tag() != null) {
            Optional<RegisteredVehicle> v = registered.byTag(Plates.tag(e.tag()));
            if (v.isPresent()) {
                return v;
            }
        }
        return e.plate() == null ? Optional.empty() : registered.byPlate(Plates.plate(e.plate()));
    }
}
