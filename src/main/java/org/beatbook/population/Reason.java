package org.beatbook.population;

/** Why a value was refused or deserves a warning; each reason has a message in the population bundle. */
public interface Reason {

    /** Key in {@code messages/population*.properties}; its arguments are the {@link Finding}'s. */
    String messageKey();
}
