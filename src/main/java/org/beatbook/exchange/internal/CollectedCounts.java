package org.beatbook.exchange.internal;

import org.beatbook.device.EventKind;
import org.beatbook.device.StoredEvent;
import org.beatbook.device.StoredEventsHandler;
import org.beatbook.exchange.internal.Compounds.Compound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The device writer's part for exchange: inside its transaction, one statement adds every collected event to its
 * compound's daily count (the volume ledger). Heartbeats are not data and are not counted. Nothing is queued here:
 * the pusher takes sightings from the device event log when it pushes them ({@link LogFeed}, ADR 0009).
 */
@Component
class CollectedCounts implements StoredEventsHandler {

    private static final ZoneId COLLECTION_ZONE = ZoneId.of("Asia/Shanghai");

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
    private final Compounds compounds;

    CollectedCounts(JdbcTemplate jdbc, Compounds compounds) {
        this.jdbc = jdbc;
        this.compounds = compounds;
    }

    @Override
    public void inTransaction(List<StoredEvent> stored) {
        Map<String, String> paths = new TreeMap<>();
        Map<Counted, Long> counts = new TreeMap<>();
        for (StoredEvent e : stored) {
            if (e.kind() == EventKind.HEARTBEAT) {
                continue;
            }
            Compound c = compounds.of(e.device());
            LocalDate day = LocalDate.ofInstant(e.occurredAt(), COLLECTION_ZONE);
            paths.putIfAbsent(c.code(), c.path());
            counts.merge(new Counted(day, c.code()), 1L, Long::sum);
        }
        if (counts.isEmpty()) {
            return;
        }
        jdbc.update(COUNTS, paths.keySet().toArray(String[]::new), paths.values().toArray(String[]::new),
                counts.keySet().stream().map(k -> k.day().toString()).toArray(String[]::new),
                counts.keySet().stream().map(Counted::compound).toArray(String[]::new),
                counts.values().stream().map(String::valueOf).toArray(String[]::new));
    }
}
