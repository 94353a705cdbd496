package org.beatbook.population.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.shared.security.Scope;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rooms persons live in, as the address module knows them: a code is checked against the caller's
 * scope, and a room gets the key people type ({@code 3-2-501}: the numbers in its building's, unit's and
 * own names) and a label to show.
 */
@Component
public class Rooms {

    /** A room a residence can point at. */
    public record Room(String code, String path, String key, String label) { }

    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final int MAX_DEPTH = 12;

    private final AddressApi addresses;

    Rooms(AddressApi addresses) {
        this.addresses = addresses;
    }

    /** The room with this code inside {@code scope}; unknown, out of scope, retired or not a room: a 400 naming addressCode. */
    public Room room(String code, Scope scope) {
        return room(code, c -> addresses.find(c, scope), (root, c) -> addresses.find(c, new Scope(List.of(root))))
                .orElseThrow(() -> InvalidInput.of("addressCode", "population.residence.room.unknown"));
    }

    /**
     * Rooms for many codes (an import): every node is read once, however many rows name its room or share
     * its building. Not thread-safe; one per import.
     */
    public Lookup lookup(Scope scope) {
        return new Lookup(scope);
    }

    /** A memo of the rooms one caller's import names; empty for an unknown or out-of-scope code. */
    public final class Lookup {
        private final Scope scope;
        private final Map<String, Optional<AddressNodeView>> inScope = new HashMap<>();
        private final Map<String, Optional<AddressNodeView>> inTree = new HashMap<>();
        private final Map<String, Optional<Room>> rooms = new HashMap<>();

        private Lookup(Scope scope) {
            this.scope = scope;
        }

        public Optional<Room> room(String code) {
            return rooms.computeIfAbsent(code, c -> Rooms.this.room(c,
                    x -> inScope.computeIfAbsent(x, y -> addresses.find(y, scope)),
                    (root, x) -> inTree.computeIfAbsent(x, y -> addresses.find(y, new Scope(List.of(root))))));
        }
    }

    private Optional<Room> room(String code, Function<String, Optional<AddressNodeView>> find,
                                BiFunction<String, String, Optional<AddressNodeView>> findInTree) {
        Optional<AddressNodeView> found = find.apply(code)
                .filter(n -> n.level() == AddressLevel.ROOM && !n.retired());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AddressNodeView node = found.get();
        // Ancestors' names are read within the room's own tree: the caller may see the room but not the compound.
        String root = node.path().split("\\.")[0];
        Deque<AddressNodeView> chain = new ArrayDeque<>();
        chain.push(node);
        AddressNodeView at = node;
        for (int i = 0; i < MAX_DEPTH && at.parentCode() != null && at.level() != AddressLevel.COMPOUND; i++) {
            Optional<AddressNodeView> parent = findInTree.apply(root, at.parentCode());
            if (parent.isEmpty()) {
                break;
            }
            at = parent.get();
            chain.push(at);
        }
        return Optional.of(room(List.copyOf(chain)));
    }

    /**
     * The room at the end of {@code chain} (nodes from the top of the tree, or from its compound, down to the room):
     * its key from the numbers of its building's, unit's and own names, and its label from the compound's name and the
     * building's, unit's and room's names. One rule for registering and for rebuilding after a rename or move
     * ({@link ResidenceLabels}).
     */
    static Room room(List<AddressNodeView> chain) {
        AddressNodeView node = chain.get(chain.size() - 1);
        String building = null;
        String unit = null;
        StringBuilder label = new StringBuilder();
        for (AddressNodeView n : chain) {
            if (n.level() == AddressLevel.COMPOUND) {
                // only the innermost compound and what lies below it name the room
                label.setLength(0);
                building = null;
                unit = null;
                label.append(n.name()).append(' ');
            } else if (n.level() == AddressLevel.BUILDING || n.level() == AddressLevel.UNIT
                    || n.level() == AddressLevel.ROOM) {
                label.append(n.name());
            }
            if (n.level() == AddressLevel.BUILDING) {
                building = number(n.name());
            } else if (n.level() == AddressLevel.UNIT) {
                unit = number(n.name());
            }
        }
        String room = number(node.name());
        String key = building == null ? null : building + (unit == null ? "" : "-" + unit) + "-" + room;
        return new Room(node.code(), node.path(), key, label.toString().strip());
    }

    /** The node with its ancestors and subtree, read in the node's own tree; empty when unknown. */
    Optional<org.beatbook.address.AddressSubtree> subtree(String code, String path) {
        return addresses.subtree(code, new Scope(List.of(path.split("\\.")[0])));
    }

    /** The level of a node, read in its own tree; empty when unknown. */
    Optional<AddressLevel> level(String code, String path) {
        return addresses.find(code, new Scope(List.of(path.split("\\.")[0]))).map(AddressNodeView::level);
    }

    /** Nodes to start picking from: the caller's jurisdiction nodes that are known and in scope. */
    public List<AddressNodeView> starts(List<String> jurisdictionCodes, Scope scope) {
        return jurisdictionCodes.stream().map(c -> addresses.find(c, scope)).flatMap(Optional::stream).toList();
    }

    /** The compounds within scope (below or at the scope's roots), in tree order: the search's compound filter. */
    public List<AddressNodeView> compounds(Scope scope) {
        return scope.paths().stream()
                .flatMap(p -> addresses.descendants(p.substring(p.lastIndexOf('.') + 1), AddressLevel.COMPOUND, scope).stream())
                .toList();
    }

    public Optional<AddressNodeView> node(String code, Scope scope) {
        return addresses.find(code, scope);
    }

    public List<AddressNodeView> children(String code, Scope scope) {
        return addresses.children(code, scope).stream().filter(n -> !n.retired()).toList();
    }

    /**
     * The room a typed key ({@code 3-2-501} or {@code 3-501}) names below {@code under} (a compound, or a
     * building for a key without building): matched by the numbers in the names, floors passed through.
     */
    public Optional<AddressNodeView> byKey(String under, String key, Scope scope) {
        String[] parts = key.split("-");
        AddressNodeView at = addresses.find(under, scope).orElse(null);
        if (at == null) {
            return Optional.empty();
        }
        for (int i = 0; i < parts.length && at != null; i++) {
            boolean last = i == parts.length - 1;
            at = matchBelow(at, parts[i], last, scope, 0);
        }
        return Optional.ofNullable(at).filter(n -> n.level() == AddressLevel.ROOM);
    }

    private AddressNodeView matchBelow(AddressNodeView at, String number, boolean room, Scope scope, int depth) {
        if (depth > 2) {
            return null;
        }
        String wanted = stripZeros(number);
        for (AddressNodeView child : children(at.code(), scope)) {
            boolean levelFits = room ? child.level() == AddressLevel.ROOM : child.level() != AddressLevel.ROOM;
            if (levelFits && child.level() != AddressLevel.FLOOR && wanted.equals(stripZeros(number(child.name())))) {
                return child;
            }
        }
        if (room) {
            // rooms may hang under floors
            for (AddressNodeView child : children(at.code(), scope)) {
                if (child.level() == AddressLevel.FLOOR) {
                    AddressNodeView found = matchBelow(child, number, true, scope, depth + 1);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    /** The first run of digits in a name (3号楼 → 3, 501室 → 501), or the name itself when it has none. */
    static String number(String name) {
        Matcher m = NUMBER.matcher(name == null ? "" : name);
        return m.find() ? stripZeros(m.group()) : name;
    }

    private static String stripZeros(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceFirst("^0+(?=.)", "");
        return t;
    }
}
