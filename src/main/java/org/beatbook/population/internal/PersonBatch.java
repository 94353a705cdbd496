package org.beatbook.population.internal;

import org.beatbook.population.DocumentNumber;
import org.beatbook.population.DocumentType;
import org.beatbook.shared.database.CopyRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Set-based reads and writes of the person tables for imports: one statement per table, never one per row. */
@Component
class PersonBatch {

    /** A stored person a row's document names: the survivor if that record was merged away, locked for the import. */
    record Existing(long id, String name, int version, Set<String> currentRooms) { }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final JsonMapper json;

    PersonBatch(JdbcClient jdbc, DataSource dataSource, JsonMapper json) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
    }

    /** A version's changes as the jsonb column holds them. */
    String json(Map<String, Object> changes) {
        return json.writeValueAsString(changes);
    }

    /**
     * The key under which a document is unique: an ID number counts once whichever ID-like document carries it
     * (the same rule as the unique index).
     */
    static String key(DocumentNumber d) {
        boolean idLike = d.type() == DocumentType.RESIDENT_ID || d.type() == DocumentType.HMT_RESIDENCE_PERMIT;
        return (idLike ? "ID" : d.type().name()) + ":" + d.value();
    }

    /** The stored persons holding any of the documents, by {@link #key}; their rows locked until commit. */
    Map<String, Existing> existing(Collection<DocumentNumber> documents) {
        Map<String, Existing> found = new HashMap<>();
        if (documents.isEmpty()) {
            return found;
        }
        String[] types = documents.stream().map(d -> d.type().name()).toArray(String[]::new);
        String[] numbers = documents.stream().map(DocumentNumber::value).toArray(String[]::new);
        // ID-like documents match on the number alone; others on type and number.
        List<Object[]> rows = jdbc.sql("""
                        with wanted(type, number) as (select * from unnest(?::text[], ?::text[])),
                        holders as (
                            select w.type as wanted_type, w.number, p.id as holder
                            from wanted w join population.person p on p.document_number = w.number
                             and (p.document_type = w.type
                                  or (w.type in ('RESIDENT_ID', 'HMT_RESIDENCE_PERMIT')
                                      and p.document_type in ('RESIDENT_ID', 'HMT_RESIDENCE_PERMIT'))))
                        select h.wanted_type, h.number, s.id, s.name, s.version,
                               array(select r.node_code from population.residence r
                                     where r.person_id = s.id and r.moved_out is null)
                        from holders h
                        join population.person p on p.id = h.holder
                        join population.person s on s.id = coalesce(p.merged_into, p.id)
                        order by s.id
                        for update of s""")
                .param(types).param(numbers)
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getInt(5), (String[]) rs.getArray(6).getArray()})
                .list();
        for (Object[] r : rows) {
            DocumentType type = DocumentType.valueOf((String) r[0]);
            boolean idLike = type == DocumentType.RESIDENT_ID || type == DocumentType.HMT_RESIDENCE_PERMIT;
            String key = (idLike ? "ID" : type.name()) + ":" + r[1];
            found.put(key, new Existing((Long) r[2], (String) r[3], (Integer) r[4],
                    new HashSet<>(List.of((String[]) r[5]))));
        }
        return found;
    }

    /** {@code n} fresh ids of a table's identity column, for rows written by COPY that others refer to. */
    List<Long> ids(String table, int n) {
        if (n == 0) {
            return List.of();
        }
        return jdbc.sql("select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)")
                .param(table).param(n).query(Long.class).list();
    }

    /** Sets the version counters of existing persons that got new versions. */
    void bumpVersions(Map<Long, Integer> versions) {
        if (versions.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(versions.keySet());
        jdbc.sql("""
                        update population.person p set version = v.version, updated_at = now()
                        from unnest(?::bigint[], ?::int[]) as v(id, version) where p.id = v.id""")
                .param(ids.toArray(Long[]::new)).param(ids.stream().map(versions::get).toArray(Integer[]::new))
                .update();
    }

    void copy(CopyRows rows) {
        rows.copy(dataSource);
    }
}
