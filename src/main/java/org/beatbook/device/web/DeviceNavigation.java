package org.beatbook.device.web;

import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class DeviceNavigation {

    @Bean
    NavItem devicesNavItem() {
        return new NavItem("device.nav.devices", "/devices",
                Set.of(Role.STATION_LEADER, Role.COMMUNITY_OFFICER, Role.AUXILIARY_POLICE), 300);
    }
}
