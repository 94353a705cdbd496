package org.beatbook.device.internal;

import org.beatbook.device.EventFate;
import org.beatbook.device.EventFate.Outcome;
import org.beatbook.device.StoredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a group of submissions with one statement: the dedupe keys go into {@code device.event_key} (ON CONFLICT
 * DO NOTHING), and only the rows whose key was new go on into the partitioned {@code device.event}. Runs inside
 * the writer's transaction; fills in each event's fate, which the writer hands out only after the commit.
 */
@Component
class EventStore {

    private static final String INSERT = """
            WITH incoming AS (
                SELECT * FROM unnest(:device::uuid[], :node::text[], :eventId::text[], :occurred::timestamptz[],
                                     :kind::text[], :direction::text[], :plate::text[], :color::text[], :tag::text[],
                                     :credential::text[], :method::text[], :payload::text[])
                    AS i(device, node_code, event_id, occurred_at, kind, direction, plate, plate_color, tag,
                         credential, method, payload)
            ), keys AS (
                INSERT INTO device.event_key (device, event_id, seq, received_at)
                SELECT device, event_id, nextval('device.event_seq'), :received::timestamptz FROM incoming
                ON CONFLICT DO NOTHING
                RETURNING device, event_id, seq
            )
            INSERT INTO device.event (seq, device, node_code, event_id, occurred_at, received_at, kind, direction,
                                      plate, plate_color, tag, credential, method, payload)
            SELECT k.seq, i.device, i.node_code, i.event_id, i.occurred_at, :received::timestamptz, i.kind,
                   i.direction, i.plate, i.plate_color, i.tag, i.credential, i.method, i.payload
            FROM keys k JOIN incoming i USING (device, event_id)
            RETURNING seq, device, event_id""";

    private record Key(UUID device, String eventId) { }

    private record Row(Submission submission, int index) {
        CheckedEvent event() {
            return submission.checked().get(index);
        }
    }

    private final JdbcClient jdbc;

    EventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts what is new, sets every checked event's fate, and answers the newly stored events in order. */
    List<StoredEvent> write(List<Submission> group, Instant received) {
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
        Map<Key, Long> seqs = insert(rows, received);
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

    private Map<Key, Long> insert(List<Row> rows, Instant received) {
        int n = rows.size();
        String[] device = new String[n];
        String[] node = new String[n];
        String[] eventId = new String[n];
        String[] occurred = new String[n];
        String[] kind = new String[n];
        String[] direction = new String[n];
        String[] plate = new String[n];
        String[] color = new String[n];
        String[] tag = new String[n];
        String[] credential = new String[n];
        String[] method = new String[n];
        String[] payload = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            CheckedEvent e = row.event();
            device[i] = row.submission().device().id().toString();
            node[i] = row.submission().device().nodeCode();
            eventId[i] = e.eventId();
            occurred[i] = e.occurredAt().toString();
            kind[i] = e.kind().name();
            direction[i] = e.direction() == null ? null : e.direction().name();
            plate[i] = e.plate();
            color[i] = e.plateColor();
            tag[i] = e.tag();
            credential[i] = e.credential();
            method[i] = e.method();
            payload[i] = e.payload();
        }
        Map<Key, Long> seqs = new HashMap<>(n * 2);
        jdbc.sql(INSERT)
                .param("device", text(device)).param("node", text(node)).param("eventId", text(eventId))
                .param("occurred", text(occurred)).param("kind", text(kind)).param("direction", text(direction))
                .param("plate", text(plate)).param("color", text(color)).param("tag", text(tag))
                .param("credential", text(credential)).param("method", text(method)).param("payload", text(payload))
                .param("received", received.toString())
                .query((rs, i) -> seqs.put(new Key(rs.getObject(2, UUID.class), rs.getString(3)), rs.getLong(1)))
                .list();
        return seqs;
    }

    private static SqlArrayValue text(String[] values) {
        return new SqlArrayValue("text", (Object[]) values);
    }
}
