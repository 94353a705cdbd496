package org.beatbook.device.internal;

import org.beatbook.address.AddressNodeView;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.internal.DeviceViews.DeviceView;
import org.beatbook.shared.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The device table and its status, always read within a scope. */
@Repository
class DeviceRows {

    private static final String SELECT = """
            SELECT d.*, s.last_seen_at, s.last_event_at, s.last_heartbeat_at,
                   coalesce(s.events_total, 0) AS events_total, coalesce(c.events, 0) AS events_today
            FROM device.device d
                     LEFT JOIN device.device_status s ON s.device = d.id
                     LEFT JOIN device.daily_count c ON c.device = d.id AND c.day = :today::date
            """;

    private final JdbcClient jdbc;

    DeviceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean deviceIdTaken(String deviceId) {
        return jdbc.sql("SELECT exists(SELECT 1 FROM device.device WHERE device_id = ?)").param(deviceId)
                .query(Boolean.class).single();
    }

    boolean viidTaken(String viid) {
        return jdbc.sql("SELECT exists(SELECT 1 FROM device.device WHERE viid_device_id = ?)").param(viid)
                .query(Boolean.class).single();
    }

    UUID insert(String deviceId, String viid, DeviceKind kind, String name, AddressNodeView node, String compound,
                String token, String ha1, String realm, String actor, Instant now) {
        return jdbc.sql("""
                        INSERT INTO device.device (device_id, viid_device_id, kind, name, node_code, node_path,
                                                   compound_code, token_hash, token_prefix, viid_ha1, viid_realm,
                                                   created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?::ltree, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(deviceId, viid, kind.name(), name, node.code(), node.path(), compound,
                        DeviceCredentials.sha256(token), DeviceCredentials.prefixOf(token), ha1,
                        ha1 == null ? null : realm, Timestamp.from(now), actor)
                .query(UUID.class).single();
    }

    void rotate(UUID id, String token, String ha1, String realm, Instant now) {
        jdbc.sql("""
                        UPDATE device.device SET token_hash = ?, token_prefix = ?, viid_ha1 = coalesce(?, viid_ha1),
                               viid_realm = CASE WHEN ?::text IS NULL THEN viid_realm ELSE ? END, rotated_at = ?
                        WHERE id = ?""")
                .params(DeviceCredentials.sha256(token), DeviceCredentials.prefixOf(token), ha1, ha1, realm,
                        Timestamp.from(now), id)
                .update();
    }

    void deactivate(UUID id, Instant now) {
        jdbc.sql("UPDATE device.device SET active = false, deactivated_at = coalesce(deactivated_at, ?) WHERE id = ?")
                .params(Timestamp.from(now), id).update();
    }

    String pathOf(UUID id) {
        return jdbc.sql("SELECT node_path::text FROM device.device WHERE id = ?").param(id).query(String.class).single();
    }

    Optional<DeviceView> find(UUID id, Scope scope, Instant now, Duration silentAfter) {
        return jdbc.sql(SELECT + " WHERE d.id = :id AND d.node_path <@ :scope::ltree[]")
                .param("today", today(now)).param("id", id).param("scope", scope.sqlArray())
                .query((rs, n) -> view(rs, now, silentAfter)).optional();
    }

    List<DeviceView> list(String compound, Scope scope, Instant now, Duration silentAfter) {
        return jdbc.sql(SELECT + """
                         WHERE d.node_path <@ :scope::ltree[] AND (:compound::text IS NULL OR d.compound_code = :compound)
                        ORDER BY d.compound_code, d.active DESC, d.kind, d.name, d.device_id
                        LIMIT 2000""")
                .param("today", today(now)).param("scope", scope.sqlArray()).param("compound", compound)
                .query((rs, n) -> view(rs, now, silentAfter)).list();
    }

    List<String> compoundCodes(Scope scope) {
        return jdbc.sql("""
                        SELECT DISTINCT compound_code FROM device.device WHERE node_path <@ ?::ltree[]
                        ORDER BY compound_code""")
                .param(scope.sqlArray()).query(String.class).list();
    }

    private static String today(Instant now) {
        return LocalDate.ofInstant(now, DeviceCounters.ZONE).toString();
    }

    private static DeviceView view(ResultSet rs, Instant now, Duration silentAfter) throws SQLException {
        Instant seen = instant(rs, "last_seen_at");
        boolean active = rs.getBoolean("active");
        return new DeviceView(rs.getObject("id", UUID.class), rs.getString("device_id"),
                rs.getString("viid_device_id"), DeviceKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("node_code"), rs.getString("compound_code"), active, rs.getString("token_prefix"),
                instant(rs, "created_at"), active && seen != null && seen.isAfter(now.minus(silentAfter)), seen,
                instant(rs, "last_event_at"), instant(rs, "last_heartbeat_at"), rs.getLong("events_today"),
                rs.getLong("events_total"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
