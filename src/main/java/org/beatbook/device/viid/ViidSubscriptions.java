package org.beatbook.device.viid;

import org.beatbook.device.viid.ViidObjects.Subscription;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The Subscribes GA/T 1400 devices and platforms send, in {@code device.viid_subscription}: one row per subscriber and
 * SubscribeID. A resend updates the row (fields it leaves out keep their value), OperateType 1 cancels it. Beatbook
 * sends no notifications; the rows say who asked for what, where to, and until when.
 */
@Component
class ViidSubscriptions {

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    ViidSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the subscriptions of {@code subscriber} (its 20-digit DeviceID), all or none. */
    @Transactional
    void store(String subscriber, List<Subscription> subscriptions) {
        Timestamp now = Timestamp.from(clock.instant());
        for (Subscription s : subscriptions) {
            jdbc.sql("""
                    INSERT INTO device.viid_subscription AS s (subscriber, subscribe_id, title, detail, resource_uri,
                                receive_addr, begin_time, end_time, report_interval, received_at, updated_at,
                                cancelled_at)
                    VALUES (:subscriber, :id, :title, :detail, :resource, :receive, :begin, :end, :interval, :now, :now,
                            CASE WHEN :cancel THEN CAST(:now AS timestamptz) END)
                    ON CONFLICT (subscriber, subscribe_id) DO UPDATE
                       SET title = coalesce(excluded.title, s.title), detail = coalesce(excluded.detail, s.detail),
                           resource_uri = coalesce(excluded.resource_uri, s.resource_uri),
                           receive_addr = coalesce(excluded.receive_addr, s.receive_addr),
                           begin_time = coalesce(excluded.begin_time, s.begin_time),
                           end_time = coalesce(excluded.end_time, s.end_time),
                           report_interval = coalesce(excluded.report_interval, s.report_interval),
                           updated_at = excluded.updated_at, cancelled_at = excluded.cancelled_at""")
                    .param("subscriber", subscriber).param("id", s.subscribeId()).param("title", s.title())
                    .param("detail", s.detail()).param("resource", s.resourceUri()).param("receive", s.receiveAddr())
                    .param("begin", timestamp(s.beginTime())).param("end", timestamp(s.endTime()))
                    .param("interval", s.reportInterval()).param("now", now).param("cancel", s.cancel())
                    .update();
        }
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
