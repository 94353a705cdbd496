package org.beatbook.shared.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * Input broke a rule. Each violation names the field and a message key (resolved in the caller's
 * language from the message bundles) with its arguments. Answered as 400 (or the given status,
 * e.g. 409 for a conflict) with an RFC 9457 body whose {@code errors} list the violations.
 */
public class InvalidInput extends RuntimeException {

    public record Violation(String field, String messageKey, Object... args) { }

    private final HttpStatus status;
    private final List<Violation> violations;

    public InvalidInput(HttpStatus status, List<Violation> violations) {
        super(violations.toString());
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    public InvalidInput(List<Violation> violations) {
        this(HttpStatus.BAD_REQUEST, violations);
    }

    public static InvalidInput of(String field, String messageKey, Object... args) {
        return new InvalidInput(List.of(new Violation(field, messageKey, args)));
    }

    public static InvalidInput conflict(String field, String messageKey, Object... args) {
        return new InvalidInput(HttpStatus.CONFLICT, List.of(new Violation(field, messageKey, args)));
    }

    public HttpStatus status() {
        return status;
    }

    public List<Violation> violations() {
        return violations;
    }
}
