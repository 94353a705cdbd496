package org.beatbook.population.web;

import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class PopulationNavigation {

    static final Set<Role> OPERATIONAL = Set.of(Role.STATION_LEADER, Role.COMMUNITY_OFFICER, Role.AUXILIARY_POLICE,
            Role.COMMUNITY_WORKER);

    @Bean
    NavItem intakeNavItem() {
        return new NavItem("population.nav.intake", "/intake", OPERATIONAL, 200);
    }

    @Bean
    NavItem personsNavItem() {
        return new NavItem("population.nav.persons", "/persons", OPERATIONAL, 210);
    }
}
