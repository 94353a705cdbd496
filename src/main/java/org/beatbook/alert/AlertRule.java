package org.beatbook.alert;

/** Why an alert was raised. */
public enum AlertRule {
    /** A plate or tag on a stolen-vehicle hotlist passed a device. */
    HOTLIST_HIT,
    /** A registered e-bike left between 00:00 and 05:00 (Asia/Shanghai). */
    EBIKE_NIGHT_EXIT,
    /** A registered vehicle not seen for 30 days left. */
    LONG_ABSENCE_EXIT,
    /** A device reported nothing for 10 minutes. */
    DEVICE_SILENT;

    public String messageKey() {
        return "alert.rule." + name();
    }
}
