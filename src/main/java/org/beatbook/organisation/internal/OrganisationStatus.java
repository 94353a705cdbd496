package org.beatbook.organisation.internal;

/** Whether a unit still operates; a closed unit stays for history. */
public enum OrganisationStatus {
    OPERATING, CLOSED;

    public String messageKey() {
        return "organisation.status." + name();
    }
}
