package org.beatbook.device.internal;

import org.beatbook.device.DeviceRef;
import org.beatbook.device.EventFate;
import org.beatbook.device.EventFate.Outcome;
import org.beatbook.device.StoredEvent;
import org.beatbook.shared.database.CopyRows;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a group of submissions: the dedupe keys go into {@code device.event_key}, and only the rows whose key was
 * new go on into the partitioned {@code device.event}, both by COPY (PostgreSQL's bulk path). Keys are first
 * written optimistically (COPY fails on a key that exists, and the writer writes the group again); the second
 * time with ON CONFLICT DO NOTHING, which sorts the new from the repeated. Resends are rare, so most groups
 * take the cheap path (docs/benchmarks.md, ingest). Runs inside the writer's transaction; fills in each event's
 * fate, which the writer hands out only after the commit.
 */
@Component
class EventStore {

    /** The dedupe keys first: only the rows this inserts are new, and only those go on into the event table. */
    private static final String KEYS = """
            INSERT INTO device.event_key (device, event_id, seq, received_at)
            SELECT device, event_id, nextval('device.event_seq'), :received::timestamptz
              FROM unnest(:device::uuid[], :eventId::text[]) AS i(device, event_id)
            ON CONFLICT DO NOTHING
            RETURNING seq, device, event_id""";

    private static final String KEY_COLUMNS = "device.event_key (device, event_id, seq, received_at)";

    private static final String EVENT_COLUMNS = "device.event (seq, device, node_code, event_id, occurred_at, "
            + "received_at, kind, direction, plate, plate_color, tag, credential, method, payload)";

    private record Key(UUID device, String eventId) { }

    private record Row(Submission submission, int index) {
        CheckedEvent event() {
            return submission.checked().get(index);
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    EventStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Inserts what is new, sets every checked event's fate, and answers the newly stored events in order.
     *
     * @param optimistic true: the keys go in by COPY, which is much cheaper than ON CONFLICT's speculative insertion
     *                   but fails the transaction with {@link DuplicateKeyException} when any key exists (a resend,
     *                   or a concurrent writer's); the caller then rolls back and writes the group again with false
     */
    List<StoredEvent> write(List<Submission> group, Instant received, boolean optimistic) {
        // An answer promises durability, whatever the server's default (the embedded server runs with it off).
        jdbc.sql("SET LOCAL synchronous_commit = on").update();
        Map<Key, Row> firsts = new HashMap<>();
        List<Row> repeats = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (Submission s : group) {
            for (int i = 0; i < s.size(); i++) {
                Row row = new Row(s, i);
                if (firsts.putIfAbsent(new Key(s.device().id(), s.checked().get(i).eventId()), row) == null) {
                    rows.add(row);
                } else {
                    repeats.add(row); // the same event twice while the first was waiting: stored once
                }
            }
        }
        Map<Key, Long> seqs = rows.isEmpty() ? Map.of()
                : optimistic ? insertAll(rows, received) : insertNew(rows, received);
        copyEvents(rows, seqs, received);
        List<StoredEvent> stored = new ArrayList<>(seqs.size());
        for (Row row : rows) {
            CheckedEvent e = row.event();
            Long seq = seqs.get(new Key(row.submission().device().id(), e.eventId()));
            if (seq == null) {
                fate(row, Outcome.DUPLICATE);
            } else {
                fate(row, Outcome.STORED);
                stored.add(new StoredEvent(seq, row.submission().device(), e.eventId(), e.occurredAt(), received,
                        e.kind(), e.direction(), e.plate(), e.plateColor(), e.tag(), e.method()));
            }
        }
        repeats.forEach(row -> fate(row, Outcome.DUPLICATE));
        stored.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        return stored;
    }

    private static void fate(Row row, Outcome outcome) {
        Submission s = row.submission();
        s.fates()[s.positions()[row.index()]] = new EventFate(row.event().eventId(), outcome, null, null);
    }

    /** Every row is new: sequence numbers for all, keys by COPY (a key that exists fails the transaction). */
    private Map<Key, Long> insertAll(List<Row> rows, Instant received) {
        Long[] reserved = jdbc.sql("SELECT array_agg(nextval('device.event_seq')) FROM generate_series(1, :n)")
                .param("n", rows.size()).query((rs, i) -> (Long[]) rs.getArray(1).getArray()).single();
        Map<Key, Long> seqs = new HashMap<>(rows.size() * 2);
        CopyRows keys = new CopyRows(KEY_COLUMNS);
        String at = received.toString();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            UUID device = row.submission().device().id();
            String eventId = row.event().eventId();
            seqs.put(new Key(device, eventId), reserved[i]);
            keys.row(device, eventId, reserved[i], at);
        }
        keys.copy(dataSource);
        return seqs;
    }

    /** Some rows may exist: the keys set-based with ON CONFLICT DO NOTHING; answers the new rows' numbers. */
    private Map<Key, Long> insertNew(List<Row> rows, Instant received) {
        int n = rows.size();
        String[] device = new String[n];
        String[] eventId = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            device[i] = row.submission().device().id().toString();
            eventId[i] = row.event().eventId();
        }
        Map<Key, Long> seqs = new HashMap<>(n * 2);
        jdbc.sql(KEYS).param("device", text(device)).param("eventId", text(eventId))
                .param("received", received.toString())
                .query((rs, i) -> seqs.put(new Key(rs.getObject(2, UUID.class), rs.getString(3)), rs.getLong(1)))
                .list();
        return seqs;
    }

    /** The new events by COPY. */
    private void copyEvents(List<Row> rows, Map<Key, Long> seqs, Instant received) {
        if (seqs.isEmpty()) {
            return;
        }
        CopyRows events = new CopyRows(EVENT_COLUMNS);
        String at = received.toString();
        for (Row row : rows) {
            CheckedEvent e = row.event();
            DeviceRef d = row.submission().device();
            Long seq = seqs.get(new Key(d.id(), e.eventId()));
            if (seq != null) {
                events.row(seq, d.id(), d.nodeCode(), e.eventId(), e.occurredAt(), at, e.kind().name(),
                        e.direction() == null ? null : e.direction().name(), e.plate(), e.plateColor(), e.tag(),
                        e.credential(), e.method(), e.payload());
            }
        }
        events.copy(dataSource);
    }

    private static SqlArrayValue text(String[] values) {
        return new SqlArrayValue("text", (Object[]) values);
    }
}
