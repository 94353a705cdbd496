package org.beatbook.population;

import org.beatbook.shared.masking.Masking;

/**
 * A mainland China mobile number, normalised to its 11 digits ({@code 1[3-9]} followed by 9 digits).
 * Input may carry a {@code +86}, {@code 0086} or {@code 86} prefix and spaces, dashes, dots or
 * parentheses between digits; full-width digits count as digits. Landlines and foreign numbers are
 * refused with a reason. {@link #toString()} is masked.
 */
public record PhoneNumber(String value) {

    /** Why a number was refused. */
    public enum Problem implements Reason {
        BLANK("population.phone.blank"),
        /** A character other than digits, separators and a leading +; args: position (1-based), the character. */
        CHARACTERS("population.phone.characters"),
        /** A country code other than 86; arg: the digits after + or 00 (up to three). */
        COUNTRY_CODE("population.phone.countryCode"),
        /** Not 11 digits (after removing the prefix); arg: the number of digits. */
        LENGTH("population.phone.length"),
        /** 11 digits, but not 1[3-9]…: a landline or service number; arg: the first two digits. */
        NOT_MOBILE("population.phone.notMobile");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        @Override
        public String messageKey() {
            return messageKey;
        }
    }

    private static final int MAX_INPUT = 40;

    /** For an already normalised number (e.g. read from the database); use {@link #parse} for input. */
    public PhoneNumber {
        if (value == null || !value.matches("1[3-9][0-9]{9}")) {
            throw new IllegalArgumentException("not a normalised mainland mobile number");
        }
    }

    public static Checked<PhoneNumber> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Checked.rejected(Problem.BLANK);
        }
        if (raw.length() > MAX_INPUT) {
            return Checked.rejected(Problem.LENGTH, raw.length());
        }
        String input = raw.strip();
        StringBuilder digits = new StringBuilder(16);
        boolean plus = false;
        int position = 0;
        for (int i = 0; i < input.length(); ) {
            int c = input.codePointAt(i);
            i += Character.charCount(c);
            position++;
            if (c >= 0xFF01 && c <= 0xFF5E) {
                c -= 0xFEE0; // full-width ASCII
            }
            if (c >= '0' && c <= '9') {
                digits.append((char) c);
            } else if (c == '+' && digits.isEmpty() && !plus) {
                plus = true;
            } else if (!(c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '\u3000'
                    || c == '\u2010' || c == '\u2013')) {
                return Checked.rejected(Problem.CHARACTERS, position, new String(Character.toChars(c)));
            }
        }
        String d = digits.toString();
        if (plus || d.startsWith("00")) {
            String international = plus ? d : d.substring(2);
            if (international.length() < 3) {
                return Checked.rejected(Problem.LENGTH, d.length());
            }
            if (!international.startsWith("86")) {
                return Checked.rejected(Problem.COUNTRY_CODE, international.substring(0, Math.min(3, international.length())));
            }
            d = international.substring(2);
        } else if (d.length() == 13 && d.startsWith("86")) {
            d = d.substring(2);
        }
        if (d.length() != 11) {
            return Checked.rejected(Problem.LENGTH, d.length());
        }
        if (d.charAt(0) != '1' || d.charAt(1) < '3') {
            return Checked.rejected(Problem.NOT_MOBILE, d.substring(0, 2));
        }
        return Checked.valid(new PhoneNumber(d));
    }

    /** {@code 138****1234}. */
    public String masked() {
        return Masking.phone(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
