package org.beatbook.device.internal;

import org.beatbook.address.AddressNodeMoved;
import org.beatbook.device.DeviceDirectory;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.DeviceRef;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds active devices. Token look-ups are on every device request, so answers are kept for 30 seconds;
 * rotation, deactivation and address moves on this instance clear them at once (another instance within 30 s).
 */
@Service
class JdbcDeviceDirectory implements DeviceDirectory {

    static final Duration CACHE_FOR = Duration.ofSeconds(30);
    private static final int MAX_CACHED = 100_000;

    private record Cached(Optional<DeviceRef> ref, Instant until) { }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Cached> byTokenHash = new ConcurrentHashMap<>();

    JdbcDeviceDirectory(JdbcClient jdbc, Clock deviceClock) {
        this.jdbc = jdbc;
        this.clock = deviceClock;
    }

    @Override
    public Optional<DeviceRef> byToken(String token) {
        if (token == null || !token.startsWith(DeviceCredentials.TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        byte[] hash = DeviceCredentials.sha256(token);
        String key = HexFormat.of().formatHex(hash);
        Instant now = clock.instant();
        Cached c = byTokenHash.get(key);
        if (c != null && c.until().isAfter(now)) {
            return c.ref();
        }
        Optional<DeviceRef> ref = one("token_hash = ?", hash);
        if (byTokenHash.size() >= MAX_CACHED) {
            byTokenHash.clear();
        }
        byTokenHash.put(key, new Cached(ref, now.plus(CACHE_FOR)));
        return ref;
    }

    @Override
    public Optional<DeviceRef> byDeviceId(String deviceId) {
        return deviceId == null ? Optional.empty() : one("device_id = ?", deviceId);
    }

    @Override
    public Optional<DeviceRef> byViidDeviceId(String viidDeviceId) {
        return viidDeviceId == null ? Optional.empty() : one("viid_device_id = ?", viidDeviceId);
    }

    @Override
    public Optional<String> viidDigestHa1(String viidDeviceId, String realm) {
        if (viidDeviceId == null || realm == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT viid_ha1 FROM device.device
                        WHERE viid_device_id = ? AND viid_realm = ? AND active AND viid_ha1 IS NOT NULL""")
                .params(viidDeviceId, realm).query(String.class).optional();
    }

    /** Drops every cached answer (after a rotation, deactivation or move). */
    void forget() {
        byTokenHash.clear();
    }

    /**
     * Devices carry their node's path for scoping: re-path those at or under a moved node, in the moving transaction
     * (a device on the moved node itself takes the new path: subpath() past the end would fail).
     */
    @EventListener
    void on(AddressNodeMoved moved) {
        jdbc.sql("""
                        UPDATE device.device
                           SET node_path = repath(node_path, CAST(:oldPath AS ltree), CAST(:newPath AS ltree))
                         WHERE node_path <@ CAST(:oldPath AS ltree)""")
                .param("newPath", moved.newPath()).param("oldPath", moved.oldPath()).update();
        forget();
    }

    private Optional<DeviceRef> one(String where, Object value) {
        return jdbc.sql("SELECT id, device_id, viid_device_id, kind, node_code, node_path::text AS node_path "
                        + "FROM device.device WHERE active AND " + where)
                .param(value).query(JdbcDeviceDirectory::ref).optional();
    }

    static DeviceRef ref(ResultSet rs, int n) throws SQLException {
        return new DeviceRef(rs.getObject("id", UUID.class), rs.getString("device_id"),
                rs.getString("viid_device_id"), DeviceKind.valueOf(rs.getString("kind")), rs.getString("node_code"),
                rs.getString("node_path"));
    }
}
