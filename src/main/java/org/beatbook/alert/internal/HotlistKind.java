package org.beatbook.alert.internal;

/** What a hotlist entry lists: a plate (motor vehicle or e-bike) or an e-bike RFID tag. */
public enum HotlistKind {
    PLATE, TAG;

    public String messageKey() {
        return "alert.hotlist.kind." + name();
    }
}
