package org.beatbook.alert.internal;

import org.beatbook.alert.AlertRule;
import org.beatbook.shared.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The alert table. Every read of alerts takes the caller's scope (the device's node path). */
@Repository
class AlertStore {

    private static final String COLUMNS = """
            id, rule, state, plate, tag, device_id, node_code, node_path::text, place, event_seq, occurred_at,
            received_at, raised_at, hotlist_id, vehicle_id, detail, acknowledged_by, acknowledged_at, dispatched_by,
            dispatched_at, assignee_id, assignee_name, dispatch_note, closed_by, closed_at, outcome, outcome_note,
            version""";

    /** Filters of the history. */
    record Filter(AlertState state, AlertRule rule, Instant from, Instant until) { }

    /** @param closed alerts closed; falsePositives those closed as false positive */
    record RuleRate(AlertRule rule, long total, long closed, long falsePositives) {

        /** Closed as false positive over closed, or null when none is closed. */
        public Double rate() {
            return closed == 0 ? null : (double) falsePositives / closed;
        }
    }

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the hits in one statement; a hit whose rule already alerted on the same event is skipped. */
    List<Long> insert(List<Hit> hits, Map<String, String> places) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO alert.alert (rule, dedupe_key, event_seq, device_uuid, device_id, node_code, node_path, place,
                                         plate, tag, occurred_at, received_at, hotlist_id, vehicle_id, detail) VALUES """);
        List<Object> params = new ArrayList<>(hits.size() * 15);
        for (int i = 0; i < hits.size(); i++) {
            Hit h = hits.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?::ltree, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.add(h.rule().name());
            params.add(h.dedupeKey());
            params.add(h.eventSeq());
            params.add(h.device().id());
            params.add(h.device().deviceId());
            params.add(h.device().nodeCode());
            params.add(h.device().nodePath());
            params.add(places.get(h.device().nodeCode()));
            params.add(h.plate());
            params.add(h.tag());
            params.add(Timestamp.from(h.occurredAt()));
            params.add(Timestamp.from(h.receivedAt()));
            params.add(h.hotlistId());
            params.add(h.vehicleId());
            params.add(h.detail());
        }
        sql.append(" ON CONFLICT (rule, dedupe_key) DO NOTHING RETURNING id");
        return jdbc.sql(sql.toString()).params(params).query(Long.class).list();
    }

    List<AlertView> byIds(List<Long> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert.alert WHERE id = ANY(?) ORDER BY id")
                .param(ids.toArray(Long[]::new)).query(AlertStore::view).list();
    }

    Optional<AlertView> find(long id, Scope scope) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert.alert WHERE id = ? AND node_path <@ ?::ltree[]")
                .param(id).param(scope.sqlArray()).query(AlertStore::view).optional();
    }

    /** Newest first; one row more than {@code size} tells whether there is a next page. */
    List<AlertView> list(Filter f, Scope scope, int offset, int size) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alert.alert WHERE node_path <@ :scope::ltree[]");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("scope", scope.sqlArray());
        if (f.state() != null) {
            sql.append(" AND state = :state");
            p.put("state", f.state().name());
        }
        if (f.rule() != null) {
            sql.append(" AND rule = :rule");
            p.put("rule", f.rule().name());
        }
        if (f.from() != null) {
            sql.append(" AND raised_at >= :from");
            p.put("from", Timestamp.from(f.from()));
        }
        if (f.until() != null) {
            sql.append(" AND raised_at < :until");
            p.put("until", Timestamp.from(f.until()));
        }
        sql.append(" ORDER BY id DESC OFFSET :offset LIMIT :limit");
        p.put("offset", offset);
        p.put("limit", size + 1);
        return jdbc.sql(sql.toString()).params(p).query(AlertStore::view).list();
    }

    /** Alerts not yet closed, newest first. */
    List<AlertView> open(Scope scope, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert.alert WHERE node_path <@ ?::ltree[] AND state <> 'CLOSED'"
                        + " ORDER BY id DESC LIMIT ?")
                .param(scope.sqlArray()).param(limit).query(AlertStore::view).list();
    }

    /** Moves the alert on if it is in scope and in one of {@code from}; false otherwise. */
    boolean transition(long id, Scope scope, List<AlertState> from, String set, Map<String, Object> values) {
        Map<String, Object> p = new LinkedHashMap<>(values);
        p.put("id", id);
        p.put("scope", scope.sqlArray());
        p.put("from", from.stream().map(Enum::name).toArray(String[]::new));
        return jdbc.sql("UPDATE alert.alert SET " + set + ", version = version + 1"
                        + " WHERE id = :id AND node_path <@ :scope::ltree[] AND state = ANY(:from)")
                .params(p).update() == 1;
    }

    List<RuleRate> rates(Scope scope, Instant from) {
        Map<AlertRule, RuleRate> rates = new LinkedHashMap<>();
        for (AlertRule r : AlertRule.values()) {
            rates.put(r, new RuleRate(r, 0, 0, 0));
        }
        jdbc.sql("""
                        SELECT rule, count(*), count(*) FILTER (WHERE state = 'CLOSED'),
                               count(*) FILTER (WHERE outcome = 'FALSE_POSITIVE')
                          FROM alert.alert WHERE node_path <@ ?::ltree[] AND raised_at >= ? GROUP BY rule""")
                .param(scope.sqlArray()).param(Timestamp.from(from))
                .query(rs -> {
                    AlertRule r = AlertRule.valueOf(rs.getString(1));
                    rates.put(r, new RuleRate(r, rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                });
        return List.copyOf(rates.values());
    }

    void moveNodes(String oldPath, String newPath) {
        jdbc.sql("""
                        UPDATE alert.alert
                           SET node_path = repath(node_path, CAST(:oldPath AS ltree), CAST(:newPath AS ltree))
                         WHERE node_path <@ CAST(:oldPath AS ltree)""")
                .param("newPath", newPath).param("oldPath", oldPath).update();
    }

    /** Alerts raised at a renamed node show its new name (the gate is the same place). */
    void renamePlace(String code, String path, String name) {
        jdbc.sql("""
                        UPDATE alert.alert SET place = :name
                         WHERE node_path <@ CAST(:path AS ltree) AND node_code = :code AND place IS DISTINCT FROM :name""")
                .param("name", name).param("path", path).param("code", code).update();
    }

    private static AlertView view(ResultSet rs, int n) throws SQLException {
        return new AlertView(rs.getLong(1), AlertRule.valueOf(rs.getString(2)), AlertState.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                (Long) rs.getObject(10), instant(rs, 11), instant(rs, 12), instant(rs, 13), (Long) rs.getObject(14),
                (Long) rs.getObject(15), rs.getString(16), rs.getString(17), instant(rs, 18), rs.getString(19),
                instant(rs, 20), (Long) rs.getObject(21), rs.getString(22), rs.getString(23), rs.getString(24),
                instant(rs, 25), rs.getString(26) == null ? null : Outcome.valueOf(rs.getString(26)),
                rs.getString(27), rs.getInt(28));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
