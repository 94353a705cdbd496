package org.beatbook.device;

import java.util.UUID;

/**
 * An authenticated device, as the protocol adapters hand it to the pipeline.
 *
 * @param id           the registry id
 * @param deviceId     the device's own identifier (HTTP and MQTT); unique
 * @param viidDeviceId the 20-digit GA/T 1400 DeviceID, or null when the device does not speak GA/T 1400
 * @param kind         what the device is
 * @param nodeCode     the address node it is mounted at (compound gate, building door)
 * @param nodePath     that node's ltree path, for scoping
 */
public record DeviceRef(UUID id, String deviceId, String viidDeviceId, DeviceKind kind, String nodeCode,
                        String nodePath) { }
