package org.beatbook.device.internal;

import org.beatbook.device.DeviceKind;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.Direction;
import org.beatbook.device.EventKind;
import org.beatbook.device.EventLog;
import org.beatbook.device.LogPosition;
import org.beatbook.device.LoggedEvent;
import org.beatbook.device.StoredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * {@link EventLog} over {@code device.event}: sightings in (xid, seq) order, up to the oldest transaction still
 * running (PostgreSQL's snapshot xmin, taken once per query as an init plan, so it also bounds the index scan),
 * walked in the order of the table's partial (xid, seq) index of sightings (device V5), so a batch costs the same
 * however long the tail is and whatever else the devices report.
 */
@Repository
class JdbcEventLog implements EventLog {

    /** After the cursor, among the sightings (the predicate of the partial index the reads walk, device V5). */
    private static final String AFTER = """
            e.xid >= :xid AND (e.xid > :xid OR e.seq > :seq) AND e.kind IN ('VEHICLE_PASS', 'EBIKE_PASS')""";

    private final JdbcClient jdbc;

    JdbcEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<LoggedEvent> sightingsAfter(LogPosition after, int limit) {
        return jdbc.sql("""
                        SELECT e.xid, e.seq, e.event_id, e.occurred_at, e.received_at, e.kind, e.direction, e.plate,
                               e.plate_color, e.tag, e.method, d.id, d.device_id, d.viid_device_id,
                               d.kind AS device_kind, d.node_code, d.node_path::text AS node_path
                          FROM device.event e JOIN device.device d ON d.id = e.device
                         WHERE %s AND e.xid < (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint)
                         ORDER BY e.xid, e.seq
                         LIMIT :limit""".formatted(AFTER))
                .param("xid", after.xid()).param("seq", after.seq()).param("limit", limit)
                .query(JdbcEventLog::logged).list();
    }

    @Override
    public long countSightingsAfter(LogPosition after, long limit) {
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM device.event e WHERE " + AFTER + " LIMIT :limit) t")
                .param("xid", after.xid()).param("seq", after.seq()).param("limit", limit)
                .query(Long.class).single();
    }

    private static LoggedEvent logged(ResultSet rs, int i) throws SQLException {
        DeviceRef device = new DeviceRef(rs.getObject("id", UUID.class), rs.getString("device_id"),
                rs.getString("viid_device_id"), DeviceKind.valueOf(rs.getString("device_kind")),
                rs.getString("node_code"), rs.getString("node_path"));
        String direction = rs.getString("direction");
        StoredEvent event = new StoredEvent(rs.getLong("seq"), device, rs.getString("event_id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
                EventKind.valueOf(rs.getString("kind")), direction == null ? null : Direction.valueOf(direction),
                rs.getString("plate"), rs.getString("plate_color"), rs.getString("tag"), rs.getString("method"));
        return new LoggedEvent(new LogPosition(rs.getLong("xid"), rs.getLong("seq")), event);
    }
}
