package org.beatbook.vehicle;

import java.time.Instant;

/**
 * A registered vehicle as the in-memory registry holds it (no personal data).
 *
 * @param plate        canonical plate (motor vehicles; e-bikes when they carry one), or null
 * @param tag          canonical RFID tag (e-bikes), or null
 * @param nodeCode     the owner's room
 * @param nodePath     that room's path, for scoping
 * @param registeredAt when it was registered: the baseline for "not seen since" when it was never seen
 */
public record RegisteredVehicle(long id, VehicleKind kind, String plate, String tag, String nodeCode,
                                String nodePath, Instant registeredAt) { }
