package org.beatbook.population.internal;

import java.util.List;

/**
 * What callers send, as typed: strings, so that every bad value is reported with its field and rule
 * (a JSON type error would only say "expected LocalDate"). {@link PersonInput} turns them into commands.
 */
public final class PersonRequests {

    private PersonRequests() {
    }

    /**
     * A new resident at a room. {@code idNumber} is the document's number (a resident ID unless
     * {@code documentType} says otherwise). {@code confirmNew}: the caller has seen the possible duplicates
     * (same name and birth date, same phone) and registers a different person anyway. {@code linkExisting}:
     * if a person with this document exists, start the residence for them instead of answering 409.
     */
    public record NewPerson(String documentType, String idNumber, String name, List<String> formerNames, String sex,
                            String ethnicity, String birthDate, String phone, List<String> phones,
                            String householdDivision, String occupation, String employer, List<String> tags,
                            String addressCode, String residenceType, String relationship, String moveInDate,
                            Boolean confirmNew, Boolean linkExisting) { }

    /** A change: fields left out (or null) stay as they are; an empty list or text clears an optional field. */
    public record PersonChange(String name, List<String> formerNames, String sex, String ethnicity, String birthDate,
                               List<String> phones, String householdDivision, String occupation, String employer,
                               List<String> tags) { }

    public record NewResidence(String addressCode, String residenceType, String relationship, String moveInDate) { }

    public record EndResidence(String moveOutDate) { }

    public record Reveal(String purpose) { }
}
