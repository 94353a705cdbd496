package org.beatbook.device;

/** What a device event reports. */
public enum EventKind {
    DOOR_OPEN, VEHICLE_PASS, EBIKE_PASS, HEARTBEAT, ALARM
}
