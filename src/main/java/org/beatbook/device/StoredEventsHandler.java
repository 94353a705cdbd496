package org.beatbook.device;

import java.util.List;

/**
 * Other modules' part in the ingest pipeline, declared as beans (the device module does not know them). Only newly
 * stored events are passed, never duplicates or rejects, so nothing downstream counts an event twice.
 */
public interface StoredEventsHandler {

    /**
     * Inside the writer's transaction, after the batch's events are inserted: rows written here (e.g. an outbox,
     * daily counters) commit or roll back with the events. Use the Spring-managed transaction (JdbcClient) and
     * set-based statements: one or two statements per batch, never one per event.
     */
    default void inTransaction(List<StoredEvent> stored) { }

    /**
     * After the commit, on the writer thread: must not block or do I/O beyond memory (e.g. match a hotlist and hand
     * hits to an executor). An exception here is logged and does not undo the commit.
     */
    default void afterCommit(List<StoredEvent> stored) { }
}
