package org.beatbook.alert.internal;

/** How a closed alert ended; the false-positive rate per rule is FALSE_POSITIVE over all closed. */
public enum Outcome {
    RECOVERED, FALSE_POSITIVE, OTHER;

    public String messageKey() {
        return "alert.outcome." + name();
    }
}
