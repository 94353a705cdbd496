package org.beatbook.audit.web;

import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    /** Only auditors read the log: the separated duties keep administrators out of it. */
    @Bean
    NavItem auditNavItem() {
        return new NavItem("audit.nav", "/audit", Set.of(Role.AUDITOR), 900);
    }
}
