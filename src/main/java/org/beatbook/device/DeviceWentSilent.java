package org.beatbook.device;

import java.time.Instant;

/**
 * A device that had reported has sent nothing (no event, no heartbeat) for {@code beatbook.device.silent-after}
 * (10 minutes by default). Published once per silence; {@link DeviceCameBack} ends it.
 *
 * @param device   the device
 * @param lastSeen when Beatbook last received anything from it
 */
public record DeviceWentSilent(DeviceRef device, Instant lastSeen) { }
