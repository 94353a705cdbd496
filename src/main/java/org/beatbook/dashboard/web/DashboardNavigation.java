package org.beatbook.dashboard.web;

import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class DashboardNavigation {

    @Bean
    NavItem statisticsNavItem() {
        return new NavItem("dashboard.nav.statistics", "/statistics", Set.of(Role.STATION_LEADER,
                Role.COMMUNITY_OFFICER, Role.AUXILIARY_POLICE, Role.COMMUNITY_WORKER), 150);
    }
}
