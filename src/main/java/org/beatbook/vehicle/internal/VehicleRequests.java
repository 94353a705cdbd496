package org.beatbook.vehicle.internal;

import org.beatbook.vehicle.VehicleKind;

import java.time.Instant;

/** What callers send and get back. */
public final class VehicleRequests {

    private VehicleRequests() {
    }

    /** A new vehicle of a resident, registered at one of the owner's current rooms. */
    public record NewVehicle(VehicleKind kind, String plate, PlateColor plateColor, VehicleType vehicleType,
                             String tag, String brand, String colour, Long ownerId, String addressCode) { }

    /** Fields left out stay; an empty text clears an optional field. */
    public record VehicleChange(String plate, PlateColor plateColor, VehicleType vehicleType, String tag,
                                String brand, String colour, String addressCode) { }

    /**
     * A vehicle as readers see it: the owner by id and name only (open the person for more).
     *
     * @param lastSeenAt the latest device sighting, or null
     */
    public record VehicleView(long id, VehicleKind kind, String plate, PlateColor plateColor,
                              VehicleType vehicleType, String tag, String brand, String colour, long ownerId,
                              String ownerName, String addressCode, Instant registeredAt, Instant lastSeenAt,
                              int version) { }

    public record VehiclePage(java.util.List<VehicleView> items, int page, int size, boolean hasMore) { }
}
