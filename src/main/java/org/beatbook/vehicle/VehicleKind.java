package org.beatbook.vehicle;

/** A motor vehicle (机动车, known by its plate) or an e-bike (电动自行车, known by its RFID tag). */
public enum VehicleKind {
    MOTOR, EBIKE;

    public String messageKey() {
        return "vehicle.kind." + name();
    }
}
