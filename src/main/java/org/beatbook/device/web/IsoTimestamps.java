package org.beatbook.device.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads the ISO-8601 timestamps devices send, such as {@code 2026-11-29T08:15:30.250+08:00} or one ending in Z,
 * exactly as {@link OffsetDateTime#parse(CharSequence)} does, but without its general-purpose machinery for the one
 * shape nearly every device sends: date, T, hours, minutes and seconds, an optional fraction of 1 to 9 digits, and
 * Z or an offset of hours and minutes. That parser's field maps were a fifth of the HTTP threads' CPU on the ingest
 * benchmark. Anything else (lower-case letters, no seconds, offsets with seconds, years beyond 9999) goes through
 * the JDK's parser, so what is accepted and refused is unchanged. (No brackets in these comments: Spring Modulith
 * reads the Javadoc index with a parser that counts them even inside strings.)
 */
final class IsoTimestamps {

    private IsoTimestamps() { }

    /** The instant, or {@link DateTimeException} when the text is not an ISO offset date-time. */
    static Instant parse(String text) {
        Instant fast = fast(text);
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    /** The common shape, or null when the text has another (the caller then asks the JDK's parser). */
    private static Instant fast(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 10 && isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if ((oh | om) < 0) {
                return null;
            }
            // range-checked as the JDK's parser checks them (hours ≤ 18, minutes ≤ 59): DateTimeException otherwise
            offset = s.charAt(i) == '+' ? ZoneOffset.ofHoursMinutes(oh, om) : ZoneOffset.ofHoursMinutes(-oh, -om);
        } else {
            return null;
        }
        // LocalDate.of / LocalTime.of refuse what the strict ISO parser refuses (Feb 30, 24:00, second 60)
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        int secondOfDay = LocalTime.of(hour, minute, second).toSecondOfDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + secondOfDay - offset.getTotalSeconds(), nanos);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The decimal number in the {@code count} characters from {@code from}, or -1 when one is not an ASCII digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
