package org.beatbook.address;

import org.beatbook.shared.security.Scope;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What other modules may ask of the address tree. Every read of scoped data takes the caller's scope. */
public interface AddressApi {

    /** The node, if it exists and lies within {@code scope}. */
    Optional<AddressNodeView> find(String code, Scope scope);

    /** Children of a node within scope, ordered for display. */
    List<AddressNodeView> children(String parentCode, Scope scope);

    /** The current subtree paths of the given node codes (unknown and retired codes are left out). */
    Scope scopeOf(Collection<String> codes);

    /** Number of live nodes per level inside {@code scope}. */
    Map<AddressLevel, Long> countByLevel(Scope scope);
}
