package org.beatbook.population.internal;

import org.beatbook.population.DocumentNumber;
import org.beatbook.population.Ethnicity;
import org.beatbook.population.PhoneNumber;
import org.beatbook.population.Relationship;
import org.beatbook.population.ResidenceType;
import org.beatbook.population.Sex;
import org.beatbook.shared.web.InvalidInput.Violation;

import java.time.LocalDate;
import java.util.List;

/** Validated writes. Only {@link PersonInput} makes them, so every value here has passed its rule. */
public final class PersonCommands {

    private PersonCommands() {
    }

    /** The person's own facts; for a resident ID, birth date and sex are the number's. */
    public record Details(String name, List<String> formerNames, Sex sex, Ethnicity ethnicity, LocalDate birthDate,
                         List<PhoneNumber> phones, String householdDivision, String occupation, String employer,
                         List<String> tags) {
        public Details {
            formerNames = List.copyOf(formerNames);
            phones = List.copyOf(phones);
            tags = List.copyOf(tags);
        }
    }

    public record StartResidence(String addressCode, ResidenceType type, Relationship relationship, LocalDate moveIn) { }

    /** @param warnings accepted, but the user should see them (e.g. typed sex contradicts the ID number) */
    public record RegisterPerson(DocumentNumber document, Details details, StartResidence residence,
                                 boolean confirmNew, boolean linkExisting, List<Violation> warnings) {
        public RegisterPerson {
            warnings = List.copyOf(warnings);
        }
    }

    /** Null components stay unchanged. */
    public record ChangePerson(String name, List<String> formerNames, Sex sex, Ethnicity ethnicity, LocalDate birthDate,
                               List<PhoneNumber> phones, String householdDivision, String occupation, String employer,
                               List<String> tags) { }
}
