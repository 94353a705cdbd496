package org.beatbook.vehicle;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How plates and RFID tags are written, so a plate typed on a form, read by a camera or listed on a hotlist is the
 * same string: upper case, without spaces, dots or dashes ({@code 皖A·12345} → {@code 皖A12345}).
 */
public final class Plates {

    /** GA 36 motor-vehicle plates: province, issuing letter, 5 (or 6 for new energy) characters without I and O. */
    private static final Pattern MOTOR = Pattern.compile(
            "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]");
    /** E-bike plates differ by city: letters, digits and Han characters. */
    private static final Pattern EBIKE = Pattern.compile("[\\p{IsHan}A-Z0-9]{2,12}");
    private static final Pattern TAG = Pattern.compile("[0-9A-F]{8,32}");
    private static final Pattern NOISE = Pattern.compile("[\\s·•.\\-_:]");

    private Plates() {
    }

    /** The canonical form of a plate, or null for null or blank. */
    public static String plate(String raw) {
        if (raw == null) {
            return null;
        }
        if (canonical(raw)) { // the usual case on the ingest path: no copy, no regex
            return raw;
        }
        String p = NOISE.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
        return p.isEmpty() ? null : p;
    }

    /** The canonical form of an RFID tag (upper-case hex), or null for null or blank. */
    public static String tag(String raw) {
        return plate(raw);
    }

    private static boolean canonical(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x2E80; // CJK: province characters
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static boolean validMotorPlate(String canonical) {
        return canonical != null && MOTOR.matcher(canonical).matches();
    }

    public static boolean validEbikePlate(String canonical) {
        return canonical != null && EBIKE.matcher(canonical).matches();
    }

    public static boolean validTag(String canonical) {
        return canonical != null && TAG.matcher(canonical).matches();
    }
}
