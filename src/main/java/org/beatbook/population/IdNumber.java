package org.beatbook.population;

import org.beatbook.shared.masking.Masking;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A citizen identity number (公民身份号码) as specified by GB 11643-1999: 6-digit division code,
 * 8-digit birth date (yyyyMMdd), 3-digit sequence (odd for men, even for women) and a check
 * character (ISO 7064 MOD 11-2: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 maps to
 * {@code 1 0 X 9 8 7 6 5 4 3 2}).
 *
 * <p>Only {@link #parse} creates one, so an {@code IdNumber} is always valid and normalised: 18
 * characters, upper-case X. Residence permit numbers of Hong Kong, Macao and Taiwan residents
 * (prefixes 810000, 820000, 830000) share the layout and parse too; {@link #isResidencePermit()}
 * tells them apart.
 *
 * <p><b>15-digit numbers</b> (first generation, issued until 2004 to people born 1900–1999, no check
 * character) are converted, not rejected: the century “19” is inserted and the check character
 * computed, as GB 11643-1999 prescribes for the upgrade. The result carries the warning
 * {@link Problem#LEGACY_CONVERTED} so the UI can say so. Old paper records still carry such numbers,
 * and refusing them would make an officer invent an 18-digit number by hand.
 *
 * <p><b>Division codes</b>: the province prefix must exist in {@link DivisionCodes}; a six-digit code
 * missing from the table is accepted with the warning {@link Problem#DIVISION_UNLISTED}, because the
 * table lacks codes retired before 2002 that numbers of older people still carry.
 *
 * <p>{@link #toString()} is masked; use {@link #value()} only where the full number is needed.
 */
public final class IdNumber {

    /** Why a number was refused (rejections) or what the user should know (warnings, mismatches). */
    public enum Problem implements Reason {
        BLANK("population.idNumber.blank"),
        /** Not 18 (or legacy 15) characters; arg: the length given. */
        LENGTH("population.idNumber.length"),
        /** A character that may not stand there; args: position (1-based), the character. */
        CHARACTERS("population.idNumber.characters"),
        /** The first six characters cannot be a division code (e.g. 000000, 100000); arg: the code. */
        DIVISION_FORMAT("population.idNumber.divisionFormat"),
        /** No province has the first two digits; arg: the two digits. */
        DIVISION_UNKNOWN_PROVINCE("population.idNumber.divisionUnknownProvince"),
        /** Birth date is not a calendar date (19800230); arg: the eight digits. */
        DATE_IMPOSSIBLE("population.idNumber.dateImpossible"),
        /** Birth date before 1900-01-01; arg: the date. */
        DATE_BEFORE_1900("population.idNumber.dateBefore1900"),
        /** Birth date after today; arg: the date. */
        DATE_FUTURE("population.idNumber.dateFuture"),
        /** Check character wrong; args: expected, given. */
        CHECK_CHARACTER("population.idNumber.checkCharacter"),
        /** Warning: the six-digit code is in no revision of the table we ship; arg: the code. */
        DIVISION_UNLISTED("population.idNumber.divisionUnlisted"),
        /** Warning: a 15-digit number was converted to 18 digits. */
        LEGACY_CONVERTED("population.idNumber.legacyConverted"),
        /** Mismatch: typed birth date differs from the number's; args: from the number, typed. */
        BIRTH_DATE_MISMATCH("population.idNumber.birthDateMismatch"),
        /** Mismatch: the number says male, a different sex was typed. */
        SEX_MISMATCH_MALE("population.idNumber.sexMismatch.male"),
        /** Mismatch: the number says female, a different sex was typed. */
        SEX_MISMATCH_FEMALE("population.idNumber.sexMismatch.female");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        @Override
        public String messageKey() {
            return messageKey;
        }
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** Longer input is refused before any work is done on it. */
    private static final int MAX_INPUT = 64;

    private final String value;
    private final LocalDate birthDate;

    private IdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Parses against today's date in China. */
    public static Checked<IdNumber> parse(String raw) {
        return parse(raw, LocalDate.now(CHINA));
    }

    /**
     * Checks and normalises {@code raw}: surrounding and inner white space is ignored, full-width
     * digits and letters count as their ASCII forms, a lower-case x is accepted. Returns the first
     * rule broken, in the order length, characters, division code, date, check character.
     */
    public static Checked<IdNumber> parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return Checked.rejected(Problem.BLANK);
        }
        if (raw.length() > MAX_INPUT) {
            return Checked.rejected(Problem.LENGTH, raw.length());
        }
        String s = normalise(raw);
        int length = s.codePointCount(0, s.length());
        if (length != 15 && length != 18) {
            return Checked.rejected(Problem.LENGTH, length);
        }
        if (length != s.length()) {
            return firstBadCharacter(s, length);
        }
        List<Finding> warnings = new ArrayList<>(2);
        if (length == 15) {
            for (int i = 0; i < 15; i++) {
                if (!isDigit(s.charAt(i))) {
                    return Checked.rejected(Problem.CHARACTERS, i + 1, s.substring(i, i + 1));
                }
            }
            String body = s.substring(0, 6) + "19" + s.substring(6);
            s = body + checkCharacter(body);
            warnings.add(Finding.of(Problem.LEGACY_CONVERTED));
        }
        for (int i = 0; i < 17; i++) {
            if (!isDigit(s.charAt(i))) {
                return Checked.rejected(Problem.CHARACTERS, i + 1, s.substring(i, i + 1));
            }
        }
        char last = s.charAt(17);
        if (!isDigit(last) && last != 'X') {
            return Checked.rejected(Problem.CHARACTERS, 18, s.substring(17));
        }

        String division = s.substring(0, 6);
        if (division.charAt(0) == '0' || division.charAt(0) == '9' || division.charAt(1) == '0') {
            return Checked.rejected(Problem.DIVISION_FORMAT, division);
        }
        DivisionCodes table = DivisionCodes.table();
        if (table.province(division).isEmpty()) {
            return Checked.rejected(Problem.DIVISION_UNKNOWN_PROVINCE, division.substring(0, 2));
        }
        if (!table.isKnown(division)) {
            warnings.add(Finding.of(Problem.DIVISION_UNLISTED, division));
        }

        String digits = s.substring(6, 14);
        Optional<LocalDate> date = date(digits);
        if (date.isEmpty()) {
            return Checked.rejected(Problem.DATE_IMPOSSIBLE, digits);
        }
        LocalDate born = date.get();
        if (born.isBefore(EARLIEST)) {
            return Checked.rejected(Problem.DATE_BEFORE_1900, born);
        }
        if (born.isAfter(today)) {
            return Checked.rejected(Problem.DATE_FUTURE, born);
        }

        char expected = checkCharacter(s.substring(0, 17));
        if (expected != last) {
            return Checked.rejected(Problem.CHECK_CHARACTER, expected, last);
        }
        return Checked.valid(new IdNumber(s, born), warnings);
    }

    /**
     * The GB 11643 check character of the first 17 digits of {@code body} (only those are read).
     *
     * @throws IllegalArgumentException if {@code body} has fewer than 17 characters or a non-digit among them
     */
    public static char checkCharacter(CharSequence body) {
        if (body.length() < 17) {
            throw new IllegalArgumentException("need 17 digits, got " + body.length() + " characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = body.charAt(i);
            if (!isDigit(c)) {
                throw new IllegalArgumentException("not a digit at position " + (i + 1));
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** The full 18-character number; show {@link #masked()} instead wherever a person reads it. */
    public String value() {
        return value;
    }

    /** {@code 340***********001X}. */
    public String masked() {
        return Masking.idNumber(value);
    }

    /** The six-digit division code of the place where the number was first issued. */
    public String divisionCode() {
        return value.substring(0, 6);
    }

    /** The Chinese name of that division, if it is in the table ({@code 北京市 朝阳区} style joining is the UI's job). */
    public Optional<String> divisionName() {
        return DivisionCodes.table().name(divisionCode());
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** GB/T 2261.1 sex from the parity of the 17th digit: odd male, even female. */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** Whether this is the number of a Hong Kong, Macao or Taiwan resident's residence permit (810000/820000/830000). */
    public boolean isResidencePermit() {
        String d = divisionCode();
        return d.equals("810000") || d.equals("820000") || d.equals("830000");
    }

    /**
     * What a typed birth date and sex contradict in the number, as warnings the UI can show next to the
     * fields. Null, {@link Sex#UNKNOWN} and {@link Sex#UNSTATED} contradict nothing.
     */
    public List<Finding> mismatches(LocalDate typedBirthDate, Sex typedSex) {
        List<Finding> found = new ArrayList<>(2);
        if (typedBirthDate != null && !typedBirthDate.equals(birthDate)) {
            found.add(Finding.of(Problem.BIRTH_DATE_MISMATCH, birthDate, typedBirthDate));
        }
        if (sex().contradicts(typedSex)) {
            found.add(Finding.of(sex() == Sex.MALE ? Problem.SEX_MISMATCH_MALE : Problem.SEX_MISMATCH_FEMALE));
        }
        return found;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked, so that a number never reaches a log by accident. */
    @Override
    public String toString() {
        return masked();
    }

    /** The first character (by code point) that is not a digit, for input that contains supplementary characters. */
    private static Checked<IdNumber> firstBadCharacter(String s, int length) {
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            boolean allowed = cps[i] >= '0' && cps[i] <= '9' || (cps[i] == 'X' && i == length - 1 && length == 18);
            if (!allowed) {
                return Checked.rejected(Problem.CHARACTERS, i + 1, new String(Character.toChars(cps[i])));
            }
        }
        throw new IllegalStateException("unreachable: supplementary characters are never digits");
    }

    static String normalise(String raw) {
        StringBuilder b = new StringBuilder(20);
        raw.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return;
            }
            if (c >= 0xFF01 && c <= 0xFF5E) {
                c -= 0xFEE0; // full-width ASCII
            }
            b.appendCodePoint(c == 'x' ? 'X' : c);
        });
        return b.toString();
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** yyyyMMdd as a real calendar date. */
    static Optional<LocalDate> date(String yyyyMMdd) {
        try {
            int y = Integer.parseInt(yyyyMMdd.substring(0, 4));
            int m = Integer.parseInt(yyyyMMdd.substring(4, 6));
            int d = Integer.parseInt(yyyyMMdd.substring(6, 8));
            return Optional.of(LocalDate.of(y, m, d));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
