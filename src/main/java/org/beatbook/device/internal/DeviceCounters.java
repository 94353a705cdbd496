package org.beatbook.device.internal;

import org.beatbook.device.DeviceCameBack;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.EventKind;
import org.beatbook.device.StoredEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Per-device liveness and counters, written set-based in the writer's transaction (so they are exact: a rolled
 * back batch counts nothing). Every device of the group is seen, even when all it sent were duplicates or rejects.
 */
@Component
class DeviceCounters {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    DeviceCounters(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    private static final class Tally {
        Instant lastEvent;
        Instant lastHeartbeat;
        long events;
    }

    void record(List<DeviceRef> seen, List<StoredEvent> stored, Instant now) {
        // sorted by device, so concurrent writers (group commit off) lock status rows in one order
        Map<UUID, Tally> tallies = new TreeMap<>();
        Map<UUID, DeviceRef> refs = new HashMap<>();
        for (DeviceRef d : seen) {
            tallies.computeIfAbsent(d.id(), k -> new Tally());
            refs.put(d.id(), d);
        }
        Map<String, Long> daily = new TreeMap<>();
        String today = LocalDate.ofInstant(now, ZONE).toString();
        for (StoredEvent e : stored) {
            Tally t = tallies.computeIfAbsent(e.deviceUuid(), k -> new Tally());
            if (e.kind() == EventKind.HEARTBEAT) {
                t.lastHeartbeat = now;
            } else {
                t.events++;
                if (t.lastEvent == null || e.occurredAt().isAfter(t.lastEvent)) {
                    t.lastEvent = e.occurredAt();
                }
                daily.merge(e.deviceUuid().toString(), 1L, Long::sum);
            }
        }
        int n = tallies.size();
        String[] ids = new String[n];
        String[] lastEvent = new String[n];
        String[] lastHeartbeat = new String[n];
        String[] counts = new String[n];
        int i = 0;
        for (Map.Entry<UUID, Tally> t : tallies.entrySet()) {
            ids[i] = t.getKey().toString();
            lastEvent[i] = t.getValue().lastEvent == null ? null : t.getValue().lastEvent.toString();
            lastHeartbeat[i] = t.getValue().lastHeartbeat == null ? null : t.getValue().lastHeartbeat.toString();
            counts[i] = Long.toString(t.getValue().events);
            i++;
        }
        List<UUID> back = jdbc.sql("""
                        UPDATE device.device_status SET silent = false
                        WHERE device = ANY(:ids::uuid[]) AND silent RETURNING device""")
                .param("ids", text(ids)).query(UUID.class).list();
        jdbc.sql("""
                        INSERT INTO device.device_status AS s (device, last_seen_at, last_event_at, last_heartbeat_at,
                                                               events_total)
                        SELECT d, :now::timestamptz, e, h, c
                        FROM unnest(:ids::uuid[], :lastEvent::timestamptz[], :lastHeartbeat::timestamptz[],
                                    :counts::bigint[]) AS t(d, e, h, c)
                        ON CONFLICT (device) DO UPDATE
                            SET last_seen_at      = greatest(s.last_seen_at, excluded.last_seen_at),
                                last_event_at     = greatest(s.last_event_at, excluded.last_event_at),
                                last_heartbeat_at = greatest(s.last_heartbeat_at, excluded.last_heartbeat_at),
                                events_total      = s.events_total + excluded.events_total""")
                .param("now", now.toString()).param("ids", text(ids)).param("lastEvent", text(lastEvent))
                .param("lastHeartbeat", text(lastHeartbeat)).param("counts", text(counts)).update();
        if (!daily.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO device.daily_count AS d (device, day, events)
                            SELECT t.d, :day::date, t.c FROM unnest(:ids::uuid[], :counts::bigint[]) AS t(d, c)
                            ON CONFLICT (device, day) DO UPDATE SET events = d.events + excluded.events""")
                    .param("day", today).param("ids", text(daily.keySet().toArray(String[]::new)))
                    .param("counts", text(daily.values().stream().map(String::valueOf).toArray(String[]::new)))
                    .update();
        }
        for (UUID id : back) {
            DeviceRef ref = refs.get(id);
            if (ref != null) {
                events.publishEvent(new DeviceCameBack(ref, now));
            }
        }
    }

    private static SqlArrayValue text(String[] values) {
        return new SqlArrayValue("text", (Object[]) values);
    }
}
