package org.beatbook.audit.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit log's safety net: whatever a module forgot to mask, the log does not keep. Anything that
 * looks like a GB 11643 resident ID number (18 characters with a plausible birth date; the check
 * character is deliberately not required) or a mainland mobile number ({@code 1[3-9]} + 9 digits,
 * optionally {@code +86}/{@code 86} and separators) keeps its first 3 and last 4 characters.
 * Digit runs longer than those (device ids, 48-digit object ids) are left alone.
 */
public final class PersonalDataMask {

    private static final Pattern ID_NUMBER = Pattern.compile(
            "(?<![0-9])(\\d{3})(\\d{3}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]))(\\d{3}[0-9Xx])(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![0-9])((?:\\+?86[- ]?)?1[3-9]\\d)([- ]?)(\\d{4})([- ]?)(\\d{4})(?![0-9])");

    private PersonalDataMask() {
    }

    public static String mask(String text) {
        if (text == null || text.length() < 11) {
            return text;
        }
        String s = replace(ID_NUMBER.matcher(text), m -> m.group(1) + "*".repeat(11) + m.group(3));
        return replace(MOBILE.matcher(s), m -> m.group(1) + m.group(2) + "****" + m.group(4) + m.group(5));
    }

    private static String replace(Matcher m, java.util.function.Function<Matcher, String> with) {
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
