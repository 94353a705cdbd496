package org.beatbook.housing.internal;

import org.beatbook.address.AddressNodeMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Houses carry their room's path (scoping) and compound (figures); when a node of the address tree moves, the houses
 * below it move along in the moving transaction. A moved building or unit may land in another compound, so the
 * compound is looked up again unless the moved node lies above compound level, and the labels are rebuilt.
 */
@Component
class HousePaths {

    private final HouseStore store;
    private final RoomPlaces places;
    private final HouseLabels labels;

    HousePaths(HouseStore store, RoomPlaces places, HouseLabels labels) {
        this.store = store;
        this.places = places;
        this.labels = labels;
    }

    @EventListener
    void on(AddressNodeMoved moved) {
        String compound = places.compoundOf(moved.code(), moved.newPath());
        // a node above compounds (a community) has none itself: its houses keep theirs
        store.repath(moved.oldPath(), moved.newPath(), compound, compound != null);
        // a building moved to another compound is labelled with the new compound's name
        labels.moved(moved.code(), moved.newPath());
    }
}
