package org.beatbook.housing.internal;

import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeRenamed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Houses keep a copy of their address label (阳光新城 3号楼2单元501室) for lists and the ledger. When a node whose name
 * is part of it is renamed, or a subtree moves ({@link HousePaths}), the labels of every house at or below it are
 * rebuilt from the current names in the renaming transaction: one read of the subtree, one UPDATE.
 */
@Component
class HouseLabels {

    /** Levels whose names appear in a house's label (see {@link RoomPlaces#place(List)}). */
    private static final Set<AddressLevel> IN_LABEL = EnumSet.of(AddressLevel.COMPOUND, AddressLevel.BUILDING,
            AddressLevel.UNIT, AddressLevel.ROOM, AddressLevel.PLACE);

    private final HouseStore store;
    private final RoomPlaces places;

    HouseLabels(HouseStore store, RoomPlaces places) {
        this.store = store;
        this.places = places;
    }

    @EventListener
    void on(AddressNodeRenamed renamed) {
        if (IN_LABEL.contains(renamed.level())) {
            refresh(renamed.code(), renamed.path());
        }
    }

    /** After a move: only a node below compound level can land under another compound's name. */
    void moved(String code, String path) {
        boolean belowCompound = places.level(code, path)
                .filter(l -> l.ordinal() > AddressLevel.COMPOUND.ordinal()).isPresent();
        if (belowCompound) {
            refresh(code, path);
        }
    }

    /** Rebuilds the labels of the houses at or below the node {@code code} (now at {@code path}). */
    void refresh(String code, String path) {
        List<String> rooms = store.roomsUnder(path);
        if (rooms.isEmpty()) {
            return;
        }
        places.subtree(code, path).ifPresent(tree ->
                store.relabel(tree.map(rooms, chain -> RoomPlaces.place(chain).label())));
    }
}
