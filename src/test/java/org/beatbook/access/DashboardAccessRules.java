package org.beatbook.access;

import java.util.List;

import static org.beatbook.access.AccessRule.everyRole;
import static org.beatbook.access.AccessRule.unscoped;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The home page: every signed-in role has one, showing only its own figures. */
class DashboardAccessRules implements AccessRules {

    @Override
    public List<AccessRule> rules(AccessFixture f) {
        return List.of(unscoped(GET, "/", everyRole(), c -> get("/")));
    }
}
