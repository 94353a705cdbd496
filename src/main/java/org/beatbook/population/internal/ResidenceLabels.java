package org.beatbook.population.internal;

import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeRenamed;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Residences keep a copy of their room's label (阳光新城 3号楼2单元501室) and key (3-2-501, what the search and the gate
 * intake match). When a compound, building, unit or room is renamed, or a subtree moves ({@link ResidencePaths}),
 * both are rebuilt from the current names for every residence (current and past) at or below it, in the renaming
 * transaction: one read of the subtree, one UPDATE.
 */
@Component
class ResidenceLabels {

    /** Levels whose names appear in a label or key (see {@link Rooms#room(List)}). */
    private static final Set<AddressLevel> IN_LABEL = EnumSet.of(AddressLevel.COMPOUND, AddressLevel.BUILDING,
            AddressLevel.UNIT, AddressLevel.ROOM);

    private final JdbcClient jdbc;
    private final Rooms rooms;

    ResidenceLabels(JdbcClient jdbc, Rooms rooms) {
        this.jdbc = jdbc;
        this.rooms = rooms;
    }

    @EventListener
    void on(AddressNodeRenamed renamed) {
        if (IN_LABEL.contains(renamed.level())) {
            refresh(renamed.code(), renamed.path());
        }
    }

    /** After a move: only a node below compound level can land under another compound's name. */
    void moved(String code, String path) {
        boolean belowCompound = rooms.level(code, path)
                .filter(l -> l.ordinal() > AddressLevel.COMPOUND.ordinal()).isPresent();
        if (belowCompound) {
            refresh(code, path);
        }
    }

    /** Rebuilds label and key of the residences at or below the node {@code code} (now at {@code path}). */
    void refresh(String code, String path) {
        List<String> nodes = jdbc.sql("""
                        SELECT DISTINCT node_code FROM population.residence WHERE node_path <@ CAST(? AS ltree)""")
                .param(path).query(String.class).list();
        if (nodes.isEmpty()) {
            return;
        }
        Map<String, Rooms.Room> relabelled = rooms.subtree(code, path)
                .map(tree -> tree.map(nodes, chain -> Rooms.room(chain))).orElse(Map.of());
        if (relabelled.isEmpty()) {
            return;
        }
        List<Rooms.Room> now = List.copyOf(relabelled.values());
        jdbc.sql("""
                        UPDATE population.residence r SET address_label = v.label, room_key = v.key
                          FROM unnest(?::text[], ?::text[], ?::text[]) AS v(code, label, key)
                         WHERE r.node_code = v.code AND r.node_path <@ CAST(? AS ltree)
                           AND (r.address_label IS DISTINCT FROM v.label OR r.room_key IS DISTINCT FROM v.key)""")
                .params(relabelled.keySet().toArray(String[]::new),
                        now.stream().map(Rooms.Room::label).toArray(String[]::new),
                        now.stream().map(Rooms.Room::key).toArray(String[]::new), path)
                .update();
    }
}
