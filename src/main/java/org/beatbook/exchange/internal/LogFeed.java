package org.beatbook.exchange.internal;

import org.beatbook.device.EventKind;
import org.beatbook.device.EventLog;
import org.beatbook.device.LogPosition;
import org.beatbook.device.LoggedEvent;
import org.beatbook.device.StoredEvent;
import org.beatbook.shared.database.CopyRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Fills the outbox from the device event log, for the pusher (ADR 0009): the next vehicle sightings after the
 * cursor become outbox rows, in log order, and the cursor moves past them in the same transaction (the pusher's
 * short one, holding its lock), so nothing is taken twice or skipped; taken rows then wait in the outbox like any
 * other, through outages and crashes. The log hands out only sightings of transactions that have all ended, so a
 * sighting that commits late behind a faster writer's is still taken. Access events and alarms are not queued:
 * the GA/T 1400 subset the platform speaks has no object for them.
 */
@Component
class LogFeed {

    /** What the platform takes: the sightings the event log hands out. */
    static final Set<EventKind> PUSHED = EnumSet.of(EventKind.VEHICLE_PASS, EventKind.EBIKE_PASS);

    private static final ZoneId COLLECTION_ZONE = ZoneId.of("Asia/Shanghai");

    private static final String OUTBOX = "exchange.outbox (event_seq, kind, event_id, viid_device_id, occurred_at, "
            + "plate, plate_color, tag, compound_code, day)";

    private static final Logger logger = LoggerFactory.getLogger(LogFeed.class);

    private final EventLog log;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Compounds compounds;
    private volatile boolean warnedAhead;

    LogFeed(EventLog log, JdbcClient jdbc, DataSource dataSource, Compounds compounds) {
        this.log = log;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.compounds = compounds;
    }

    /** How far the outbox has been filled. */
    LogPosition cursor() {
        return jdbc.sql("SELECT xid, seq FROM exchange.log_cursor WHERE id = 1")
                .query((rs, i) -> new LogPosition(rs.getLong(1), rs.getLong(2))).single();
    }

    /** Queues up to {@code limit} sightings after the cursor and moves it past them; answers how many. */
    int take(int limit) {
        LogPosition cursor = cursor();
        if (aheadOfThisDatabase(cursor)) {
            return 0;
        }
        List<LoggedEvent> next = log.sightingsAfter(cursor, limit);
        if (next.isEmpty()) {
            return 0;
        }
        CopyRows rows = new CopyRows(OUTBOX);
        for (LoggedEvent logged : next) {
            StoredEvent e = logged.event();
            LocalDate day = LocalDate.ofInstant(e.occurredAt(), COLLECTION_ZONE); // the day it was counted on
            rows.row(e.seq(), e.kind().name(), e.eventId(), e.device().viidDeviceId(), e.occurredAt(), e.plate(),
                    e.plateColor(), e.tag(), compounds.of(e.device()).code(), day);
        }
        rows.copy(dataSource);
        LogPosition last = next.get(next.size() - 1).position();
        jdbc.sql("UPDATE exchange.log_cursor SET xid = ?, seq = ?, moved_at = now() WHERE id = 1")
                .params(last.xid(), last.seq()).update();
        return next.size();
    }

    /**
     * True when the cursor names a transaction this database has not reached: the database was restored from a
     * logical dump into another cluster, whose transaction ids started again lower. New sightings would then lie
     * behind the cursor and never be taken, so nothing is taken and the operator is told, once per start, loudly;
     * the queue depth on the status page keeps growing. The fix is manual (ADR 0009, restoring from a dump).
     */
    private boolean aheadOfThisDatabase(LogPosition cursor) {
        long next = jdbc.sql("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint").query(Long.class).single();
        if (cursor.xid() < next) {
            return false;
        }
        if (!warnedAhead) {
            warnedAhead = true;
            logger.error("exchange: the event log cursor (transaction {}) is ahead of this database's transactions "
                    + "(next {}): restored from a dump? Nothing is pushed until it is rebased (ADR 0009)",
                    cursor.xid(), next);
        }
        return true;
    }

    /** Sightings in the log not yet taken into the outbox, counted up to {@code limit}. */
    long waiting(long limit) {
        return log.countSightingsAfter(cursor(), limit);
    }

    /** When the oldest sighting not yet taken was received, or null. */
    Instant oldestWaiting() {
        List<LoggedEvent> first = log.sightingsAfter(cursor(), 1);
        return first.isEmpty() ? null : first.get(0).event().receivedAt();
    }
}
