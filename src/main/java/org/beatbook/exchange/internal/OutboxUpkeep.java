package org.beatbook.exchange.internal;

import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Looking after the outbox: acknowledged rows leave after {@code beatbook.exchange.acknowledged-retention} (the
 * volume ledger keeps their counts; nothing reads an acknowledged row but the "pushed per minute" figure), and
 * parked rows can be put back in the queue by an officer once the platform's reason is dealt with.
 */
@Service
public class OutboxUpkeep {

    private static final Logger log = LoggerFactory.getLogger(OutboxUpkeep.class);
    /** Advisory lock of the purge, so two instances do not delete the same rows side by side. */
    private static final long PURGE_LOCK = 0x6265617463L; // "beatc"

    /** What one purge did: rows deleted, and in how many statements. */
    public record Purge(long deleted, int statements) { }

    private final JdbcClient jdbc;
    private final ExchangeProperties props;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    OutboxUpkeep(JdbcClient jdbc, ExchangeProperties props, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.props = props;
        this.tx = tx;
        this.events = events;
    }

    @Scheduled(cron = "${beatbook.exchange.purge-cron:0 23 * * * *}")
    void hourly() {
        Purge p = purge(clock.instant().minus(props.acknowledgedRetention()), props.purgeBatchSize());
        if (p.deleted() > 0) {
            log.info("exchange outbox: purged {} acknowledged rows in {} statements", p.deleted(), p.statements());
        }
    }

    /**
     * Deletes rows acknowledged before {@code cutoff}, at most {@code batchSize} per statement, each statement in its
     * own short transaction (oldest first), until none is left or another instance holds the purge.
     */
    public Purge purge(Instant cutoff, int batchSize) {
        long deleted = 0;
        int statements = 0;
        while (true) {
            Integer n = tx.execute(s -> {
                if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(PURGE_LOCK)
                        .query(Boolean.class).single())) {
                    return -1;
                }
                return jdbc.sql("""
                        DELETE FROM exchange.outbox WHERE id IN (
                            SELECT id FROM exchange.outbox
                             WHERE acknowledged_at IS NOT NULL AND acknowledged_at < ?
                             ORDER BY acknowledged_at
                             LIMIT ?
                               FOR UPDATE SKIP LOCKED)""")
                        .param(Timestamp.from(cutoff)).param(batchSize).update();
            });
            if (n == null || n < 0) {
                return new Purge(deleted, statements);
            }
            statements++;
            deleted += n;
            if (n < batchSize) {
                return new Purge(deleted, statements);
            }
        }
    }

    /**
     * Puts every parked row of the caller's jurisdiction back in the queue, attempts reset. The rows keep their
     * outbox ids, so they leave in their original order, ahead of anything queued after them. Audited.
     *
     * @return how many rows went back
     */
    @Transactional
    public int requeueParked(Caller caller) {
        Scope scope = caller.scope();
        int n = jdbc.sql("""
                UPDATE exchange.outbox o SET parked_at = NULL, parked_reason = NULL, attempts = 0
                  FROM exchange.compound c
                 WHERE c.code = o.compound_code AND o.parked_at IS NOT NULL AND c.path <@ ?::ltree[]""")
                .param(scope.sqlArray()).update();
        events.publishEvent(AuditEvent.success("OUTBOX_REQUEUED", "OUTBOX", null, String.join(",", scope.paths()))
                .withDetail(n + " parked rows requeued"));
        return n;
    }
}
