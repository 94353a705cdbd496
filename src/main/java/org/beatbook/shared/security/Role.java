package org.beatbook.shared.security;

/**
 * The duties a user may hold; one per user, so the three separated duties
 * (system administration, security administration, audit) never meet in one account.
 */
public enum Role {
    SYSTEM_ADMIN,
    SECURITY_ADMIN,
    AUDITOR,
    STATION_LEADER,
    COMMUNITY_OFFICER,
    AUXILIARY_POLICE,
    COMMUNITY_WORKER;

    /** The Spring Security authority name, e.g. {@code ROLE_AUDITOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles that work with the community's operational data (addresses, residents, devices). */
    public boolean operational() {
        return this == STATION_LEADER || this == COMMUNITY_OFFICER || this == AUXILIARY_POLICE
                || this == COMMUNITY_WORKER;
    }
}
