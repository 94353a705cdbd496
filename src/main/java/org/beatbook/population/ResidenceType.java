package org.beatbook.population;

/** How a person lives at a room: the five kinds the registry and its API distinguish. */
public enum ResidenceType {
    /** Owns the room (业主). */
    OWNER,
    /** Family member of the owner or householder (家庭成员); carries a {@link Relationship}. */
    FAMILY,
    /** Rents the room (租户). */
    TENANT,
    /** Temporary resident, e.g. a relative staying for months (暂住人员). */
    TEMPORARY,
    /** Guest of an online short-term rental (网约房住客). */
    SHORT_TERM_GUEST;

    public String messageKey() {
        return "population.residenceType." + name();
    }
}
