package org.beatbook.vehicle.internal;

/** Plate colours of GA 36 (blue for small cars, yellow for large, green for new energy, …). */
public enum PlateColor {
    BLUE, YELLOW, GREEN, YELLOW_GREEN, WHITE, BLACK;

    public String messageKey() {
        return "vehicle.plateColor." + name();
    }
}
