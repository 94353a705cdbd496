package org.beatbook.exchange.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;

/** The queue as the pusher works it. Every method runs in the pusher's transaction. */
@Repository
class Outbox {

    /** Key of the advisory lock that makes one instance the pusher (so two never push the same rows). */
    static final long PUSHER_LOCK = 0x6265617462L; // "beatb"

    private static final RowMapper<OutboxRow> ROW = (rs, i) -> new OutboxRow(rs.getLong("id"), rs.getLong("event_seq"),
            rs.getString("kind"), rs.getString("event_id"), rs.getString("viid_device_id"),
            rs.getTimestamp("occurred_at").toInstant(), rs.getString("plate"), rs.getString("plate_color"),
            rs.getString("tag"), rs.getInt("attempts"));

    private final JdbcTemplate jdbc;

    Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when this transaction is the pusher; the lock goes with the transaction (commit, rollback or crash). */
    boolean lead() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, PUSHER_LOCK));
    }

    /** True when rows wait in the outbox (retries, re-queued or taken rows): they go before the event log's next. */
    boolean anyWaiting() {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM exchange.outbox WHERE acknowledged_at IS NULL AND parked_at IS NULL)""",
                Boolean.class));
    }

    /**
     * The next rows to push, in queue order: those of the oldest waiting row's kind (one upstream collection per
     * request, so a request either commits its acknowledgements or none).
     */
    List<OutboxRow> next(int limit) {
        return jdbc.query("""
                SELECT id, event_seq, kind, event_id, viid_device_id, occurred_at, plate, plate_color, tag, attempts
                  FROM exchange.outbox
                 WHERE acknowledged_at IS NULL AND parked_at IS NULL
                   AND kind = (SELECT kind FROM exchange.outbox WHERE acknowledged_at IS NULL AND parked_at IS NULL
                                ORDER BY id LIMIT 1)
                 ORDER BY id
                 LIMIT ?
                   FOR UPDATE""", ROW, limit);
    }

    /** Marks rows acknowledged and counts them as pushed on their compound and day. */
    void acknowledge(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update("""
                WITH acked AS (
                    UPDATE exchange.outbox SET acknowledged_at = now(), last_error = NULL
                     WHERE id = ANY (?::bigint[]) AND acknowledged_at IS NULL AND parked_at IS NULL
                    RETURNING day, compound_code
                )
                INSERT INTO exchange.volume_day (day, compound_code, counter, n)
                SELECT day, compound_code, 'PUSHED', count(*) FROM acked GROUP BY day, compound_code
                 ORDER BY day, compound_code
                ON CONFLICT (day, compound_code, counter) DO UPDATE SET n = exchange.volume_day.n + excluded.n""",
                (Object) ids.stream().mapToLong(Long::longValue).toArray());
    }

    /** Takes rows out of the queue for good, with the platform's reason. */
    void park(Map<Long, String> reasons) {
        update(reasons, """
                UPDATE exchange.outbox o SET parked_at = now(), parked_reason = r.reason, last_error = r.reason,
                                             attempts = o.attempts + 1
                  FROM unnest(?::bigint[], ?::text[]) AS r(id, reason)
                 WHERE o.id = r.id""");
    }

    /** Leaves rows queued for another try, parking those that have had their last one. */
    void retry(Map<Long, String> reasons, int maxAttempts) {
        if (reasons.isEmpty()) {
            return;
        }
        jdbc.update("""
                UPDATE exchange.outbox o SET attempts = o.attempts + 1, last_error = r.reason,
                       parked_at = CASE WHEN o.attempts + 1 >= ? THEN now() END,
                       parked_reason = CASE WHEN o.attempts + 1 >= ? THEN r.reason END
                  FROM unnest(?::bigint[], ?::text[]) AS r(id, reason)
                 WHERE o.id = r.id""", maxAttempts, maxAttempts,
                reasons.keySet().stream().mapToLong(Long::longValue).toArray(),
                reasons.values().toArray(String[]::new));
    }

    private void update(Map<Long, String> reasons, String sql) {
        if (reasons.isEmpty()) {
            return;
        }
        jdbc.update(sql, reasons.keySet().stream().mapToLong(Long::longValue).toArray(),
                reasons.values().toArray(String[]::new));
    }
}
