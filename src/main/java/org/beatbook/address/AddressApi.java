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

    /** The nodes the scope is made of (the caller's jurisdiction roots), ordered for display. */
    List<AddressNodeView> roots(Scope scope);

    /** Ancestors of a node from the top down, only those within scope; empty when the node is not in scope. */
    List<AddressNodeView> ancestors(String code, Scope scope);

    /**
     * Live nodes within scope whose name contains {@code query} or whose code starts with it, in tree order.
     *
     * @param offset rows to skip
     * @param limit  at most 100
     */
    List<AddressNodeView> search(String query, Scope scope, int offset, int limit);

    /**
     * The node within scope with its ancestors (read in the node's own tree) and every node below it, retired ones
     * included: one read for a module that rebuilds the labels of a whole subtree. Empty when the node is unknown or
     * out of scope. (This default walks the live children; the address module answers in one query.)
     */
    default Optional<AddressSubtree> subtree(String code, Scope scope) {
        Optional<AddressNodeView> root = find(code, scope);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Scope tree = new Scope(List.of(root.get().path().split("\\.")[0]));
        Map<String, AddressNodeView> nodes = new java.util.LinkedHashMap<>();
        java.util.ArrayDeque<AddressNodeView> todo = new java.util.ArrayDeque<>(List.of(root.get()));
        while (!todo.isEmpty()) {
            AddressNodeView node = todo.poll();
            nodes.put(node.code(), node);
            todo.addAll(children(node.code(), scope));
        }
        return Optional.of(new AddressSubtree(ancestors(code, tree), nodes));
    }

    /**
     * Live nodes of one level below (or at) the node {@code code}, within scope, in path order: e.g. every room of a
     * compound in one read. Empty when the node is unknown or out of scope.
     */
    default List<AddressNodeView> descendants(String code, AddressLevel level, Scope scope) {
        List<AddressNodeView> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<AddressNodeView> todo = new java.util.ArrayDeque<>();
        find(code, scope).ifPresent(todo::add);
        while (!todo.isEmpty()) {
            AddressNodeView node = todo.poll();
            if (node.level() == level && !node.retired()) {
                out.add(node);
            }
            todo.addAll(children(node.code(), scope));
        }
        out.sort(java.util.Comparator.comparing(AddressNodeView::path));
        return out;
    }
}
