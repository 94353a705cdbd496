package org.beatbook.device.viid;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which GA/T 1400 devices are registered, in memory: a registration lasts while the device calls at least once per
 * {@code beatbook.viid.registration-ttl}. After a restart devices get "not registered" and register again, which is
 * what GA/T 1400 devices do on that answer.
 */
@Component
class ViidRegistrations {

    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private final ViidProperties properties;
    private final Clock clock = Clock.systemUTC();

    ViidRegistrations(ViidProperties properties) {
        this.properties = properties;
    }

    void register(String viidDeviceId) {
        lastSeen.put(viidDeviceId, clock.instant());
    }

    void unregister(String viidDeviceId) {
        lastSeen.remove(viidDeviceId);
    }

    /** True, and the registration renewed, when the device is registered and has not gone silent. */
    boolean touch(String viidDeviceId) {
        Instant now = clock.instant();
        Instant seen = lastSeen.computeIfPresent(viidDeviceId,
                (id, last) -> last.plus(properties.registrationTtl()).isBefore(now) ? null : now);
        return seen != null;
    }
}
