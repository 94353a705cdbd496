package org.beatbook.audit.internal;

import org.beatbook.shared.AuditEvent.Result;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The table {@code audit.audit_log}: appending to the chain, searching it, and reading it whole.
 * Every method needs the caller's transaction (appends take a transaction-level lock; the streaming
 * reads need one for a server-side cursor).
 */
@Repository
public class AuditLog {

    /** Key of the transaction-level advisory lock that serialises appenders (ASCII "bbAudit"). */
    static final long CHAIN_LOCK = 0x0062_6241_7564_6974L;
    static final int FETCH_SIZE = 1000;

    private static final String COLUMNS = """
            id, occurred_at, actor, actor_role, action, object_type, object_id, scope_path, purpose, result,
            detail, client_address, prev_hash, hash""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    AuditLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * Appends the entries at the head of the chain, in order. Holds the chain lock from here until the
     * surrounding transaction ends: call it as late in the transaction as possible.
     */
    List<AuditEntry> append(List<NewEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("appending to the audit chain needs a transaction");
        }
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query(rs -> { });
        // Read the head only after the lock: under READ COMMITTED this statement sees every committed append.
        List<Object[]> heads = jdbc.sql("""
                        select (select hash from audit.audit_log order by id desc limit 1),
                               nextval('audit.audit_log_id_seq')
                          from generate_series(1, ?)""")
                .param(entries.size())
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getLong(2)})
                .list();
        String prev = heads.get(0)[0] == null ? ChainHash.GENESIS : (String) heads.get(0)[0];
        List<AuditEntry> chained = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry e = entries.get(i).chained((Long) heads.get(i)[1], prev);
            chained.add(e);
            prev = e.hash();
        }
        jdbcTemplate.batchUpdate("""
                        insert into audit.audit_log (id, occurred_at, actor, actor_role, action, object_type,
                               object_id, scope_path, purpose, result, detail, client_address, prev_hash, hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                chained.stream().map(e -> new Object[]{e.id(), OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC),
                        e.actor(), e.actorRole(), e.action(), e.objectType(), e.objectId(), e.scopePath(), e.purpose(),
                        e.result().name(), e.detail(), e.clientAddress(), e.prevHash(), e.hash()}).toList());
        return chained;
    }

    /** One page of the search, newest first; one row more than asked tells whether a next page exists. */
    List<AuditEntry> search(AuditQuery q) {
        Where where = where(q);
        if (q.before() != null) {
            where.and("id < :before", "before", q.before());
        }
        return jdbc.sql("select " + COLUMNS + " from audit.audit_log" + where + " order by id desc limit :limit")
                .params(where.params)
                .param("limit", q.size() + 1)
                .query(ROW)
                .list();
    }

    /** Every row matching the filters (ignoring paging), newest first, streamed through a cursor. */
    void forEachMatching(AuditQuery q, Consumer<AuditEntry> each) {
        Where where = where(q);
        jdbc.sql("select " + COLUMNS + " from audit.audit_log" + where + " order by id desc")
                .withFetchSize(FETCH_SIZE)
                .params(where.params)
                .query(rs -> {
                    each.accept(ROW.mapRow(rs, 0));
                });
    }

    /** The whole log in chain order through a cursor; close the stream. */
    Stream<AuditEntry> streamInChainOrder() {
        return jdbc.sql("select " + COLUMNS + " from audit.audit_log order by id")
                .withFetchSize(FETCH_SIZE)
                .query(ROW)
                .stream();
    }

    Optional<AuditEntry> head() {
        return jdbc.sql("select " + COLUMNS + " from audit.audit_log order by id desc limit 1").query(ROW).optional();
    }

    private static Where where(AuditQuery q) {
        Where w = new Where();
        if (q.from() != null) {
            w.and("occurred_at >= :from", "from", OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            w.and("occurred_at < :to", "to", OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        if (q.actor() != null) {
            w.and("actor = :actor", "actor", q.actor());
        }
        if (q.action() != null) {
            w.and("action = :action", "action", q.action());
        }
        if (q.objectType() != null) {
            w.and("object_type = :objectType", "objectType", q.objectType());
        }
        if (q.objectId() != null) {
            w.and("object_id = :objectId", "objectId", q.objectId());
        }
        if (q.result() != null) {
            w.and("result = :result", "result", q.result().name());
        }
        return w;
    }

    private static final class Where {
        private final StringBuilder sql = new StringBuilder();
        private final Map<String, Object> params = new HashMap<>();

        void and(String condition, String name, Object value) {
            sql.append(sql.isEmpty() ? " where " : " and ").append(condition);
            params.put(name, value);
        }

        @Override
        public String toString() {
            return sql.toString();
        }
    }

    private static final RowMapper<AuditEntry> ROW = AuditLog::map;

    private static AuditEntry map(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("actor_role"), rs.getString("action"),
                rs.getString("object_type"), rs.getString("object_id"), rs.getString("scope_path"),
                rs.getString("purpose"), Result.valueOf(rs.getString("result")), rs.getString("detail"),
                rs.getString("client_address"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
