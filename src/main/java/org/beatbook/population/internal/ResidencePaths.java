package org.beatbook.population.internal;

import org.beatbook.address.AddressNodeMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Residences carry the ltree path of their room for jurisdiction scoping; when a node of the address
 * tree moves, the rooms below it move with it. Runs in the moving transaction, so scope and tree never
 * disagree. (Room labels like 3-2-501 are not refreshed on a rename yet.)
 */
@Component
class ResidencePaths {

    private final JdbcClient jdbc;

    ResidencePaths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AddressNodeMoved moved) {
        jdbc.sql("""
                UPDATE population.residence
                   SET node_path = repath(node_path, CAST(:oldPath AS ltree), CAST(:newPath AS ltree))
                 WHERE node_path <@ CAST(:oldPath AS ltree)""")
                .param("newPath", moved.newPath()).param("oldPath", moved.oldPath()).update();
    }
}
