package org.beatbook.exchange.internal;

import org.beatbook.device.EventKind;
import org.beatbook.device.StoredEvent;
import org.beatbook.device.StoredEventsHandler;
import org.beatbook.exchange.internal.Compounds.Compound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The device writer's part for exchange: inside its transaction, one statement per batch queues every vehicle
 * sighting in the outbox and adds every collected event to its compound's daily count. Heartbeats are not data and
 * are not counted. Access events (DOOR_OPEN) and alarms are counted as collected but not queued: the GA/T 1400
 * subset the platform speaks has no object for them (ADR 0009).
 */
@Component
class OutboxWriter implements StoredEventsHandler {

    private static final String SQL = """
            WITH ev AS (
                SELECT e.*, (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS day
                  FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[],
                              ?::text[], ?::text[], ?::text[])
                       AS e(seq, kind, event_id, viid_device_id, occurred_at, plate, plate_color, tag, compound_code,
                            compound_path)
            ), known AS (
                INSERT INTO exchange.compound (code, path)
                SELECT DISTINCT compound_code, compound_path::ltree FROM ev
                ON CONFLICT (code) DO NOTHING
            ), queued AS (
                INSERT INTO exchange.outbox (event_seq, kind, event_id, viid_device_id, occurred_at, plate, plate_color,
                                             tag, compound_code, day)
                SELECT seq, kind, event_id, viid_device_id, occurred_at, plate, plate_color, tag, compound_code, day
                  FROM ev WHERE kind IN ('VEHICLE_PASS', 'EBIKE_PASS') ORDER BY seq
            )
            INSERT INTO exchange.volume_day (day, compound_code, counter, n)
            SELECT day, compound_code, 'COLLECTED', count(*) FROM ev GROUP BY day, compound_code
             ORDER BY day, compound_code
            ON CONFLICT (day, compound_code, counter) DO UPDATE SET n = exchange.volume_day.n + excluded.n""";

    private final JdbcTemplate jdbc;
    private final Compounds compounds;

    OutboxWriter(JdbcTemplate jdbc, Compounds compounds) {
        this.jdbc = jdbc;
        this.compounds = compounds;
    }

    @Override
    public void inTransaction(List<StoredEvent> stored) {
        List<StoredEvent> data = stored.stream().filter(e -> e.kind() != EventKind.HEARTBEAT).toList();
        if (data.isEmpty()) {
            return;
        }
        int n = data.size();
        long[] seq = new long[n];
        String[] kind = new String[n];
        String[] eventId = new String[n];
        String[] viid = new String[n];
        String[] at = new String[n];
        String[] plate = new String[n];
        String[] color = new String[n];
        String[] tag = new String[n];
        String[] compound = new String[n];
        String[] path = new String[n];
        for (int i = 0; i < n; i++) {
            StoredEvent e = data.get(i);
            Compound c = compounds.of(e.device());
            seq[i] = e.seq();
            kind[i] = e.kind().name();
            eventId[i] = e.eventId();
            viid[i] = e.device().viidDeviceId();
            at[i] = e.occurredAt().toString();
            plate[i] = e.plate();
            color[i] = e.plateColor();
            tag[i] = e.tag();
            compound[i] = c.code();
            path[i] = c.path();
        }
        jdbc.update(SQL, seq, kind, eventId, viid, at, plate, color, tag, compound, path);
    }
}
