package org.beatbook.device;

import java.util.List;
import java.util.Set;

/**
 * The stored events in a durable order, for readers that keep their own cursor (the upstream pusher) instead of a
 * queue row written per event in the ingest transaction. Only events of transactions that have all ended are
 * handed out, so a reader that moves its cursor past an event never misses one that commits later behind it.
 */
public interface EventLog {

    /**
     * The first {@code limit} events of the given kinds after {@code after}, in log order; fewer (or none) when the
     * log has no more committed events yet. Runs in the caller's transaction.
     */
    List<LoggedEvent> after(LogPosition after, Set<EventKind> kinds, int limit);

    /**
     * How many events of the given kinds lie after {@code after} (committed ones, whether or not handed out yet),
     * counting no further than {@code limit}: a reader far behind gets {@code limit} at a bounded cost.
     */
    long countAfter(LogPosition after, Set<EventKind> kinds, long limit);
}
