package org.beatbook.identity;

import org.beatbook.shared.security.Role;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What other modules may ask about users: who can be given work at a place (e.g. an alert's dispatch). */
public interface UserDirectory {

    /** Enabled users of the given roles whose jurisdiction covers {@code nodePath}, ordered by display name. */
    List<UserCard> covering(String nodePath, Set<Role> roles);

    /** The enabled user, if it exists. */
    Optional<UserCard> find(long userId);

    record UserCard(long id, String username, String displayName, Role role) { }
}
