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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a group of submissions into the partitioned {@code device.event}, whose primary key
 * (device, event_id, month of occurrence) is the dedupe key: a resend carries the same occurredAt, so it meets its
 * first copy in the same partition. Rows first go in optimistically by COPY (PostgreSQL's bulk path), which fails
 * the transaction on a key that exists; the writer then writes the group again with INSERT … ON CONFLICT DO
 * NOTHING, which sorts the new from the repeated. Resends are rare, so most groups take the cheap path
 * (docs/benchmarks.md, ingest). Runs inside the writer's transaction; fills in each event's fate, which the writer
 * hands out only after the commit.
 */
@Component
class EventStore {

    private static final String COLUMNS = "seq, device, node_code, event_id, month, occurred_at, received_at, kind, "
            + "direction, plate, plate_color, tag, credential, method, payload";

    /** Only the rows this inserts are new; the rest met their key. */
    private static final String INSERT_NEW = "INSERT INTO device.event (" + COLUMNS + """
            )
            SELECT nextval('device.event_seq'), device, node_code, event_id, month, occurred_at, :received::timestamptz,
                   kind, direction, plate, plate_color, tag, credential, method, payload
              FROM unnest(:device::uuid[], :nodeCode::text[], :eventId::text[], :month::date[],
                          :occurredAt::timestamptz[], :kind::text[], :direction::text[], :plate::text[],
                          :plateColor::text[], :tag::text[], :credential::text[], :method::text[], :payload::text[])
                   AS i(device, node_code, event_id, month, occurred_at, kind, direction, plate, plate_color, tag,
                        credential, method, payload)
            ON CONFLICT DO NOTHING
            RETURNING seq, device, event_id, month""";

    private static final String EVENT_COLUMNS = "device.event (" + COLUMNS + ")";

    /** What identifies a stored event, as the table's primary key does. */
    private record Key(UUID device, String eventId, LocalDate month) {
        static Key of(Submission s, int index) {
            CheckedEvent e = s.checked().get(index);
            return new Key(s.device().id(), e.eventId(), EventStore.month(e.occurredAt()));
        }
    }

    /** An event of the group, with its key worked out once. */
    private record Row(Submission submission, int index, Key key) {
        CheckedEvent event() {
            return submission.checked().get(index);
        }
    }

    /** The partition an event goes to: the first day of the UTC month it occurred in. */
    static LocalDate month(Instant occurredAt) {
        return LocalDate.ofInstant(occurredAt, ZoneOffset.UTC).withDayOfMonth(1);
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
     * @param optimistic true: the rows go in by COPY, which is much cheaper than ON CONFLICT's speculative insertion
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
                Row row = new Row(s, i, Key.of(s, i));
                if (firsts.putIfAbsent(row.key(), row) == null) {
                    rows.add(row);
                } else {
                    repeats.add(row); // the same event twice while the first was waiting: stored once
                }
            }
        }
        Map<Key, Long> seqs = rows.isEmpty() ? Map.of()
                : optimistic ? copyAll(rows, received) : insertNew(rows, received);
        List<StoredEvent> stored = new ArrayList<>(seqs.size());
        for (Row row : rows) {
            CheckedEvent e = row.event();
            Long seq = seqs.get(row.key());
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

    /** Every row is new: sequence numbers for all, the rows by COPY (a key that exists fails the transaction). */
    private Map<Key, Long> copyAll(List<Row> rows, Instant received) {
        Long[] reserved = jdbc.sql("SELECT array_agg(nextval('device.event_seq')) FROM generate_series(1, :n)")
                .param("n", rows.size()).query((rs, i) -> (Long[]) rs.getArray(1).getArray()).single();
        Map<Key, Long> seqs = new HashMap<>(rows.size() * 2);
        CopyRows events = new CopyRows(EVENT_COLUMNS);
        String at = received.toString();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Key key = row.key();
            CheckedEvent e = row.event();
            seqs.put(key, reserved[i]);
            events.row(reserved[i], key.device(), row.submission().device().nodeCode(), e.eventId(), key.month(),
                    e.occurredAt(), at, e.kind().name(), e.direction() == null ? null : e.direction().name(),
                    e.plate(), e.plateColor(), e.tag(), e.credential(), e.method(), e.payload());
        }
        events.copy(dataSource);
        return seqs;
    }

    /** Some rows may exist: set-based with ON CONFLICT DO NOTHING; answers the new rows' numbers. */
    private Map<Key, Long> insertNew(List<Row> rows, Instant received) {
        int n = rows.size();
        String[][] columns = new String[12][n];
        String[] device = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            CheckedEvent e = row.event();
            device[i] = row.submission().device().id().toString();
            String[] values = {row.submission().device().nodeCode(), e.eventId(), month(e.occurredAt()).toString(),
                    e.occurredAt().toString(), e.kind().name(), e.direction() == null ? null : e.direction().name(),
                    e.plate(), e.plateColor(), e.tag(), e.credential(), e.method(), e.payload()};
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c];
            }
        }
        Map<Key, Long> seqs = new HashMap<>(n * 2);
        jdbc.sql(INSERT_NEW).param("device", text(device)).param("nodeCode", text(columns[0]))
                .param("eventId", text(columns[1])).param("month", text(columns[2]))
                .param("occurredAt", text(columns[3])).param("kind", text(columns[4]))
                .param("direction", text(columns[5])).param("plate", text(columns[6]))
                .param("plateColor", text(columns[7])).param("tag", text(columns[8]))
                .param("credential", text(columns[9])).param("method", text(columns[10]))
                .param("payload", text(columns[11])).param("received", received.toString())
                .query((rs, i) -> seqs.put(new Key(rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, LocalDate.class)), rs.getLong(1)))
                .list();
        return seqs;
    }

    private static SqlArrayValue text(String[] values) {
        return new SqlArrayValue("text", (Object[]) values);
    }
}
