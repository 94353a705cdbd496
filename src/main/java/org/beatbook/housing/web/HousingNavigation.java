package org.beatbook.housing.web;

import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class HousingNavigation {

    static final Set<Role> OPERATIONAL = Set.of(Role.STATION_LEADER, Role.COMMUNITY_OFFICER, Role.AUXILIARY_POLICE,
            Role.COMMUNITY_WORKER);

    @Bean
    NavItem housesNavItem() {
        return new NavItem("housing.nav.houses", "/houses", OPERATIONAL, 220);
    }
}
