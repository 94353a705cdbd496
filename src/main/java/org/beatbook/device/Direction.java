package org.beatbook.device;

/** Which way a passage went, when the device knows. */
public enum Direction {
    IN, OUT
}
