package org.beatbook.organisation;

import java.util.Locale;
import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of the code alphabet (digits and
 * upper-case letters without I, O, S, V, Z): registration authority, organisation type, the 6-digit division code
 * of the registering office, the 9-character organisation code, and a check character computed modulo 31.
 */
public final class CreditCode {

    /** The 31 characters a code is written in (no I, O, S, V, Z); a character's index is its value. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Why a typed code is not one; each names its message key {@code organisation.creditCode.<name>}. */
    public enum Problem {
        LENGTH, CHARACTER, DIVISION, CHECK;

        public String messageKey() {
            return "organisation.creditCode." + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The outcome of checking typed text: the code, or the problem with its message arguments.
     *
     * @param args for LENGTH the length; CHARACTER the position and character; CHECK the expected and typed character
     */
    public record Checked(CreditCode code, Problem problem, Object[] args) {
        public boolean valid() {
            return code != null;
        }
    }

    private final String value;

    private CreditCode(String value) {
        this.value = value;
    }

    /** The 18 characters, upper case. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreditCode c && c.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }

    /** Checks typed text: spaces dropped, letters upper-cased (full-width folded). */
    public static Checked parse(String raw) {
        String s = normalise(raw);
        if (s.length() != 18) {
            return new Checked(null, Problem.LENGTH, new Object[]{s.length()});
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return new Checked(null, Problem.CHARACTER, new Object[]{i + 1, String.valueOf(s.charAt(i))});
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return new Checked(null, Problem.DIVISION, new Object[]{s.substring(2, 8)});
            }
        }
        char expected = checkCharacter(s.substring(0, 17));
        if (s.charAt(17) != expected) {
            return new Checked(null, Problem.CHECK, new Object[]{String.valueOf(expected), String.valueOf(s.charAt(17))});
        }
        return new Checked(new CreditCode(s), null, new Object[0]);
    }

    /** The code, if {@code raw} is one. */
    public static Optional<CreditCode> of(String raw) {
        return Optional.ofNullable(parse(raw).code());
    }

    /** The check character of the first 17 characters (which must be of the code alphabet). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a code character at " + (i + 1));
            }
            sum += v * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        if (raw.length() > 64) {
            return raw.substring(0, 64);
        }
        StringBuilder b = new StringBuilder(18);
        raw.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(c -> {
            if (c >= 0xFF01 && c <= 0xFF5E) {
                c -= 0xFEE0;
            }
            b.appendCodePoint(Character.toUpperCase(c));
        });
        return b.toString();
    }
}
