package org.beatbook.organisation.internal;

/** The kinds of unit the registry knows (dictionary; labels in the message bundle). */
public enum OrganisationType {
    ENTERPRISE, SHOP, SCHOOL, HOSPITAL, PUBLIC_BODY, ASSOCIATION, TRANSPORT_HUB, OTHER;

    public String messageKey() {
        return "organisation.type." + name();
    }
}
