package org.beatbook.alert.internal;

import org.beatbook.alert.internal.HotlistMatcher.Listed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The hotlist table. Hotlists are not scoped: a stolen vehicle is stolen everywhere. */
@Repository
class HotlistStore {

    /** An entry as the hotlist pages and API show it. */
    record Entry(long id, HotlistKind kind, String value, String source, String reference, Instant validFrom,
                 Instant validUntil, String note, String enteredBy, Instant enteredAt) { }

    private final JdbcClient jdbc;

    HotlistStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void active(Consumer<Listed> sink) {
        jdbc.sql("SELECT id, kind, value, source, valid_from, valid_until FROM alert.hotlist_entry WHERE removed_at IS NULL")
                .query(rs -> {
                    sink.accept(new Listed(rs.getLong(1), HotlistKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getTimestamp(5).toInstant(), instant(rs.getTimestamp(6))));
                });
    }

    boolean listed(HotlistKind kind, String value) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM alert.hotlist_entry WHERE kind = ? AND value = ? AND removed_at IS NULL)")
                .param(kind.name()).param(value).query(Boolean.class).single();
    }

    long insert(Entry e, UUID importId) {
        return jdbc.sql("""
                        INSERT INTO alert.hotlist_entry (kind, value, source, reference, valid_from, valid_until, note,
                                                         entered_by, import_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(e.kind().name(), e.value(), e.source(), e.reference(), Timestamp.from(e.validFrom()),
                        e.validUntil() == null ? null : Timestamp.from(e.validUntil()), e.note(), e.enteredBy(), importId)
                .query(Long.class).single();
    }

    /** Inserts the entries not listed yet in one statement; answers how many were new. */
    int insertAll(List<Entry> entries, UUID importId) {
        if (entries.isEmpty()) {
            return 0;
        }
        int n = entries.size();
        String[] kinds = new String[n], values = new String[n], sources = new String[n], refs = new String[n];
        String[] notes = new String[n], by = new String[n];
        Timestamp[] from = new Timestamp[n], until = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            kinds[i] = e.kind().name();
            values[i] = e.value();
            sources[i] = e.source();
            refs[i] = e.reference();
            notes[i] = e.note();
            by[i] = e.enteredBy();
            from[i] = Timestamp.from(e.validFrom());
            until[i] = e.validUntil() == null ? null : Timestamp.from(e.validUntil());
        }
        return jdbc.sql("""
                        INSERT INTO alert.hotlist_entry (kind, value, source, reference, valid_from, valid_until, note,
                                                         entered_by, import_id)
                        SELECT DISTINCT ON (k, v) k, v, s, r, f, u, nt, b, CAST(:importId AS uuid)
                          FROM unnest(CAST(:kinds AS text[]), CAST(:values AS text[]), CAST(:sources AS text[]),
                                      CAST(:refs AS text[]), CAST(:from AS timestamptz[]), CAST(:until AS timestamptz[]),
                                      CAST(:notes AS text[]), CAST(:by AS text[])) AS x(k, v, s, r, f, u, nt, b)
                        ON CONFLICT (kind, value) WHERE removed_at IS NULL DO NOTHING""")
                .param("importId", importId).param("kinds", kinds).param("values", values).param("sources", sources)
                .param("refs", refs).param("from", from).param("until", until).param("notes", notes).param("by", by)
                .update();
    }

    Optional<Entry> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert.hotlist_entry WHERE id = ? AND removed_at IS NULL")
                .param(id).query(HotlistStore::entry).optional();
    }

    void remove(long id, String by) {
        jdbc.sql("UPDATE alert.hotlist_entry SET removed_at = now(), removed_by = ? WHERE id = ? AND removed_at IS NULL")
                .param(by).param(id).update();
    }

    List<Entry> search(String q, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert.hotlist_entry WHERE removed_at IS NULL"
                        + " AND (CAST(:q AS text) IS NULL OR value LIKE '%' || :q || '%' OR source LIKE '%' || :q || '%')"
                        + " ORDER BY id DESC OFFSET :offset LIMIT :limit")
                .param("q", q).param("offset", offset).param("limit", limit)
                .query(HotlistStore::entry).list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM alert.hotlist_entry WHERE removed_at IS NULL").query(Long.class).single();
    }

    private static final String COLUMNS =
            "id, kind, value, source, reference, valid_from, valid_until, note, entered_by, entered_at";

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong(1), HotlistKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getTimestamp(6).toInstant(), instant(rs.getTimestamp(7)), rs.getString(8),
                rs.getString(9), rs.getTimestamp(10).toInstant());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
