package org.beatbook.identity.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.identity.UserDirectory;
import org.beatbook.shared.security.Role;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link UserDirectory} over the user tables; jurisdictions resolved to current paths by the address module. */
@Component
class UserCards implements UserDirectory {

    private final JdbcClient jdbc;
    private final AddressApi address;

    UserCards(JdbcClient jdbc, @Lazy AddressApi address) {
        this.jdbc = jdbc;
        this.address = address;
    }

    @Override
    public List<UserCard> covering(String nodePath, Set<Role> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        record Row(UserCard card, List<String> codes) { }
        List<Row> rows = jdbc.sql("""
                        SELECT u.id, u.username, u.display_name, u.role,
                               coalesce(array_agg(j.node_code) FILTER (WHERE j.node_code IS NOT NULL), '{}')
                          FROM identity.app_user u LEFT JOIN identity.user_jurisdiction j ON j.user_id = u.id
                         WHERE u.enabled AND u.role = ANY(?)
                         GROUP BY u.id ORDER BY u.display_name, u.id""")
                .param(roles.stream().map(Role::name).toArray(String[]::new))
                .query((rs, n) -> new Row(new UserCard(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Role.valueOf(rs.getString(4))), Arrays.asList((String[]) rs.getArray(5).getArray())))
                .list();
        return rows.stream()
                .filter(r -> !r.codes().isEmpty() && address.scopeOf(r.codes()).covers(nodePath))
                .map(Row::card).toList();
    }

    @Override
    public Optional<UserCard> find(long userId) {
        return jdbc.sql("SELECT id, username, display_name, role FROM identity.app_user WHERE id = ? AND enabled")
                .param(userId)
                .query((rs, n) -> new UserCard(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Role.valueOf(rs.getString(4))))
                .optional();
    }
}
