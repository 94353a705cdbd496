package org.beatbook.device;

import java.util.List;

/**
 * The stored vehicle sightings ({@link EventKind#VEHICLE_PASS}, {@link EventKind#EBIKE_PASS}) in a durable order, for
 * readers that keep their own cursor (the upstream pusher) instead of a queue row written per event in the ingest
 * transaction. Only sightings of transactions that have all ended are handed out, so a reader that moves its cursor
 * past a sighting never misses one that commits later behind it.
 */
public interface EventLog {

    /**
     * The first {@code limit} sightings after {@code after}, in log order; fewer (or none) when the log has no more
     * committed sightings yet. Runs in the caller's transaction; costs the same however far behind the reader is.
     */
    List<LoggedEvent> sightingsAfter(LogPosition after, int limit);

    /**
     * How many sightings lie after {@code after} (committed ones, whether or not handed out yet), counting no further
     * than {@code limit}: a reader far behind gets {@code limit} at a bounded cost.
     */
    long countSightingsAfter(LogPosition after, long limit);
}
