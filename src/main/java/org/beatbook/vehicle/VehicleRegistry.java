package org.beatbook.vehicle;

import org.beatbook.shared.security.Scope;

import java.time.Instant;
import java.util.Optional;

/**
 * What other modules may ask about registered vehicles. The look-ups by plate and tag answer from memory and are
 * cheap enough for every stored device event.
 */
public interface VehicleRegistry {

    /** The registered vehicle with this canonical plate, if any. */
    Optional<RegisteredVehicle> byPlate(String plate);

    /** The registered e-bike with this canonical tag, if any. */
    Optional<RegisteredVehicle> byTag(String tag);

    /**
     * When the vehicle was last seen by a device before the event {@code seq} (the store's sequence), whatever
     * order the stored-events handlers run in; empty when it was never seen before it.
     */
    Optional<Instant> seenBefore(long vehicleId, long seq);

    /** The vehicle with its owner's name and masked document, if the vehicle lies in {@code scope}. */
    Optional<VehicleOwner> owner(long vehicleId, Scope scope);

    /** @param ownerIdNumber masked */
    record VehicleOwner(long vehicleId, VehicleKind kind, String plate, String tag, String brand, String colour,
                        long ownerId, String ownerName, String ownerIdNumber, String addressCode) { }
}
