package org.beatbook.device.viid;

import java.time.Instant;

/**
 * A GA/T 1400 non-motor vehicle (e-bike, NonMotorVehicleObject) as Beatbook keeps it.
 *
 * @param nonMotorVehicleId the 48-digit object id
 * @param deviceId          the 20-digit DeviceID of the camera, or null when the object did not name it
 * @param appearTime        AppearTime (yyyyMMddHHmmss, Asia/Shanghai) as an instant
 * @param plateNo           PlateNo (e-bike plate) as sent, or null
 * @param imageCount        how many pictures SubImageList carried
 */
public record NonMotorVehicleObject(String nonMotorVehicleId, String deviceId, Instant appearTime, String plateNo,
                                    int imageCount) { }
