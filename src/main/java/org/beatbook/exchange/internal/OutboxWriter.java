package org.beatbook.exchange.internal;

import org.beatbook.device.EventKind;
import org.beatbook.device.StoredEvent;
import org.beatbook.device.StoredEventsHandler;
import org.beatbook.exchange.internal.Compounds.Compound;
import org.beatbook.shared.database.CopyRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The device writer's part for exchange: inside its transaction, one COPY per batch queues every vehicle sighting
 * in the outbox, and one statement adds every collected event to its compound's daily count. Heartbeats are not
 * data and are not counted. Access events (DOOR_OPEN) and alarms are counted as collected but not queued: the GA/T 1400
 * subset the platform speaks has no object for them (ADR 0009).
 */
@Component
class OutboxWriter implements StoredEventsHandler {

    private static final ZoneId COLLECTION_ZONE = ZoneId.of("Asia/Shanghai");

    private static final String OUTBOX = "exchange.outbox (event_seq, kind, event_id, viid_device_id, occurred_at, "
            + "plate, plate_color, tag, compound_code, day)";

    /** Compounds first seen get their row (for scoping); each compound's day count grows, in key order. */
    private static final String COUNTS = """
            WITH known AS (
                INSERT INTO exchange.compound (code, path)
                SELECT DISTINCT code, path::ltree FROM unnest(?::text[], ?::text[]) AS c(code, path)
                ON CONFLICT (code) DO NOTHING
            )
            INSERT INTO exchange.volume_day (day, compound_code, counter, n)
            SELECT day, code, 'COLLECTED', n FROM unnest(?::date[], ?::text[], ?::bigint[]) AS v(day, code, n)
             ORDER BY day, code
            ON CONFLICT (day, compound_code, counter) DO UPDATE SET n = exchange.volume_day.n + excluded.n""";

    private record Counted(LocalDate day, String compound) implements Comparable<Counted> {
        @Override
        public int compareTo(Counted o) {
            int c = day.compareTo(o.day);
            return c != 0 ? c : compound.compareTo(o.compound);
        }
    }

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Compounds compounds;

    OutboxWriter(JdbcTemplate jdbc, DataSource dataSource, Compounds compounds) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.compounds = compounds;
    }

    @Override
    public void inTransaction(List<StoredEvent> stored) {
        CopyRows outbox = new CopyRows(OUTBOX);
        Map<String, String> paths = new TreeMap<>();
        Map<Counted, Long> counts = new TreeMap<>();
        for (StoredEvent e : stored) { // in sequence order, so the outbox keeps it
            if (e.kind() == EventKind.HEARTBEAT) {
                continue;
            }
            Compound c = compounds.of(e.device());
            LocalDate day = LocalDate.ofInstant(e.occurredAt(), COLLECTION_ZONE);
            paths.putIfAbsent(c.code(), c.path());
            counts.merge(new Counted(day, c.code()), 1L, Long::sum);
            if (e.kind() == EventKind.VEHICLE_PASS || e.kind() == EventKind.EBIKE_PASS) {
                outbox.row(e.seq(), e.kind().name(), e.eventId(), e.device().viidDeviceId(), e.occurredAt(),
                        e.plate(), e.plateColor(), e.tag(), c.code(), day);
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        outbox.copy(dataSource);
        jdbc.update(COUNTS, paths.keySet().toArray(String[]::new), paths.values().toArray(String[]::new),
                counts.keySet().stream().map(k -> k.day().toString()).toArray(String[]::new),
                counts.keySet().stream().map(Counted::compound).toArray(String[]::new),
                counts.values().stream().map(String::valueOf).toArray(String[]::new));
    }
}
