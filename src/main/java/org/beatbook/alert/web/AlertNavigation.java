package org.beatbook.alert.web;

import org.beatbook.alert.internal.Alerts;
import org.beatbook.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AlertNavigation {

    @Bean
    NavItem liveAlertsNavItem() {
        return new NavItem("alert.nav.live", "/alerts/live", Alerts.POLICE, 310);
    }

    @Bean
    NavItem alertHistoryNavItem() {
        return new NavItem("alert.nav.history", "/alerts", Alerts.POLICE, 311);
    }

    @Bean
    NavItem hotlistNavItem() {
        return new NavItem("alert.nav.hotlist", "/hotlist", Alerts.POLICE, 312);
    }
}
