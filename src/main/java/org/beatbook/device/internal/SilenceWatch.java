package org.beatbook.device.internal;

import org.beatbook.device.DeviceRef;
import org.beatbook.device.DeviceWentSilent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Every 30 seconds: devices that have reported before and then nothing for {@code beatbook.device.silent-after}
 * become silent, and {@link DeviceWentSilent} is published once (in the same transaction as the flag, so the
 * event publication registry keeps it if a listener fails). The writer clears the flag and publishes
 * {@code DeviceCameBack}. Safe on several instances: the flag flips once.
 */
@Component
class SilenceWatch {

    private record Silent(DeviceRef ref, Instant lastSeen) { }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final DeviceProperties props;
    private final Clock clock;

    SilenceWatch(JdbcClient jdbc, ApplicationEventPublisher events, DeviceProperties props, Clock deviceClock) {
        this.jdbc = jdbc;
        this.events = events;
        this.props = props;
        this.clock = deviceClock;
    }

    @Scheduled(fixedDelayString = "${beatbook.device.silence-check:30s}", initialDelayString = "30s")
    @Transactional
    public int check() {
        Instant cutoff = clock.instant().minus(props.silentAfter());
        List<Silent> silent = jdbc.sql("""
                        UPDATE device.device_status s SET silent = true
                        FROM device.device d
                        WHERE d.id = s.device AND d.active AND NOT s.silent AND s.last_seen_at < ?
                        RETURNING d.id, d.device_id, d.viid_device_id, d.kind, d.node_code, d.node_path::text AS node_path,
                                  s.last_seen_at""")
                .param(Timestamp.from(cutoff))
                .query((rs, n) -> new Silent(JdbcDeviceDirectory.ref(rs, n), rs.getTimestamp("last_seen_at").toInstant()))
                .list();
        silent.forEach(s -> events.publishEvent(new DeviceWentSilent(s.ref(), s.lastSeen())));
        return silent.size();
    }
}
