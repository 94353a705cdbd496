package org.beatbook.organisation.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.shared.security.Scope;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The address nodes units sit at, as the address module knows them, with their compound and a label to show. */
@Component
class Places {

    /** Levels a unit may sit at: a compound, anything inside one, or a place (school, station …). */
    static final Set<AddressLevel> LEVELS = EnumSet.of(AddressLevel.COMPOUND, AddressLevel.BUILDING,
            AddressLevel.UNIT, AddressLevel.FLOOR, AddressLevel.ROOM, AddressLevel.PLACE);

    /** @param compoundCode the compound the node lies in (or is), null when none */
    record Place(String code, String path, String compoundCode, String label) { }

    /** Why a code is not a place for a unit: unknown (or out of scope), retired, or at a level above compounds. */
    enum Refusal { UNKNOWN, RETIRED, LEVEL }

    private final AddressApi addresses;

    Places(AddressApi addresses) {
        this.addresses = addresses;
    }

    /** The node as a place within {@code scope}, or why not. */
    Result place(String code, Scope scope) {
        Optional<AddressNodeView> found = code == null || code.isBlank() ? Optional.empty()
                : addresses.find(code.strip(), scope);
        if (found.isEmpty()) {
            return new Result(null, Refusal.UNKNOWN);
        }
        AddressNodeView node = found.get();
        if (node.retired()) {
            return new Result(null, Refusal.RETIRED);
        }
        if (!LEVELS.contains(node.level())) {
            return new Result(null, Refusal.LEVEL);
        }
        // ancestors are read within the node's own tree: the caller may see the building but not its compound
        List<AddressNodeView> chain = new ArrayList<>(addresses.ancestors(node.code(), treeOf(node.path())));
        chain.removeIf(n -> n.code().equals(node.code()));
        chain.add(node);
        return new Result(place(chain), null);
    }

    /**
     * The place at the end of {@code chain} (the nodes from the top of the tree down to it): its compound, and its
     * label, the names from its compound (or, outside any compound, from its parent) down to it. One rule for
     * registering a unit and for rebuilding labels after a rename or move ({@link OrganisationLabels}).
     */
    static Place place(List<AddressNodeView> chain) {
        AddressNodeView node = chain.get(chain.size() - 1);
        String compound = null;
        int from = Math.max(0, chain.size() - 2);
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).level() == AddressLevel.COMPOUND) {
                compound = chain.get(i).code();
                from = i;
            }
        }
        StringBuilder label = new StringBuilder();
        for (int i = from; i < chain.size(); i++) {
            if (!label.isEmpty()) {
                label.append(' ');
            }
            label.append(chain.get(i).name());
        }
        return new Place(node.code(), node.path(), compound, label.toString());
    }

    /** The node with its ancestors and subtree, read in the node's own tree; empty when unknown. */
    Optional<org.beatbook.address.AddressSubtree> subtree(String code, String path) {
        return addresses.subtree(code, treeOf(path));
    }

    /** The compound a node lies in (or is), read in the node's own tree; null when none. */
    String compoundOf(String code, String path) {
        for (AddressNodeView n : addresses.ancestors(code, treeOf(path))) {
            if (n.level() == AddressLevel.COMPOUND) {
                return n.code();
            }
        }
        return addresses.find(code, treeOf(path)).filter(n -> n.level() == AddressLevel.COMPOUND)
                .map(AddressNodeView::code).orElse(null);
    }

    /** The node of that code within scope (any level), e.g. to filter units under it. */
    Optional<AddressNodeView> node(String code, Scope scope) {
        return code == null || code.isBlank() ? Optional.empty() : addresses.find(code.strip(), scope);
    }

    private static Scope treeOf(String path) {
        return new Scope(List.of(path.split("\\.")[0]));
    }

    record Result(Place place, Refusal refusal) { }
}
