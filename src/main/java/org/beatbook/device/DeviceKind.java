package org.beatbook.device;

/** What a device is. */
public enum DeviceKind {
    /** 门禁控制器: door and gate access controllers. */
    ACCESS_CONTROLLER,
    /** 道闸车牌识别: barrier-gate plate cameras. */
    PLATE_CAMERA,
    /** 电动车 RFID 读头. */
    EBIKE_READER,
    /** 报警传感器. */
    ALARM_SENSOR
}
