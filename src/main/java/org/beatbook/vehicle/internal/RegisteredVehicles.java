package org.beatbook.vehicle.internal;

import org.beatbook.shared.security.Scope;
import org.beatbook.vehicle.RegisteredVehicle;
import org.beatbook.vehicle.VehicleRegistry;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every registered vehicle in memory, by plate and by tag, with its last few sightings: the look-ups run for each
 * stored device event on the ingest writer's thread, so they never touch the database. Rebuilt from the table
 * after every committed change (a registry of a community's vehicles is thousands of rows: milliseconds), and
 * swapped in whole, so readers never lock.
 */
@Component
class RegisteredVehicles implements VehicleRegistry, SmartInitializingSingleton {

    /** The registry at one moment; immutable maps, swapped as a whole. */
    private record Snapshot(Map<String, Entry> byPlate, Map<String, Entry> byTag, Map<Long, Entry> byId) { }

    /** A vehicle and its sightings (which survive a rebuild). */
    private record Entry(RegisteredVehicle vehicle, Sightings sightings) { }

    private final VehicleStore store;
    private final Owners persons;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of());

    RegisteredVehicles(VehicleStore store, Owners persons) {
        this.store = store;
        this.persons = persons;
    }

    @Override
    public void afterSingletonsInstantiated() {
        reload();
    }

    /** Rebuilds from the table now. */
    synchronized void reload() {
        Snapshot old = snapshot;
        Map<String, Entry> plates = new HashMap<>();
        Map<String, Entry> tags = new HashMap<>();
        Map<Long, Entry> ids = new HashMap<>();
        store.each(row -> {
            RegisteredVehicle v = row.vehicle();
            Entry was = old.byId().get(v.id());
            Sightings s = was != null ? was.sightings() : new Sightings(row.lastSeenAt());
            Entry e = new Entry(v, s);
            ids.put(v.id(), e);
            if (v.plate() != null) {
                plates.put(v.plate(), e);
            }
            if (v.tag() != null) {
                tags.put(v.tag(), e);
            }
        });
        snapshot = new Snapshot(Map.copyOf(plates), Map.copyOf(tags), Map.copyOf(ids));
    }

    /** Rebuilds once the current transaction commits (or now, outside one). */
    void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reload();
                }
            });
        } else {
            reload();
        }
    }

    /** Records a sighting of the vehicle by the stored event {@code seq}. */
    void seen(long vehicleId, long seq, Instant at) {
        Entry e = snapshot.byId().get(vehicleId);
        if (e != null) {
            e.sightings().add(seq, at);
        }
    }

    @Override
    public Optional<RegisteredVehicle> byPlate(String plate) {
        Entry e = plate == null ? null : snapshot.byPlate().get(plate);
        return e == null ? Optional.empty() : Optional.of(e.vehicle());
    }

    @Override
    public Optional<RegisteredVehicle> byTag(String tag) {
        Entry e = tag == null ? null : snapshot.byTag().get(tag);
        return e == null ? Optional.empty() : Optional.of(e.vehicle());
    }

    @Override
    public Optional<Instant> seenBefore(long vehicleId, long seq) {
        Entry e = snapshot.byId().get(vehicleId);
        return e == null ? Optional.empty() : e.sightings().before(seq);
    }

    @Override
    public Optional<VehicleOwner> owner(long vehicleId, Scope scope) {
        return store.find(vehicleId, scope).map(r -> {
            var card = persons.find(r.ownerId(), scope);
            String name = card.map(Owners.Owner::name).orElse(null);
            String number = card.map(Owners.Owner::idNumber).orElse(null);
            return new VehicleOwner(r.id(), r.kind(), r.plate(), r.tag(), r.brand(), r.colour(), r.ownerId(), name,
                    number, r.nodeCode());
        });
    }

    /**
     * The last few sightings (event sequence and time) of one vehicle, so "seen before event n" has one answer
     * whether the recording handler ran before or after the asking one, even with several sightings in a batch.
     */
    static final class Sightings {

        private static final int KEPT = 4;
        private final long[] seqs = new long[KEPT];
        private final long[] ats = new long[KEPT];
        private int size;
        private final Instant baseline;

        Sightings(Instant baseline) {
            this.baseline = baseline;
        }

        synchronized void add(long seq, Instant at) {
            for (int i = 0; i < size; i++) {
                if (seqs[i] == seq) {
                    return;
                }
            }
            int slot;
            if (size < KEPT) {
                slot = size++;
            } else {
                slot = 0;
                for (int i = 1; i < KEPT; i++) {
                    if (seqs[i] < seqs[slot]) {
                        slot = i;
                    }
                }
            }
            seqs[slot] = seq;
            ats[slot] = at.toEpochMilli();
        }

        /** The sighting with the greatest sequence below {@code seq}; else the stored last sighting. */
        synchronized Optional<Instant> before(long seq) {
            int best = -1;
            for (int i = 0; i < size; i++) {
                if (seqs[i] < seq && (best < 0 || seqs[i] > seqs[best])) {
                    best = i;
                }
            }
            if (best >= 0) {
                return Optional.of(Instant.ofEpochMilli(ats[best]));
            }
            return Optional.ofNullable(baseline);
        }
    }
}
