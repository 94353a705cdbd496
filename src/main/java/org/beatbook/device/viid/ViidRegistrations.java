package org.beatbook.device.viid;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which GA/T 1400 devices are registered, in {@code device.viid_registration}: a registration lasts while the device
 * calls at least once per {@code beatbook.viid.registration-ttl}, and survives a restart. Every call renews it; the
 * row is read and renewed at most once per {@link #RECHECK} per device (a cached "yes" is trusted in between), so a
 * busy camera costs no extra write per request. An UnRegister on another instance is therefore seen here within
 * {@link #RECHECK}.
 */
@Component
class ViidRegistrations {

    static final Duration RECHECK = Duration.ofSeconds(30);

    /** DeviceID → when the row last said "registered" (and was renewed). */
    private final Map<String, Instant> confirmed = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final ViidProperties properties;
    private final Clock clock = Clock.systemUTC();

    ViidRegistrations(JdbcClient jdbc, ViidProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    void register(String viidDeviceId, String remoteAddress) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO device.viid_registration (viid_device_id, registered_at, last_seen_at, remote_address)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (viid_device_id) DO UPDATE
                   SET registered_at = excluded.registered_at, last_seen_at = excluded.last_seen_at,
                       last_keepalive_at = NULL, unregistered_at = NULL, remote_address = excluded.remote_address""")
                .params(viidDeviceId, Timestamp.from(now), Timestamp.from(now), clip(remoteAddress)).update();
        confirmed.put(viidDeviceId, now);
    }

    void unregister(String viidDeviceId) {
        confirmed.remove(viidDeviceId);
        jdbc.sql("""
                UPDATE device.viid_registration SET unregistered_at = ?
                 WHERE viid_device_id = ? AND unregistered_at IS NULL""")
                .params(Timestamp.from(clock.instant()), viidDeviceId).update();
    }

    /** True, and the registration renewed, when the device is registered and has not gone silent. */
    boolean touch(String viidDeviceId) {
        Instant now = clock.instant();
        Instant at = confirmed.get(viidDeviceId);
        if (at != null && at.plus(recheck()).isAfter(now)) {
            return true;
        }
        return renew(viidDeviceId, now, false);
    }

    /** A Keepalive: renews the registration and records the keepalive; false when not registered. */
    boolean keepalive(String viidDeviceId) {
        return renew(viidDeviceId, clock.instant(), true);
    }

    /** Forgets what this instance knows, as a restart would (the rows stay). */
    void forget() {
        confirmed.clear();
    }

    private boolean renew(String viidDeviceId, Instant now, boolean keepalive) {
        boolean alive = jdbc.sql("""
                UPDATE device.viid_registration
                   SET last_seen_at = :now,
                       last_keepalive_at = CASE WHEN :keepalive THEN :now ELSE last_keepalive_at END
                 WHERE viid_device_id = :id AND unregistered_at IS NULL AND last_seen_at >= :since""")
                .param("now", Timestamp.from(now)).param("keepalive", keepalive).param("id", viidDeviceId)
                .param("since", Timestamp.from(now.minus(properties.registrationTtl()))).update() == 1;
        if (alive) {
            confirmed.put(viidDeviceId, now);
        } else {
            confirmed.remove(viidDeviceId);
        }
        return alive;
    }

    /** Never trust the cache for longer than half a registration's life. */
    private Duration recheck() {
        Duration half = properties.registrationTtl().dividedBy(2);
        return half.compareTo(RECHECK) < 0 ? half : RECHECK;
    }

    private static String clip(String address) {
        return address == null || address.length() <= 64 ? address : address.substring(0, 64);
    }
}
