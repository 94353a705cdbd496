package org.beatbook.access;

import java.util.List;

import static org.beatbook.access.AccessRule.everyRole;
import static org.beatbook.access.AccessRule.unscoped;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The home page: every signed-in role has one, showing only its own figures; the statistics page. */
class DashboardAccessRules implements AccessRules {

    /** The per-compound statistics: the four operational roles, each counting within their own jurisdiction. */
    static final java.util.Set<org.beatbook.shared.security.Role> OPERATIONAL = AccessRule.roles(
            org.beatbook.shared.security.Role.STATION_LEADER, org.beatbook.shared.security.Role.COMMUNITY_OFFICER,
            org.beatbook.shared.security.Role.AUXILIARY_POLICE, org.beatbook.shared.security.Role.COMMUNITY_WORKER);

    @Override
    public List<AccessRule> rules(AccessFixture f) {
        return List.of(unscoped(GET, "/", everyRole(), c -> get("/")),
                unscoped(GET, "/statistics", OPERATIONAL, c -> get("/statistics")),
                unscoped(GET, "/statistics.xlsx", OPERATIONAL, c -> get("/statistics.xlsx")));
    }
}
