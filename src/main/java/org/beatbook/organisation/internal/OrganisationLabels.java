package org.beatbook.organisation.internal;

import org.beatbook.address.AddressNodeRenamed;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Units keep a copy of their address label (阳光新城 3号楼) for lists and the roster. When a node is renamed, or a subtree
 * moves ({@link OrganisationPaths}), the labels of every unit at or below it are rebuilt from the current names in the
 * renaming transaction: one read of the subtree, one UPDATE. Any level may count: a place outside a compound is
 * labelled with its parent's name.
 */
@Component
class OrganisationLabels {

    private final JdbcClient jdbc;
    private final Places places;

    OrganisationLabels(JdbcClient jdbc, Places places) {
        this.jdbc = jdbc;
        this.places = places;
    }

    @EventListener
    void on(AddressNodeRenamed renamed) {
        refresh(renamed.code(), renamed.path());
    }

    /** Rebuilds the labels of the units at or below the node {@code code} (now at {@code path}). */
    void refresh(String code, String path) {
        List<String> nodes = jdbc.sql("""
                        SELECT DISTINCT node_code FROM organisation.organisation WHERE node_path <@ CAST(? AS ltree)""")
                .param(path).query(String.class).list();
        if (nodes.isEmpty()) {
            return;
        }
        Map<String, String> labels = places.subtree(code, path)
                .map(tree -> tree.map(nodes, chain -> Places.place(chain).label())).orElse(Map.of());
        if (labels.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE organisation.organisation o SET address_label = v.label
                          FROM unnest(?::text[], ?::text[]) AS v(code, label)
                         WHERE o.node_code = v.code AND o.address_label IS DISTINCT FROM v.label""")
                .params(labels.keySet().toArray(String[]::new), labels.values().toArray(String[]::new)).update();
    }
}
