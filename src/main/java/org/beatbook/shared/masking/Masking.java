package org.beatbook.shared.masking;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks identifiers for display, export and logs. One rule, applied on the server:
 * <ul>
 *   <li>ID number: first 3 and last 4 shown, the rest {@code *}: {@code 340***********001X};</li>
 *   <li>mobile: first 3 and last 4: {@code 138****1234};</li>
 *   <li>other documents and short values: fewer characters shown, never more than the rule's 7 of 18
 *       in proportion (see {@link #document(String)}).</li>
 * </ul>
 * The masked value keeps the length of the original, so a reader can tell an 18-character ID from a
 * 15-character one. Null gives null and blank gives an empty string; nothing here throws.
 */
public final class Masking {

    private static final char MASK = '*';

    // A GB 11643 number (18 or 15 characters), or a mainland mobile with an optional +86/0086/86 prefix and
    // spaces or dashes between digits. Order matters: an 18-character ID is tried before the mobile inside it,
    // and a prefixed mobile before a 15-digit legacy ID (0086 + 11 digits is also 15 digits).
    private static final Pattern SENSITIVE = Pattern.compile(
            "(?<!\\d)(?<id18>\\d{6}[ -]?\\d{8}[ -]?\\d{3}[\\dXx])(?!\\d)"
                    + "|(?<!\\d)(?<mobile>(?:(?:\\+|00)?86[ -]?)?1[ -]?[3-9](?:[ -]?\\d){9})(?!\\d)"
                    + "|(?<!\\d)(?<id15>\\d{15})(?!\\d)");

    private Masking() {
    }

    /** {@code 34052419800101001X} → {@code 340***********001X}. Spaces and dashes are dropped, x is upper-cased. */
    public static String idNumber(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        return document(compact(idNumber).replace("-", "").toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * {@code 13812341234}, {@code +86 138-1234-1234} → {@code 138****1234}. A mainland mobile loses its
     * country prefix and separators; any other number is masked by the general rule on its digits.
     */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() == 13 && digits.startsWith("86") && isMobile(digits.substring(2))) {
            digits = digits.substring(2);
        } else if (digits.length() == 15 && digits.startsWith("0086") && isMobile(digits.substring(4))) {
            digits = digits.substring(4);
        }
        if (digits.isEmpty()) {
            // Letters or symbols only: nothing to read, but do not echo it either.
            return mask(compact(phone).length());
        }
        return document(digits);
    }

    /**
     * Any document number (passport, permit, …): 11 or more characters show the first 3 and last 4;
     * 8–10 show the first 1 and last 3 ({@code E12345678} → {@code E*****678}); 5–7 show the first and
     * last one; shorter values are masked entirely.
     */
    public static String document(String number) {
        if (number == null) {
            return null;
        }
        String value = compact(number);
        int n = value.codePointCount(0, value.length());
        if (n == 0) {
            return "";
        }
        if (n >= 11) {
            return keep(value, 3, 4);
        }
        if (n >= 8) {
            return keep(value, 1, 3);
        }
        if (n >= 5) {
            return keep(value, 1, 1);
        }
        return mask(n);
    }

    /**
     * Masks everything in free text that looks like a GB 11643 number (18 or 15 characters, with or without
     * spaces or dashes between its parts) or a mainland mobile (optionally +86/0086/86, with spaces or
     * dashes), e.g. before the text is logged or written to the audit log. Full-width digits count as digits.
     * Errs on the side of masking: a number need not pass the check-character test to be masked.
     */
    public static String scrub(String text) {
        if (text == null || fewerDigitsThan(text, MIN_SENSITIVE_DIGITS)) {
            return text;
        }
        String folded = foldWidth(text);
        Matcher m = SENSITIVE.matcher(folded);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            out.append(text, last, m.start());
            if (m.group("mobile") != null) {
                out.append(phone(m.group("mobile")));
            } else {
                out.append(idNumber(m.group()));
            }
            last = m.end();
        } while (m.find());
        out.append(text, last, text.length());
        return out.toString();
    }

    private static boolean isMobile(String digits) {
        return digits.length() == 11 && digits.charAt(0) == '1' && digits.charAt(1) >= '3';
    }

    private static String compact(String value) {
        StringBuilder b = new StringBuilder(value.length());
        value.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String keep(String value, int head, int tail) {
        int[] cps = value.codePoints().toArray();
        StringBuilder b = new StringBuilder(cps.length);
        for (int i = 0; i < cps.length; i++) {
            if (i < head || i >= cps.length - tail) {
                b.appendCodePoint(cps[i]);
            } else {
                b.append(MASK);
            }
        }
        return b.toString();
    }

    private static String mask(int length) {
        return String.valueOf(MASK).repeat(length);
    }

    /** Full-width digits, X, plus, minus and the ideographic space folded one-for-one, so offsets stay valid. */
    /** The fewest digits anything {@link #scrub} masks has: a mobile's 11. */
    private static final int MIN_SENSITIVE_DIGITS = 11;

    /** A cheap first look (most device payloads hold a few small numbers): fewer digits, nothing to mask. */
    private static boolean fewerDigitsThan(String text, int n) {
        int digits = 0;
        for (int i = 0; i < text.length() && digits < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || c >= '\uFF10' && c <= '\uFF19') {
                digits++;
            }
        }
        return digits < n;
    }

    private static String foldWidth(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF10' && c <= '\uFF19') {
                chars[i] = (char) ('0' + (c - '\uFF10'));
            } else if (c == '\uFF38' || c == '\uFF58') {
                chars[i] = 'X';
            } else if (c == '\uFF0B') {
                chars[i] = '+';
            } else if (c == '\uFF0D' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013') {
                chars[i] = '-';
            } else if (c == '\u3000' || c == '\u00A0') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }
}
