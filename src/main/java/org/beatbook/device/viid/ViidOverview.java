package org.beatbook.device.viid;

import org.beatbook.shared.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * GA/T 1400 sessions and subscriptions as the device page shows them: only of devices in the caller's jurisdiction
 * (joined to the registry by their 20-digit DeviceID).
 */
@Service
public class ViidOverview {

    /** How a registration stands now. */
    public enum State { REGISTERED, EXPIRED, UNREGISTERED }

    /**
     * @param remoteAddress where the Register came from
     */
    public record Registration(String viidDeviceId, String deviceName, String compoundCode, State state,
                               Instant registeredAt, Instant lastSeenAt, Instant lastKeepaliveAt,
                               Instant unregisteredAt, String remoteAddress) { }

    /** How a subscription stands now: GA/T 1400's SubscribeStatus 0 (订阅中), 1 (已取消) and 2 (订阅到期). */
    public enum SubscriptionState { ACTIVE, CANCELLED, EXPIRED }

    /**
     * A subscription on the device page: active, or ended (cancelled, or past its EndTime) within {@link #ENDED_SHOWN}.
     *
     * @param subscriber the subscribing device's DeviceID
     * @param detail     SubscribeDetail as sent (subscribed categories)
     * @param cancelled  when and how it was cancelled; null unless cancelled
     */
    public record Subscription(String subscriber, String deviceName, String subscribeId, String title, String detail,
                               String resourceUri, String receiveAddr, Instant beginTime, Instant endTime,
                               Instant receivedAt, SubscriptionState state, Cancelled cancelled) { }

    /**
     * @param via    the request that cancelled it: SUBSCRIBE or UPDATE (OperateType 1), DELETE (IDList), CANCEL
     *               (PUT of the one id); null for cancellations recorded before this was kept
     * @param reason CancelReason as sent, or null; likewise {@code org} (SubscribeCancelOrg) and {@code person}
     */
    public record Cancelled(Instant at, String via, String reason, String org, String person) { }

    /** How long an ended subscription stays on the device page. */
    public static final Duration ENDED_SHOWN = Duration.ofDays(30);

    private static final int LIMIT = 500;

    private final JdbcClient jdbc;
    private final ViidProperties properties;
    private final Clock clock = Clock.systemUTC();

    ViidOverview(JdbcClient jdbc, ViidProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Every device of the scope that ever registered, by compound and name. */
    @Transactional(readOnly = true)
    public List<Registration> registrations(Scope scope) {
        Instant now = clock.instant();
        Instant silentSince = now.minus(properties.registrationTtl());
        return jdbc.sql("""
                SELECT r.*, d.name, d.compound_code
                  FROM device.viid_registration r JOIN device.device d ON d.viid_device_id = r.viid_device_id
                 WHERE d.node_path <@ ?::ltree[]
                 ORDER BY d.compound_code, d.name, r.viid_device_id
                 LIMIT ?""")
                .param(scope.sqlArray()).param(LIMIT)
                .query((rs, i) -> new Registration(rs.getString("viid_device_id"), rs.getString("name"),
                        rs.getString("compound_code"), state(rs, silentSince), instant(rs, "registered_at"),
                        instant(rs, "last_seen_at"), instant(rs, "last_keepalive_at"), instant(rs, "unregistered_at"),
                        rs.getString("remote_address")))
                .list();
    }

    /**
     * Subscriptions of the scope's devices: the active ones, newest first, then those that ended (were cancelled or
     * ran out) within {@link #ENDED_SHOWN}, most recently ended first.
     */
    @Transactional(readOnly = true)
    public List<Subscription> subscriptions(Scope scope) {
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT s.*, d.name,
                       CASE WHEN s.cancelled_at IS NOT NULL THEN 'CANCELLED'
                            WHEN s.end_time <= :now THEN 'EXPIRED' ELSE 'ACTIVE' END AS state
                  FROM device.viid_subscription s JOIN device.device d ON d.viid_device_id = s.subscriber
                 WHERE d.node_path <@ CAST(:scope AS ltree[])
                   AND coalesce(s.cancelled_at, s.end_time, 'infinity') > :since
                 ORDER BY coalesce(s.cancelled_at, least(s.end_time, :now), :now) DESC, s.updated_at DESC, s.subscribe_id
                 LIMIT :limit""")
                .param("scope", scope.sqlArray()).param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(ENDED_SHOWN))).param("limit", LIMIT)
                .query((rs, i) -> new Subscription(rs.getString("subscriber"), rs.getString("name"),
                        rs.getString("subscribe_id"), rs.getString("title"), rs.getString("detail"),
                        rs.getString("resource_uri"), rs.getString("receive_addr"), instant(rs, "begin_time"),
                        instant(rs, "end_time"), instant(rs, "received_at"),
                        SubscriptionState.valueOf(rs.getString("state")),
                        rs.getTimestamp("cancelled_at") == null ? null : new Cancelled(instant(rs, "cancelled_at"),
                                rs.getString("cancelled_via"), rs.getString("cancel_reason"), rs.getString("cancel_org"),
                                rs.getString("cancel_person"))))
                .list();
    }

    private static State state(ResultSet rs, Instant silentSince) throws SQLException {
        if (rs.getTimestamp("unregistered_at") != null) {
            return State.UNREGISTERED;
        }
        return rs.getTimestamp("last_seen_at").toInstant().isBefore(silentSince) ? State.EXPIRED : State.REGISTERED;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
