package org.beatbook.device;

import java.util.Optional;

/** How protocol adapters and other modules find and authenticate devices. */
public interface DeviceDirectory {

    /** The active device holding this HTTP/MQTT token (the bearer value, as sent). */
    Optional<DeviceRef> byToken(String token);

    /** The active device with this device id (MQTT client id / username). */
    Optional<DeviceRef> byDeviceId(String deviceId);

    /** The active device with this 20-digit GA/T 1400 DeviceID. */
    Optional<DeviceRef> byViidDeviceId(String viidDeviceId);

    /**
     * HA1 = MD5(viidDeviceId:realm:password) of the device's GA/T 1400 password, for verifying an HTTP Digest
     * response; empty when unknown.
     */
    Optional<String> viidDigestHa1(String viidDeviceId, String realm);
}
