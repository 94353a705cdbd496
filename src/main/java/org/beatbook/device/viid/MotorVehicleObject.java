package org.beatbook.device.viid;

import java.time.Instant;

/**
 * A GA/T 1400 motor vehicle (MotorVehicleObject) as Beatbook keeps it: the fields it stores, read leniently and
 * checked strictly by {@link ViidObjects}. Usable by anything that speaks GA/T 1400 (the upstream client too).
 *
 * @param motorVehicleId the 48-digit object id
 * @param deviceId       the 20-digit DeviceID of the camera, or null when the object did not name it
 * @param passTime       PassTime (yyyyMMddHHmmss, Asia/Shanghai) as an instant
 * @param plateNo        PlateNo as sent, or null when the vehicle has no (readable) plate
 * @param plateColor     PlateColor code as sent (numbers taken as text), or null
 * @param hasPlate       HasPlate, canonical (vendors send "1", 1, true, "Y"…); null when absent
 * @param vehicleClass   VehicleClass code, or null
 * @param imageCount     how many pictures SubImageList carried (Beatbook keeps no pictures)
 */
public record MotorVehicleObject(String motorVehicleId, String deviceId, Instant passTime, String plateNo,
                                 String plateColor, Boolean hasPlate, String vehicleClass, int imageCount) { }
