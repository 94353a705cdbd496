package org.beatbook.vehicle.internal;

import org.beatbook.address.AddressNodeMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Vehicles carry their room's path for scoping: when a node moves, the vehicles below it move with it. */
@Component
class VehiclePaths {

    private final VehicleStore store;
    private final RegisteredVehicles registered;

    VehiclePaths(VehicleStore store, RegisteredVehicles registered) {
        this.store = store;
        this.registered = registered;
    }

    @EventListener
    void on(AddressNodeMoved moved) {
        store.move(moved.oldPath(), moved.newPath());
        registered.reloadAfterCommit();
    }
}
