package org.beatbook.housing.internal;

import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeRenamed;
import org.beatbook.address.AddressNodeView;
import org.beatbook.address.AddressSubtree;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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
        Optional<AddressSubtree> tree = places.subtree(code, path);
        if (tree.isEmpty()) {
            return;
        }
        List<String> codes = new ArrayList<>(rooms.size());
        List<String> labels = new ArrayList<>(rooms.size());
        for (String room : rooms) {
            List<AddressNodeView> chain = tree.get().chain(room);
            if (!chain.isEmpty()) {
                codes.add(room);
                labels.add(RoomPlaces.place(chain).label());
            }
        }
        store.relabel(codes, labels);
    }
}
