package org.beatbook.address.web;

import org.beatbook.address.internal.AddressWriters;
import org.beatbook.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The address tree's entries in the main navigation. */
@Configuration(proxyBeanMethods = false)
class AddressNavigation {

    @Bean
    NavItem addressNavItem() {
        return new NavItem("address.nav", "/addresses", AddressWriters.READERS, 20);
    }

    @Bean
    NavItem addressImportNavItem() {
        return new NavItem("address.nav.import", "/addresses/import", AddressWriters.WRITERS, 21);
    }
}
