package org.beatbook.population.internal;

import org.beatbook.address.AddressNodeMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Residences carry the ltree path of their room for jurisdiction scoping; when a node of the address
 * tree moves, the rooms below it move with it. Runs in the moving transaction, so scope and tree never
 * disagree. Labels and room keys (3-2-501) follow moves here and renames in {@link ResidenceLabels}.
 */
@Component
class ResidencePaths {

    private final JdbcClient jdbc;
    private final ResidenceLabels labels;

    ResidencePaths(JdbcClient jdbc, ResidenceLabels labels) {
        this.jdbc = jdbc;
        this.labels = labels;
    }

    @EventListener
    void on(AddressNodeMoved moved) {
        jdbc.sql("""
                UPDATE population.residence
                   SET node_path = repath(node_path, CAST(:oldPath AS ltree), CAST(:newPath AS ltree))
                 WHERE node_path <@ CAST(:oldPath AS ltree)""")
                .param("newPath", moved.newPath()).param("oldPath", moved.oldPath()).update();
        labels.moved(moved.code(), moved.newPath());
    }
}
