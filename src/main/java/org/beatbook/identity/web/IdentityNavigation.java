package org.beatbook.identity.web;

import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.EnumSet;
import java.util.Set;

/** The identity module's menu entries. */
@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

    @Bean
    NavItem usersNavItem() {
        return new NavItem("nav.identity.users", "/admin/users", Set.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN), 900);
    }

    @Bean
    NavItem tokensNavItem() {
        return new NavItem("nav.identity.tokens", "/account/tokens", EnumSet.allOf(Role.class), 950);
    }
}
