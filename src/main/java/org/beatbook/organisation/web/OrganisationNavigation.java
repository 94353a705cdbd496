package org.beatbook.organisation.web;

import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class OrganisationNavigation {

    @Bean
    NavItem organisationsNavItem() {
        return new NavItem("organisation.nav", "/organisations", Set.of(Role.STATION_LEADER, Role.COMMUNITY_OFFICER,
                Role.AUXILIARY_POLICE, Role.COMMUNITY_WORKER), 230);
    }
}
