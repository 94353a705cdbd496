package org.beatbook.population;

import org.beatbook.shared.web.InvalidInput;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking user input: either a normalised value, possibly with warnings the UI should
 * show (e.g. an ID number whose division code is not in the table), or the one reason it was refused.
 * Parsers return this instead of throwing, so that an import of 100,000 rows reports every bad row cheaply.
 */
public final class Checked<T> {

    private final T value;
    private final Finding rejection;
    private final List<Finding> warnings;

    private Checked(T value, Finding rejection, List<Finding> warnings) {
        this.value = value;
        this.rejection = rejection;
        this.warnings = List.copyOf(warnings);
    }

    public static <T> Checked<T> valid(T value) {
        return new Checked<>(value, null, List.of());
    }

    public static <T> Checked<T> valid(T value, List<Finding> warnings) {
        return new Checked<>(value, null, warnings);
    }

    public static <T> Checked<T> rejected(Reason reason, Object... args) {
        return new Checked<>(null, Finding.of(reason, args), List.of());
    }

    public static <T> Checked<T> rejected(Finding rejection) {
        return new Checked<>(null, rejection, List.of());
    }

    public boolean isValid() {
        return rejection == null;
    }

    /** The value; only call when {@link #isValid()}. */
    public T value() {
        if (rejection != null) {
            throw new IllegalStateException("rejected: " + rejection);
        }
        return value;
    }

    public Optional<T> toOptional() {
        return Optional.ofNullable(value);
    }

    /** Why the input was refused; empty when valid. */
    public Optional<Finding> rejection() {
        return Optional.ofNullable(rejection);
    }

    /** Things the user should see although the value was accepted. */
    public List<Finding> warnings() {
        return warnings;
    }

    /** The value, or an {@link InvalidInput} (400 problem) naming {@code field} and the reason. */
    public T orElseThrow(String field) {
        if (rejection != null) {
            throw InvalidInput.of(field, rejection.messageKey(), rejection.messageArgs());
        }
        return value;
    }

    @Override
    public String toString() {
        return rejection == null ? "Valid[" + value + ", warnings=" + warnings + "]" : "Rejected[" + rejection + "]";
    }
}
