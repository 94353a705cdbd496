package org.beatbook.device.internal;

import org.beatbook.device.DeviceKind;

import java.time.Instant;
import java.util.UUID;

/** What callers of the registry see; credentials only right after they were made. */
public final class DeviceViews {

    private DeviceViews() {
    }

    /**
     * A registered device with its liveness and counters.
     *
     * @param tokenPrefix the first characters of its token, to recognise it (never the token)
     * @param online      active and heard from within {@code beatbook.device.silent-after}
     * @param eventsToday events (not heartbeats) received today, Asia/Shanghai
     */
    public record DeviceView(UUID id, String deviceId, String viidDeviceId, DeviceKind kind, String name,
                             String nodeCode, String compoundCode, boolean active, String tokenPrefix,
                             Instant createdAt, boolean online, Instant lastSeenAt, Instant lastEventAt,
                             Instant lastHeartbeatAt, long eventsToday, long eventsTotal) { }

    /**
     * Secrets shown once: the HTTP/MQTT bearer token and, for GA/T 1400 devices, the Digest password.
     *
     * @param viidRealm the HTTP Digest realm the password is registered for
     */
    public record Credentials(String deviceId, String token, String viidDeviceId, String viidPassword,
                              String viidRealm) { }

    /** A device just registered, or whose credentials were just rotated. */
    public record IssuedDevice(DeviceView device, Credentials credentials) { }

    /** The registry's form: {@code viidDeviceId} blank with {@code gat1400} true generates one. */
    public record NewDevice(String name, DeviceKind kind, String nodeCode, String deviceId, String viidDeviceId,
                            Boolean gat1400) { }
}
