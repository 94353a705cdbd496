package org.beatbook.device.viid;

import org.beatbook.device.viid.ViidObjects.Cancellation;
import org.beatbook.device.viid.ViidObjects.Subscription;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Subscribes GA/T 1400 devices and platforms send, in {@code device.viid_subscription}: one row per subscriber and
 * SubscribeID. A subscriber sees and changes only its own rows: another's SubscribeID is answered like an unknown one.
 * Subscribing again (POST) updates the row (fields it leaves out keep their value) and revives a cancelled one; an
 * update (PUT) changes a live one; a cancellation (OperateType 1, DELETE, or PUT of one id) keeps the row, marked with
 * when, by which request, and the canceller's reason. Beatbook sends no notifications; the rows say who asked for
 * what, where to, and until when.
 */
@Component
class ViidSubscriptions {

    /** What became of one subscription of a request. */
    enum Outcome {
        DONE,
        /** No such subscription of this subscriber. */
        UNKNOWN,
        /** An update of a cancelled subscription: subscribe again instead. */
        CANCELLED,
        /** With the stored times, EndTime would come before BeginTime. */
        END_BEFORE_BEGIN
    }

    /** The request that cancelled a subscription, as {@code cancelled_via} records it. */
    enum Via { SUBSCRIBE, UPDATE, DELETE, CANCEL }

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    ViidSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code POST /VIID/Subscribes}: stores the subscriptions of {@code subscriber} (its 20-digit DeviceID). */
    @Transactional
    List<Outcome> store(String subscriber, List<Subscription> subscriptions) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Outcome> outcomes = new ArrayList<>(subscriptions.size());
        for (Subscription s : subscriptions) {
            Cancellation why = s.cancel() ? s.cancellation() : Cancellation.NONE;
            boolean written = jdbc.sql("""
                    INSERT INTO device.viid_subscription AS s (subscriber, subscribe_id, title, detail, resource_uri,
                                receive_addr, begin_time, end_time, report_interval, received_at, updated_at,
                                cancelled_at, cancelled_via, cancel_reason, cancel_org, cancel_person)
                    VALUES (:subscriber, :id, :title, :detail, :resource, :receive, :begin, :end, :interval, :now, :now,
                            CASE WHEN :cancel THEN CAST(:now AS timestamptz) END,
                            CASE WHEN :cancel THEN 'SUBSCRIBE' END, :reason, :org, :person)
                    ON CONFLICT (subscriber, subscribe_id) DO UPDATE
                       SET title = coalesce(excluded.title, s.title), detail = coalesce(excluded.detail, s.detail),
                           resource_uri = coalesce(excluded.resource_uri, s.resource_uri),
                           receive_addr = coalesce(excluded.receive_addr, s.receive_addr),
                           begin_time = coalesce(excluded.begin_time, s.begin_time),
                           end_time = coalesce(excluded.end_time, s.end_time),
                           report_interval = coalesce(excluded.report_interval, s.report_interval),
                           updated_at = excluded.updated_at, cancelled_at = excluded.cancelled_at,
                           cancelled_via = excluded.cancelled_via, cancel_reason = excluded.cancel_reason,
                           cancel_org = excluded.cancel_org, cancel_person = excluded.cancel_person
                     WHERE coalesce(excluded.end_time, s.end_time) IS NULL
                        OR coalesce(excluded.begin_time, s.begin_time) IS NULL
                        OR coalesce(excluded.end_time, s.end_time) >= coalesce(excluded.begin_time, s.begin_time)
                    RETURNING 1""")
                    .param("subscriber", subscriber).param("id", s.subscribeId()).param("title", s.title())
                    .param("detail", s.detail()).param("resource", s.resourceUri()).param("receive", s.receiveAddr())
                    .param("begin", timestamp(s.beginTime())).param("end", timestamp(s.endTime()))
                    .param("interval", s.reportInterval()).param("now", now).param("cancel", s.cancel())
                    .param("reason", why.reason()).param("org", why.org()).param("person", why.person())
                    .query(Integer.class).optional().isPresent();
            outcomes.add(written ? Outcome.DONE : Outcome.END_BEFORE_BEGIN);
        }
        return outcomes;
    }

    /**
     * {@code PUT /VIID/Subscribes}: changes the subscriber's live subscriptions; fields an object leaves out keep their
     * value, and OperateType 1 cancels.
     */
    @Transactional
    List<Outcome> update(String subscriber, List<Subscription> subscriptions) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Outcome> outcomes = new ArrayList<>(subscriptions.size());
        for (Subscription s : subscriptions) {
            Optional<Stored> stored = jdbc.sql("""
                            SELECT begin_time, end_time, cancelled_at IS NOT NULL AS cancelled
                              FROM device.viid_subscription WHERE subscriber = ? AND subscribe_id = ? FOR UPDATE""")
                    .param(subscriber).param(s.subscribeId())
                    .query((rs, i) -> new Stored(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)),
                            rs.getBoolean(3)))
                    .optional();
            if (stored.isEmpty()) {
                outcomes.add(Outcome.UNKNOWN);
                continue;
            }
            if (stored.get().cancelled()) {
                outcomes.add(s.cancel() ? Outcome.DONE : Outcome.CANCELLED); // cancelling twice changes nothing
                continue;
            }
            Instant begin = s.beginTime() != null ? s.beginTime() : stored.get().begin();
            Instant end = s.endTime() != null ? s.endTime() : stored.get().end();
            if (begin != null && end != null && end.isBefore(begin)) {
                outcomes.add(Outcome.END_BEFORE_BEGIN);
                continue;
            }
            Cancellation why = s.cancel() ? s.cancellation() : Cancellation.NONE;
            jdbc.sql("""
                            UPDATE device.viid_subscription s
                               SET title = coalesce(:title, s.title), detail = coalesce(:detail, s.detail),
                                   resource_uri = coalesce(:resource, s.resource_uri),
                                   receive_addr = coalesce(:receive, s.receive_addr),
                                   begin_time = :begin, end_time = :end,
                                   report_interval = coalesce(:interval, s.report_interval), updated_at = :now,
                                   cancelled_at = CASE WHEN :cancel THEN CAST(:now AS timestamptz) END,
                                   cancelled_via = CASE WHEN :cancel THEN 'UPDATE' END,
                                   cancel_reason = :reason, cancel_org = :org, cancel_person = :person
                             WHERE subscriber = :subscriber AND subscribe_id = :id""")
                    .param("subscriber", subscriber).param("id", s.subscribeId()).param("title", s.title())
                    .param("detail", s.detail()).param("resource", s.resourceUri()).param("receive", s.receiveAddr())
                    .param("begin", timestamp(begin)).param("end", timestamp(end))
                    .param("interval", s.reportInterval()).param("now", now).param("cancel", s.cancel())
                    .param("reason", why.reason()).param("org", why.org()).param("person", why.person())
                    .update();
            outcomes.add(Outcome.DONE);
        }
        return outcomes;
    }

    /**
     * {@code DELETE /VIID/Subscribes?IDList=…} and {@code PUT /VIID/Subscribes/<ID>}: cancels the subscriber's
     * subscriptions with these ids, one outcome per id in order. One already cancelled keeps its first cancellation
     * and counts as done, so a resent cancellation succeeds.
     */
    @Transactional
    List<Outcome> cancel(String subscriber, List<String> ids, Via via, Cancellation why) {
        Timestamp now = Timestamp.from(clock.instant());
        String[] distinct = ids.stream().distinct().toArray(String[]::new);
        Set<String> known = new HashSet<>(jdbc.sql("""
                        UPDATE device.viid_subscription
                           SET cancelled_at = CASE WHEN cancelled_at IS NULL THEN ? ELSE cancelled_at END,
                               cancelled_via = CASE WHEN cancelled_at IS NULL THEN ? ELSE cancelled_via END,
                               cancel_reason = CASE WHEN cancelled_at IS NULL THEN ? ELSE cancel_reason END,
                               cancel_org = CASE WHEN cancelled_at IS NULL THEN ? ELSE cancel_org END,
                               cancel_person = CASE WHEN cancelled_at IS NULL THEN ? ELSE cancel_person END,
                               updated_at = CASE WHEN cancelled_at IS NULL THEN ? ELSE updated_at END
                         WHERE subscriber = ? AND subscribe_id = ANY (?)
                        RETURNING subscribe_id""")
                .param(now).param(via.name()).param(why.reason()).param(why.org()).param(why.person()).param(now)
                .param(subscriber).param(distinct)
                .query(String.class).list());
        return ids.stream().map(id -> known.contains(id) ? Outcome.DONE : Outcome.UNKNOWN).toList();
    }

    private record Stored(Instant begin, Instant end, boolean cancelled) { }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
