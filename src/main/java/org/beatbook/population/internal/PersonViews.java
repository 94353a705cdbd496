package org.beatbook.population.internal;

import org.beatbook.population.Ethnicity;
import org.beatbook.population.Relationship;
import org.beatbook.population.ResidenceType;
import org.beatbook.population.Sex;
import org.beatbook.shared.web.InvalidInput.Violation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What readers get. Document numbers and phones are masked in every view except {@link Revealed}. */
public final class PersonViews {

    private PersonViews() {
    }

    public record PersonView(long id, String documentType, String idNumber, String name, List<String> formerNames,
                             Sex sex, Ethnicity ethnicity, LocalDate birthDate, List<String> phones,
                             String householdDivision, String householdDivisionName, String occupation,
                             String employer, List<String> tags, int version, List<ResidenceView> residences) {

        public List<ResidenceView> currentResidences() {
            return residences.stream().filter(ResidenceView::current).toList();
        }
    }

    /**
     * @param verifiedAt when an officer last confirmed it (null: not since registration, {@code startedAt})
     * @param overdue    current and neither verified nor registered within the last 90 days
     */
    public record ResidenceView(long id, String addressCode, String addressLabel, String roomKey,
                                ResidenceType residenceType, Relationship relationship, LocalDate moveInDate,
                                LocalDate moveOutDate, boolean current, Instant verifiedAt, String verifiedBy,
                                boolean overdue) { }

    /** A search hit or a room occupant: the person and one current residence in the caller's scope. */
    public record PersonSummary(long id, String name, String idNumber, String phone, String addressCode,
                                String addressLabel, ResidenceType residenceType) { }

    /** @param kind how the query was understood (CHINESE, PINYIN, DIGITS, ROOM, …) */
    public record SearchPage(String kind, List<PersonSummary> items, int page, int size, boolean hasMore) { }

    public record Revealed(long id, String idNumber, List<String> phones) { }

    /** @param created false when an existing person was linked to the room instead */
    public record Registered(PersonView person, boolean created, List<Violation> warnings) { }

    /**
     * An existing person the new entry may be. Outside the caller's scope only a document match is reported,
     * and then without the name (the caller holds the document; a name would answer questions nobody asked).
     */
    public record Duplicate(long id, String name, String idNumber, String phone, String addressLabel,
                            List<String> matchedOn, boolean inScope) { }

    public record VersionView(int version, Instant changedAt, String changedBy, String change, String changes) { }
}
