package org.beatbook.population;

import org.beatbook.shared.security.Scope;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What other modules (housing, organisation, vehicle …) may ask of the person index. Every read takes the caller's
 * scope: a person is in scope when one of their residences (current or past) lies within it. Values are masked; a
 * module that shows a person's data on a page records that read in the audit log itself.
 */
public interface PopulationApi {

    /** The person, if registered and within {@code scope}. */
    Optional<ResidentRef> find(long personId, Scope scope);

    /**
     * The persons holding these resident ID numbers (canonical, 18 characters), for readers that work on many rows
     * at once (the vehicle import): number → person id, a merged-away record answering its survivor. A person
     * without a current residence in {@code scope} is absent, exactly like an unknown number.
     */
    Map<String, Long> byIdNumbers(Collection<String> idNumbers, Scope scope);

    /** Current occupants of a room within {@code scope}; empty when the room is outside it. */
    List<ResidentRef> occupants(String roomCode, Scope scope);

    /**
     * Current residences of one type within {@code scope}, ordered by room: one query for readers that work on many
     * rooms at once (the housing demo picks its rented rooms from the tenants registered here).
     */
    List<CurrentResidence> currentResidences(ResidenceType type, Scope scope);

    /** A current residence: who (masked document) lives in which room since when. */
    record CurrentResidence(long personId, String name, String idNumber, String roomCode, LocalDate movedIn) { }

    /**
     * A person as other modules see them.
     *
     * @param idNumber      the document number, masked (340***********001X)
     * @param phone         the first phone, masked, or null
     * @param addressCode   the room of a current residence in scope, or null
     * @param residenceType the type of that residence, or null
     */
    record ResidentRef(long id, String name, String idNumber, String phone, String addressCode,
                       ResidenceType residenceType) { }
}
