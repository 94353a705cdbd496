package org.beatbook.population;

import java.util.Optional;

/** Sex as coded by GB/T 2261.1-2003 (not the 0/1/2 of many admin frameworks). */
public enum Sex {
    UNKNOWN("0"),
    MALE("1"),
    FEMALE("2"),
    UNSTATED("9");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    /** The one-digit GB/T 2261.1 code. */
    public String code() {
        return code;
    }

    public String messageKey() {
        return "population.sex." + code;
    }

    public static Optional<Sex> fromCode(String code) {
        for (Sex sex : values()) {
            if (sex.code.equals(code)) {
                return Optional.of(sex);
            }
        }
        return Optional.empty();
    }

    /** Whether this sex is stated (male or female) and differs from {@code other}, also stated. */
    boolean contradicts(Sex other) {
        return isStated() && other != null && other.isStated() && this != other;
    }

    private boolean isStated() {
        return this == MALE || this == FEMALE;
    }
}
