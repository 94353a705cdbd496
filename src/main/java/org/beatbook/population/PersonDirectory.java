package org.beatbook.population;

import org.beatbook.shared.security.Scope;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What other modules may ask about persons they refer to by id (e.g. a vehicle's owner). These reads do not
 * write audit rows: the caller that shows the person to a user records that read.
 */
public interface PersonDirectory {

    /** The person (document masked) with the current residences that lie in {@code scope}; empty when none does. */
    Optional<PersonCard> find(long personId, Scope scope);

    /** Names of the given persons, for lists of things they own (ids that do not exist are left out). */
    Map<Long, String> names(Collection<Long> personIds);

    /**
     * @param idNumber masked document number
     * @param homes    current residences in the asker's scope
     */
    record PersonCard(long id, String name, String idNumber, List<Home> homes) { }

    /** A current residence: the room's code, its ltree path and its label. */
    record Home(String addressCode, String nodePath, String label) { }
}
