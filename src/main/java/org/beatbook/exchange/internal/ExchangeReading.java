package org.beatbook.exchange.internal;

import org.beatbook.exchange.internal.ExchangeStatus.LastError;
import org.beatbook.exchange.internal.ExchangeStatus.ParkedSighting;
import org.beatbook.shared.security.Scope;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Reads the state of the upstream link; figures about events are limited to the caller's jurisdiction. */
@Service
public class ExchangeReading {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /**
     * The status page counts the sightings waiting in the event log up to this many and then says "at least": with
     * pushing off for months the log behind the cursor holds millions, and the page is refreshed every few seconds.
     */
    static final long QUEUE_COUNT_LIMIT = 1_000_000;

    private final JdbcClient jdbc;
    private final ExchangeProperties props;
    private final MessageSource messages;
    private final LogFeed feed;

    ExchangeReading(JdbcClient jdbc, ExchangeProperties props, MessageSource messages, LogFeed feed) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.props = props;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public ExchangeStatus status(Scope scope, Locale locale) {
        // the queue: rows left waiting in the outbox, then the sightings in the event log not yet taken
        var queue = jdbc.sql("""
                SELECT count(*) AS depth, min(created_at) AS oldest FROM exchange.outbox
                 WHERE acknowledged_at IS NULL AND parked_at IS NULL""")
                .query((rs, i) -> new Object[] {rs.getLong("depth"), instant(rs.getTimestamp("oldest"))}).single();
        long inLogCounted = feed.waiting(QUEUE_COUNT_LIMIT);
        long depth = (Long) queue[0] + inLogCounted;
        Instant inOutbox = (Instant) queue[1];
        Instant inLog = feed.oldestWaiting();
        Instant oldest = inOutbox == null ? inLog : inLog == null || inOutbox.isBefore(inLog) ? inOutbox : inLog;
        long parked = jdbc.sql("SELECT count(*) FROM exchange.outbox WHERE parked_at IS NOT NULL")
                .query(Long.class).single();
        long pushed5 = jdbc.sql("""
                SELECT count(*) FROM exchange.outbox WHERE acknowledged_at > now() - interval '5 minutes'""")
                .query(Long.class).single();
        var link = jdbc.sql("SELECT * FROM exchange.upstream_state WHERE id = 1").query((rs, i) -> new Object[] {
                instant(rs.getTimestamp("registered_at")), instant(rs.getTimestamp("last_success_at")),
                rs.getTimestamp("last_error_at") == null ? null : new LastError(instant(rs.getTimestamp("last_error_at")),
                        messages.getMessage(rs.getString("last_error_key"), null, rs.getString("last_error_key"), locale),
                        rs.getString("last_error"))}).single();
        long[] today = jdbc.sql("""
                SELECT coalesce(sum(n) FILTER (WHERE counter = 'COLLECTED'), 0) AS collected,
                       coalesce(sum(n) FILTER (WHERE counter = 'PUSHED'), 0) AS pushed
                  FROM exchange.volume_day v JOIN exchange.compound c ON c.code = v.compound_code
                 WHERE v.day = ? AND c.path <@ ?::ltree[]""")
                .param(LocalDate.now(BEIJING)).param(scope.sqlArray())
                .query((rs, i) -> new long[] {rs.getLong("collected"), rs.getLong("pushed")}).single();
        List<ParkedSighting> recent = jdbc.sql("""
                SELECT o.id, o.kind, o.event_id, o.compound_code, o.occurred_at, o.parked_at, o.attempts, o.parked_reason
                  FROM exchange.outbox o JOIN exchange.compound c ON c.code = o.compound_code
                 WHERE o.parked_at IS NOT NULL AND c.path <@ ?::ltree[]
                 ORDER BY o.parked_at DESC, o.id DESC LIMIT 20""")
                .param(scope.sqlArray())
                .query((rs, i) -> new ParkedSighting(rs.getLong("id"), rs.getString("kind"), rs.getString("event_id"),
                        rs.getString("compound_code"), instant(rs.getTimestamp("occurred_at")),
                        instant(rs.getTimestamp("parked_at")), rs.getInt("attempts"), rs.getString("parked_reason")))
                .list();
        long parkedInScope = jdbc.sql("""
                SELECT count(*) FROM exchange.outbox o JOIN exchange.compound c ON c.code = o.compound_code
                 WHERE o.parked_at IS NOT NULL AND c.path <@ ?::ltree[]""")
                .param(scope.sqlArray()).query(Long.class).single();
        return new ExchangeStatus(props.enabled(), props.upstreamUrl(), depth, oldest, parked,
                (Instant) link[0], (Instant) link[1], (LastError) link[2], pushed5 / 5.0, today[0], today[1], recent,
                parkedInScope, inLogCounted >= QUEUE_COUNT_LIMIT);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
