package org.beatbook.device;

import java.util.List;

/** Demo devices for the demo community's compounds (called by the demo installation). */
public interface DeviceDemo {

    /**
     * Registers, per compound, a gate access controller, a plate camera and an e-bike reader (camera and reader
     * with GA/T 1400 DeviceIDs that start with the compound's division code), in one statement.
     *
     * @param compounds node codes of the compounds
     * @return their credentials, for demo-credentials.json
     */
    List<DemoDevice> load(List<String> compounds);

    /**
     * A demo device's credentials.
     *
     * @param compound     the compound's node code
     * @param token        HTTP/MQTT bearer token
     * @param viidDeviceId 20-digit GA/T 1400 DeviceID or null
     * @param viidPassword its HTTP Digest password or null
     */
    record DemoDevice(String deviceId, DeviceKind kind, String compound, String token, String viidDeviceId,
                      String viidPassword) { }
}
