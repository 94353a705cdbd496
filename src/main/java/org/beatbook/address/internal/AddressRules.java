package org.beatbook.address.internal;

import org.beatbook.address.AddressLevel;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.beatbook.address.AddressLevel.*;

/** The rules of the tree that need no database: which level hangs under which, code shape and generation, display order. */
public final class AddressRules {

    public static final int MAX_CODE_LENGTH = 40;
    public static final int MAX_NAME_LENGTH = 100;
    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{1,40}");

    private static final Map<AddressLevel, Set<AddressLevel>> PARENTS = new EnumMap<>(AddressLevel.class);
    private static final Map<AddressLevel, Integer> WIDTH = new EnumMap<>(AddressLevel.class);

    static {
        PARENTS.put(PROVINCE, EnumSet.noneOf(AddressLevel.class));
        PARENTS.put(CITY, EnumSet.of(PROVINCE));
        PARENTS.put(DISTRICT, EnumSet.of(CITY));
        PARENTS.put(STREET, EnumSet.of(DISTRICT));
        PARENTS.put(COMMUNITY, EnumSet.of(STREET));
        PARENTS.put(COMPOUND, EnumSet.of(COMMUNITY));
        PARENTS.put(BUILDING, EnumSet.of(COMPOUND));
        PARENTS.put(UNIT, EnumSet.of(BUILDING));
        PARENTS.put(FLOOR, EnumSet.of(BUILDING, UNIT));
        PARENTS.put(ROOM, EnumSet.of(BUILDING, UNIT, FLOOR));
        PARENTS.put(PLACE, EnumSet.of(STREET, COMMUNITY, COMPOUND));
        // GB/T 2260 division codes: 2 digits each for province, city, county; then ours
        WIDTH.put(PROVINCE, 2);
        WIDTH.put(CITY, 2);
        WIDTH.put(DISTRICT, 2);
        WIDTH.put(STREET, 3);
        WIDTH.put(COMMUNITY, 3);
        WIDTH.put(COMPOUND, 3);
        WIDTH.put(BUILDING, 3);
        WIDTH.put(UNIT, 2);
        WIDTH.put(FLOOR, 2);
        WIDTH.put(ROOM, 4);
        WIDTH.put(PLACE, 3);
    }

    private AddressRules() {
    }

    /** Levels a node of {@code level} may hang under (empty: only at the top, as a root). */
    public static Set<AddressLevel> parentLevels(AddressLevel level) {
        return PARENTS.get(level);
    }

    /** Whether a node of {@code child} level may hang under a node of {@code parent} level (null parent: a root). */
    public static boolean mayHangUnder(AddressLevel child, AddressLevel parent) {
        if (parent == null) {
            return child == PROVINCE || child == CITY || child == DISTRICT;
        }
        return PARENTS.get(child).contains(parent);
    }

    /** Levels that may be created under a node of {@code parent} level, top to bottom. */
    public static Set<AddressLevel> childLevels(AddressLevel parent) {
        EnumSet<AddressLevel> result = EnumSet.noneOf(AddressLevel.class);
        for (AddressLevel l : AddressLevel.values()) {
            if (PARENTS.get(l).contains(parent)) {
                result.add(l);
            }
        }
        return result;
    }

    /** Digits a generated code adds to its parent's code at this level. */
    public static int segmentWidth(AddressLevel level) {
        return WIDTH.get(level);
    }

    /** A code as typed, trimmed and upper-cased; null or blank becomes null. */
    public static String normalizeCode(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return code.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public static boolean wellFormedCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * The code of the child after {@code highestSegment} (the highest numeric segment of that width already used
     * under the parent, 0 for none); null when the width is exhausted or the code would be too long.
     */
    public static String nextCode(String parentCode, AddressLevel level, long highestSegment) {
        int width = segmentWidth(level);
        long next = highestSegment + 1;
        if (next >= Math.round(Math.pow(10, width)) || parentCode.length() + width > MAX_CODE_LENGTH) {
            return null;
        }
        return parentCode + String.format("%0" + width + "d", next);
    }

    /** Trimmed, inner whitespace collapsed, compatibility forms folded (全角 digits become ASCII). */
    public static String normalizeName(String name) {
        if (name == null) {
            return null;
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
        return n.isEmpty() ? null : n;
    }

    /**
     * Key for natural display order: each run of digits becomes its length (two digits) followed by the digits
     * without leading zeros, so "2号楼" sorts before "10号楼" and room 501 before 1201; letters are folded to lower case.
     */
    public static String sortKey(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        StringBuilder sb = new StringBuilder(n.length() + 8);
        int i = 0;
        while (i < n.length()) {
            char c = n.charAt(i);
            if (c >= '0' && c <= '9') {
                int start = i;
                while (i < n.length() && n.charAt(i) >= '0' && n.charAt(i) <= '9') {
                    i++;
                }
                String digits = n.substring(start, i).replaceFirst("^0+(?=.)", "");
                int len = Math.min(digits.length(), 99);
                sb.append(len < 10 ? "0" : "").append(len).append(digits);
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** Whether moving the node at {@code nodePath} under the node at {@code newParentPath} would make a cycle. */
    public static boolean wouldCycle(String nodePath, String newParentPath) {
        return newParentPath.equals(nodePath) || newParentPath.startsWith(nodePath + ".");
    }

    public static boolean validLatitude(Double lat) {
        return lat == null || (Double.isFinite(lat) && lat >= -90 && lat <= 90);
    }

    public static boolean validLongitude(Double lon) {
        return lon == null || (Double.isFinite(lon) && lon >= -180 && lon <= 180);
    }
}
