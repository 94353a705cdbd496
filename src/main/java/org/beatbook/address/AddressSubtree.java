package org.beatbook.address;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A node with every node below it (retired ones too) and its ancestors: enough to rebuild, in one read, any label
 * that is made of the names along a path, for a whole subtree (a renamed or moved building's rooms).
 *
 * @param above the root's ancestors from the top down
 * @param nodes the root and every node below it, by code
 */
public record AddressSubtree(List<AddressNodeView> above, Map<String, AddressNodeView> nodes) {

    /**
     * The nodes from the top of the tree down to the node with {@code code}, that node last; empty when it does not
     * lie in this subtree.
     */
    public List<AddressNodeView> chain(String code) {
        AddressNodeView at = nodes.get(code);
        if (at == null) {
            return List.of();
        }
        List<AddressNodeView> down = new ArrayList<>();
        for (int i = 0; at != null && i < 64; i++) {
            down.add(at);
            at = at.parentCode() == null ? null : nodes.get(at.parentCode());
        }
        Collections.reverse(down);
        List<AddressNodeView> chain = new ArrayList<>(above.size() + down.size());
        chain.addAll(above);
        chain.addAll(down);
        return chain;
    }

    /**
     * {@code rule} applied to the chain of each of {@code codes} that lies in this subtree (a module's label rule),
     * by code, in the order given; codes outside the subtree are left out.
     */
    public <T> Map<String, T> map(Collection<String> codes, Function<List<AddressNodeView>, T> rule) {
        Map<String, T> out = new LinkedHashMap<>();
        for (String code : codes) {
            List<AddressNodeView> chain = chain(code);
            if (!chain.isEmpty()) {
                out.put(code, rule.apply(chain));
            }
        }
        return out;
    }

    /** The node with this code, if it lies in this subtree. */
    public Optional<AddressNodeView> node(String code) {
        return Optional.ofNullable(nodes.get(code));
    }
}
