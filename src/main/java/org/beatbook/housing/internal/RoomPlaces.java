package org.beatbook.housing.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.shared.security.Scope;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The address nodes a house can be: a room, or a place (a shop or office premises), live and within scope, with the
 * compound it belongs to and a label to show.
 */
@Component
public class RoomPlaces {

    /**
     * @param compoundCode the compound (小区) above it, or null when there is none (a place under the community)
     * @param label        compound and building/unit/room names, e.g. 阳光新城 3号楼2单元501室
     */
    public record Place(String code, String path, String compoundCode, String label) { }

    private final AddressApi addresses;

    RoomPlaces(AddressApi addresses) {
        this.addresses = addresses;
    }

    public Optional<Place> find(String code, Scope scope) {
        if (code == null || code.isBlank() || code.length() > 64) {
            return Optional.empty();
        }
        return addresses.find(code.strip(), scope)
                .filter(n -> (n.level() == AddressLevel.ROOM || n.level() == AddressLevel.PLACE) && !n.retired())
                .map(this::place);
    }

    private Place place(AddressNodeView node) {
        // ancestors are read within the node's own tree: the caller may see the room but not its compound
        Scope tree = new Scope(List.of(node.path().split("\\.")[0]));
        List<AddressNodeView> chain = new java.util.ArrayList<>(addresses.ancestors(node.code(), tree));
        chain.add(node);
        return place(chain);
    }

    /**
     * The place at the end of {@code chain} (the nodes from the top of the tree down to it): its compound and label,
     * the compound's name and then the building's, unit's and its own names. One rule for registering a house and
     * for rebuilding labels after a rename or move ({@link HouseLabels}).
     */
    static Place place(List<AddressNodeView> chain) {
        AddressNodeView node = chain.get(chain.size() - 1);
        String compound = null;
        StringBuilder label = new StringBuilder();
        for (AddressNodeView a : chain.subList(0, chain.size() - 1)) {
            if (a.level() == AddressLevel.COMPOUND) {
                compound = a.code();
                label.setLength(0);
                label.append(a.name()).append(' ');
            } else if (a.level() == AddressLevel.BUILDING || a.level() == AddressLevel.UNIT) {
                label.append(a.name());
            }
        }
        label.append(node.name());
        return new Place(node.code(), node.path(), compound, label.toString().strip());
    }

    /** The level of a node, read in its own tree; empty when unknown. */
    Optional<AddressLevel> level(String code, String path) {
        return addresses.find(code, new Scope(List.of(path.split("\\.")[0]))).map(AddressNodeView::level);
    }

    /** The node with its ancestors and subtree, read in the node's own tree; empty when unknown. */
    Optional<org.beatbook.address.AddressSubtree> subtree(String code, String path) {
        return addresses.subtree(code, new Scope(List.of(path.split("\\.")[0])));
    }

    /** The compound a node at {@code path} lies in (itself when it is one), or null. */
    String compoundOf(String code, String path) {
        Scope tree = new Scope(List.of(path.split("\\.")[0]));
        Optional<AddressNodeView> self = addresses.find(code, tree);
        if (self.isPresent() && self.get().level() == AddressLevel.COMPOUND) {
            return code;
        }
        return addresses.ancestors(code, tree).stream().filter(n -> n.level() == AddressLevel.COMPOUND)
                .map(AddressNodeView::code).reduce((a, b) -> b).orElse(null);
    }

    /** The compound with this code, if within scope. */
    public Optional<AddressNodeView> compound(String code, Scope scope) {
        if (code == null || code.isBlank() || code.length() > 64) {
            return Optional.empty();
        }
        return addresses.find(code.strip(), scope).filter(n -> n.level() == AddressLevel.COMPOUND);
    }

    /** The compounds within scope, for filters: the scope's own nodes and their compound descendants. */
    public List<AddressNodeView> compounds(Scope scope) {
        List<AddressNodeView> result = new java.util.ArrayList<>();
        for (AddressNodeView root : addresses.roots(scope)) {
            collect(root, scope, result, 0);
        }
        return result;
    }

    private void collect(AddressNodeView node, Scope scope, List<AddressNodeView> into, int depth) {
        if (node.level() == AddressLevel.COMPOUND) {
            into.add(node);
            return;
        }
        if (depth > 6 || node.level().ordinal() > AddressLevel.COMPOUND.ordinal()) {
            return;
        }
        for (AddressNodeView child : addresses.children(node.code(), scope)) {
            if (!child.retired()) {
                collect(child, scope, into, depth + 1);
            }
        }
    }
}
