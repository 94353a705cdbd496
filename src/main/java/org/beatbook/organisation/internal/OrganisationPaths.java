package org.beatbook.organisation.internal;

import org.beatbook.address.AddressNodeMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Organisations carry the ltree path of their node (for scope) and their compound (for the statistics); when a node
 * of the address tree moves, the units below it move with it, their labels rebuilt ({@link OrganisationLabels}). Runs
 * in the moving transaction, so scope and tree never disagree.
 */
@Component
class OrganisationPaths {

    private final JdbcClient jdbc;
    private final Places places;
    private final OrganisationLabels labels;

    OrganisationPaths(JdbcClient jdbc, Places places, OrganisationLabels labels) {
        this.jdbc = jdbc;
        this.places = places;
        this.labels = labels;
    }

    @EventListener
    void on(AddressNodeMoved moved) {
        int n = jdbc.sql("""
                UPDATE organisation.organisation
                   SET node_path = repath(node_path, CAST(:oldPath AS ltree), CAST(:newPath AS ltree))
                 WHERE node_path <@ CAST(:oldPath AS ltree)""")
                .param("newPath", moved.newPath()).param("oldPath", moved.oldPath()).update();
        if (n == 0) {
            return;
        }
        // units at or below the moved node may now lie in another compound (a building moved between compounds);
        // the compound of each distinct node below is read again (few nodes carry units)
        List<String[]> nodes = jdbc.sql("""
                SELECT DISTINCT node_code, node_path::text FROM organisation.organisation
                 WHERE node_path <@ CAST(:newPath AS ltree)""")
                .param("newPath", moved.newPath())
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        for (String[] node : nodes) {
            jdbc.sql("UPDATE organisation.organisation SET compound_code = ? WHERE node_code = ?")
                    .params(places.compoundOf(node[0], node[1]), node[0]).update();
        }
        labels.refresh(moved.code(), moved.newPath());
    }
}
