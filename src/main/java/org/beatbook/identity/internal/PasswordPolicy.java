package org.beatbook.identity.internal;

import org.beatbook.shared.web.InvalidInput.Violation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a password must be: 10 to 64 characters (and at most 72 bytes, bcrypt's limit), at least one letter
 * and one digit, and not contain the username. Each broken rule is one violation with its own message key.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 64;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    public static List<Violation> check(String field, String password, String username) {
        List<Violation> violations = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            violations.add(new Violation(field, "identity.password.required"));
            return violations;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            violations.add(new Violation(field, "identity.password.tooShort", MIN_LENGTH));
        }
        if (length > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            violations.add(new Violation(field, "identity.password.tooLong", MAX_LENGTH));
        }
        if (password.codePoints().noneMatch(c -> Character.isLetter(c) && !Character.isDigit(c))) {
            violations.add(new Violation(field, "identity.password.letter"));
        }
        if (password.codePoints().noneMatch(c -> c >= '0' && c <= '9')) {
            violations.add(new Violation(field, "identity.password.digit"));
        }
        if (username != null && username.length() >= 3
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            violations.add(new Violation(field, "identity.password.containsUsername"));
        }
        return violations;
    }
}
