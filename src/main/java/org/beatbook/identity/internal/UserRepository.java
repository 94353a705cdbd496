package org.beatbook.identity.internal;

import org.beatbook.shared.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes accounts. Counters and one-time values change in single conditional UPDATEs,
 * so two concurrent sign-in attempts can neither lose a failure nor both accept the same TOTP code.
 */
@Repository
class UserRepository {

    private static final String SELECT = """
            SELECT u.*, coalesce((SELECT array_agg(j.node_code ORDER BY j.node_code)
                                   FROM identity.user_jurisdiction j WHERE j.user_id = u.id), '{}') AS codes
            FROM identity.app_user u
            """;

    private final JdbcClient jdbc;

    private final SecretBox secrets;

    UserRepository(JdbcClient jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    Optional<UserAccount> findById(long id) {
        return jdbc.sql(SELECT + " WHERE u.id = ?").param(id).query(this::map).optional();
    }

    Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE lower(u.username) = lower(?)").param(username)
                .query(this::map).optional();
    }

    boolean anyExists() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.app_user)").query(Boolean.class).single();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.app_user WHERE lower(username) = lower(?))")
                .param(username).query(Boolean.class).single();
    }

    long insert(String username, String displayName, Role role, String passwordHash, boolean mustChange,
                String totpSecret, Collection<String> codes, Instant now) {
        long id = jdbc.sql("""
                        INSERT INTO identity.app_user (username, display_name, role, password_hash, password_must_change,
                                                       totp_secret, totp_enrolled, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(username, displayName, role.name(), passwordHash, mustChange, secrets.seal(totpSecret),
                        totpSecret != null,
                        ts(now), ts(now))
                .query(Long.class).single();
        replaceJurisdiction(id, codes);
        return id;
    }

    private void replaceJurisdiction(long id, Collection<String> codes) {
        jdbc.sql("DELETE FROM identity.user_jurisdiction WHERE user_id = ?").param(id).update();
        jdbc.sql("""
                        INSERT INTO identity.user_jurisdiction (user_id, node_code)
                        SELECT ?, c FROM unnest(?::text[]) AS c ON CONFLICT DO NOTHING""")
                .params(id, textArray(codes)).update();
    }

    /** One more failure; locks (and restarts the count) when it reaches {@code max}. Returns true when it locked. */
    boolean recordFailure(long id, int max, Instant lockUntil, Instant now) {
        return jdbc.sql("""
                        WITH u AS (SELECT id, failed_attempts + 1 >= ? AS lock FROM identity.app_user WHERE id = ? FOR UPDATE)
                        UPDATE identity.app_user a
                        SET failed_attempts = CASE WHEN u.lock THEN 0 ELSE a.failed_attempts + 1 END,
                            locked_until = CASE WHEN u.lock THEN ? ELSE a.locked_until END,
                            updated_at = ?
                        FROM u WHERE a.id = u.id
                        RETURNING u.lock""")
                .params(max, id, ts(lockUntil), ts(now))
                .query(Boolean.class).optional().orElse(false);
    }

    /** Accepts a TOTP time step only if it is later than every step accepted before (a code works once). */
    boolean acceptTotpStep(long id, long step) {
        return jdbc.sql("""
                        UPDATE identity.app_user SET totp_last_step = ?
                        WHERE id = ? AND totp_enrolled AND (totp_last_step IS NULL OR totp_last_step < ?)""")
                .params(step, id, step).update() == 1;
    }

    boolean completeEnrolment(long id, String secret, long step, Instant now) {
        return jdbc.sql("""
                        UPDATE identity.app_user
                        SET totp_secret = ?, totp_enrolled = true, totp_last_step = ?, updated_at = ?, version = version + 1
                        WHERE id = ? AND NOT totp_enrolled""")
                .params(secrets.seal(secret), step, ts(now), id).update() == 1;
    }

    void signedIn(long id, Instant now) {
        jdbc.sql("""
                        UPDATE identity.app_user SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ?
                        WHERE id = ?""")
                .params(ts(now), id).update();
    }

    void changePassword(long id, String hash, boolean mustChange, Instant now) {
        jdbc.sql("""
                        UPDATE identity.app_user
                        SET password_hash = ?, password_must_change = ?, security_stamp = security_stamp + 1,
                            updated_at = ?, version = version + 1
                        WHERE id = ?""")
                .params(hash, mustChange, ts(now), id).update();
    }

    boolean updateProfile(long id, long version, String displayName, Collection<String> codes, Instant now) {
        int rows = jdbc.sql("""
                        UPDATE identity.app_user SET display_name = ?, updated_at = ?, version = version + 1
                        WHERE id = ? AND version = ?""")
                .params(displayName, ts(now), id, version).update();
        if (rows == 1) {
            replaceJurisdiction(id, codes);
        }
        return rows == 1;
    }

    boolean changeRole(long id, long version, Role role, Instant now) {
        return jdbc.sql("""
                        UPDATE identity.app_user SET role = ?, updated_at = ?, version = version + 1
                        WHERE id = ? AND version = ?""")
                .params(role.name(), ts(now), id, version).update() == 1;
    }

    void setEnabled(long id, boolean enabled, Instant now) {
        jdbc.sql("""
                        UPDATE identity.app_user
                        SET enabled = ?, security_stamp = security_stamp + CASE WHEN ? THEN 0 ELSE 1 END,
                            updated_at = ?, version = version + 1
                        WHERE id = ?""")
                .params(enabled, enabled, ts(now), id).update();
    }

    void unlock(long id, Instant now) {
        jdbc.sql("""
                        UPDATE identity.app_user SET failed_attempts = 0, locked_until = NULL, updated_at = ?,
                            version = version + 1
                        WHERE id = ?""")
                .params(ts(now), id).update();
    }

    void resetTotp(long id, Instant now) {
        jdbc.sql("""
                        UPDATE identity.app_user
                        SET totp_secret = NULL, totp_enrolled = false, totp_last_step = NULL,
                            security_stamp = security_stamp + 1, updated_at = ?, version = version + 1
                        WHERE id = ?""")
                .params(ts(now), id).update();
    }

    /** Accounts matching the filter, ordered by username. Every argument may be null. */
    List<UserAccount> search(String text, Role role, UserState state, Instant now, int limit) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (text != null && !text.isBlank()) {
            where.append(" AND (u.username ILIKE :text OR u.display_name ILIKE :text OR EXISTS ("
                    + "SELECT 1 FROM identity.user_jurisdiction j WHERE j.user_id = u.id AND j.node_code ILIKE :text))");
            params.put("text", "%" + likeEscape(text.strip()) + "%");
        }
        if (role != null) {
            where.append(" AND u.role = :role");
            params.put("role", role.name());
        }
        if (state != null) {
            params.put("now", ts(now));
            where.append(switch (state) {
                case ACTIVE -> " AND u.enabled AND (u.locked_until IS NULL OR u.locked_until <= :now)";
                case LOCKED -> " AND u.locked_until > :now";
                case DISABLED -> " AND NOT u.enabled";
            });
        }
        params.put("limit", limit);
        return jdbc.sql(SELECT + where + " ORDER BY lower(u.username) LIMIT :limit").params(params)
                .query(this::map).list();
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Seals the TOTP secrets still stored in the clear (written before sealing existed); answers how many. */
    int sealClearSecrets() {
        List<Map.Entry<Long, String>> clear = jdbc.sql("""
                        SELECT id, totp_secret FROM identity.app_user
                        WHERE totp_secret IS NOT NULL AND totp_secret NOT LIKE 'gcm1:%'""")
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
        for (Map.Entry<Long, String> e : clear) {
            jdbc.sql("UPDATE identity.app_user SET totp_secret = ? WHERE id = ? AND totp_secret = ?")
                    .params(secrets.seal(e.getValue()), e.getKey(), e.getValue()).update();
        }
        return clear.size();
    }

    private UserAccount map(ResultSet rs, int row) throws SQLException {
        long step = rs.getLong("totp_last_step");
        Long lastStep = rs.wasNull() ? null : step;
        Array codes = rs.getArray("codes");
        List<String> list = codes == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) codes.getArray()));
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("password_hash"), rs.getBoolean("password_must_change"),
                secrets.open(rs.getString("totp_secret")), rs.getBoolean("totp_enrolled"), lastStep, rs.getInt("failed_attempts"),
                instant(rs.getTimestamp("locked_until")), rs.getBoolean("enabled"), rs.getInt("security_stamp"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("last_sign_in_at")), rs.getLong("version"), list);
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i.truncatedTo(ChronoUnit.MICROS));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String textArray(Collection<String> values) {
        StringBuilder sb = new StringBuilder("{");
        for (String v : values) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }
}
