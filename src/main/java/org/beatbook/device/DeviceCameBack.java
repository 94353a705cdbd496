package org.beatbook.device;

import java.time.Instant;

/**
 * A device that had gone silent ({@link DeviceWentSilent}) reported again.
 *
 * @param device the device
 * @param seenAt when its first report after the silence was received
 */
public record DeviceCameBack(DeviceRef device, Instant seenAt) { }
