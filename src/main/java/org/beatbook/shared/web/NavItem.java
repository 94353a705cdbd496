package org.beatbook.shared.web;

import org.beatbook.shared.security.Role;

import java.util.Set;

/**
 * An entry of the main navigation. Modules declare theirs as beans; the layout shows an
 * entry only to the roles listed.
 *
 * @param labelKey message key of the label
 * @param href     where it leads
 * @param roles    who sees it
 * @param order    position, ascending
 */
public record NavItem(String labelKey, String href, Set<Role> roles, int order) {

    public NavItem {
        roles = Set.copyOf(roles);
    }
}
