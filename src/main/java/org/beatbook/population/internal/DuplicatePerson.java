package org.beatbook.population.internal;

import org.beatbook.population.internal.PersonViews.Duplicate;
import org.beatbook.shared.web.InvalidInput.Violation;

import java.util.List;

/** The entry matches persons already registered: answered 409 with them (masked), so the caller links instead. */
public class DuplicatePerson extends RuntimeException {

    private final List<Violation> violations;
    private final List<Duplicate> duplicates;

    public DuplicatePerson(List<Violation> violations, List<Duplicate> duplicates) {
        super("duplicate person: " + duplicates.stream().map(Duplicate::id).toList());
        this.violations = List.copyOf(violations);
        this.duplicates = List.copyOf(duplicates);
    }

    public List<Violation> violations() {
        return violations;
    }

    public List<Duplicate> duplicates() {
        return duplicates;
    }
}
