package org.beatbook.alert.internal;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The active hotlist in memory: two hash maps (plates, tags) swapped whole after every committed change, so a
 * look-up on the ingest writer's thread is one hash probe with no lock (~100k entries cost a few MB and nothing per
 * event). Validity is checked against the event's own time, so an entry that starts tomorrow matches tomorrow
 * without a reload.
 */
@Component
class HotlistMatcher implements SmartInitializingSingleton {

    /** One active entry. */
    record Listed(long id, HotlistKind kind, String value, String source, Instant validFrom, Instant validUntil) {

        boolean validAt(Instant at) {
            return !at.isBefore(validFrom) && (validUntil == null || at.isBefore(validUntil));
        }
    }

    private record Snapshot(Map<String, Listed> plates, Map<String, Listed> tags) { }

    private final HotlistStore store;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());

    HotlistMatcher(HotlistStore store) {
        this.store = store;
    }

    @Override
    public void afterSingletonsInstantiated() {
        reload();
    }

    synchronized void reload() {
        Map<String, Listed> plates = new HashMap<>();
        Map<String, Listed> tags = new HashMap<>();
        store.active(l -> (l.kind() == HotlistKind.PLATE ? plates : tags).put(l.value(), l));
        snapshot = new Snapshot(plates, tags);
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

    /** The entry listing this canonical plate at {@code at}. */
    Optional<Listed> plate(String plate, Instant at) {
        return valid(plate == null ? null : snapshot.plates().get(plate), at);
    }

    /** The entry listing this canonical tag at {@code at}. */
    Optional<Listed> tag(String tag, Instant at) {
        return valid(tag == null ? null : snapshot.tags().get(tag), at);
    }

    int size() {
        Snapshot s = snapshot;
        return s.plates().size() + s.tags().size();
    }

    private static Optional<Listed> valid(Listed l, Instant at) {
        return l != null && l.validAt(at) ? Optional.of(l) : Optional.empty();
    }
}
