package org.beatbook.vehicle.web;

import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class VehicleNavigation {

    @Bean
    NavItem vehiclesNavItem() {
        return new NavItem("vehicle.nav.vehicles", "/vehicles", Set.of(Role.STATION_LEADER, Role.COMMUNITY_OFFICER,
                Role.AUXILIARY_POLICE, Role.COMMUNITY_WORKER), 300);
    }
}
