package org.beatbook.vehicle.internal;

/** The kinds of motor vehicle a compound registers. */
public enum VehicleType {
    SMALL_CAR, LARGE_CAR, NEW_ENERGY_CAR, TRUCK, MOTORCYCLE, OTHER;

    public String messageKey() {
        return "vehicle.type." + name();
    }
}
