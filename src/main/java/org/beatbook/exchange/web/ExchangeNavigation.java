package org.beatbook.exchange.web;

import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class ExchangeNavigation {

    /** The link to the platform is the officers' and leaders' concern. */
    static final Set<Role> STATUS = Set.of(Role.STATION_LEADER, Role.COMMUNITY_OFFICER);
    /** The ranking is figures, not personal data: every operational role sees it for its own jurisdiction. */
    static final Set<Role> VOLUME = Set.of(Role.STATION_LEADER, Role.COMMUNITY_OFFICER, Role.AUXILIARY_POLICE,
            Role.COMMUNITY_WORKER);

    @Bean
    NavItem exchangeStatusNavItem() {
        return new NavItem("exchange.nav.status", "/exchange", STATUS, 520);
    }

    @Bean
    NavItem exchangeVolumeNavItem() {
        return new NavItem("exchange.nav.volume", "/exchange/volume", VOLUME, 530);
    }
}
