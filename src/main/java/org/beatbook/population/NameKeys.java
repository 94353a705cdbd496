package org.beatbook.population;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search keys the registry indexes for a person's name, and the classification of what a user
 * types into the search box.
 *
 * <p><b>Pinyin keys.</b> Every reading of every character is covered, because the registry cannot know
 * which one a person uses (单 is “shan” as a surname, but people type “dan”). The surname (the first
 * character, or the first two for a compound surname such as 欧阳, 尉迟, 万俟) takes its surname
 * readings from a curated table ({@code 曾 zeng/ceng}, {@code 单 shan/dan}, {@code 解 xie/jie},
 * {@code 尉迟 yuchi}, {@code 万俟 moqi} …); other characters take all readings pinyin4j knows. ü is
 * written both as v and as u ({@code 吕 → lv, lu}).
 *
 * <p><b>Cap.</b> Readings multiply: a four-character name of multi-reading characters has hundreds of
 * spellings. Spellings are generated in order of likelihood (first-listed readings first; every
 * alternative reading of one character before combinations of two alternatives) and cut off at
 * {@value #MAX_SPELLINGS} full spellings per name, each character contributing at most
 * {@value #MAX_READINGS_PER_CHARACTER} readings. So the keys stay small (a GIN index entry per key)
 * while every single alternative reading still appears unless a name has unusually many multi-reading
 * characters. Initials are taken from the same spellings, without repeats.
 *
 * <p><b>Pieces.</b> PostgreSQL trigrams cannot find one or two Chinese characters inside a name, so each
 * name also gets its 1- and 2-character substrings for a {@code text[]} GIN index (ARCHITECTURE.md);
 * a 3-or-more-character query goes to the trigram index instead.
 */
public final class NameKeys {

    /** The keys for one name. All lists are distinct and in a stable order. */
    public record Keys(List<String> fullPinyin, List<String> initials, List<String> pieces) {

        public Keys {
            fullPinyin = List.copyOf(fullPinyin);
            initials = List.copyOf(initials);
            pieces = List.copyOf(pieces);
        }

        /** Whether a {@link SearchQuery.Kind#PINYIN} text finds this name: a prefix of a full spelling or of initials. */
        public boolean matchesPinyin(String text) {
            if (text == null || text.isEmpty()) {
                return false;
            }
            return fullPinyin.stream().anyMatch(k -> k.startsWith(text))
                    || initials.stream().anyMatch(k -> k.startsWith(text));
        }

        /** Whether a {@link SearchQuery.Kind#CHINESE} text of one or two characters is one of the pieces. */
        public boolean hasPiece(String text) {
            return pieces.contains(text);
        }
    }

    /** Upper bound of full-pinyin spellings per name (initials are derived from them). */
    public static final int MAX_SPELLINGS = 32;
    /** Upper bound of readings taken for one character. */
    public static final int MAX_READINGS_PER_CHARACTER = 4;
    /** Names longer than this (in characters) are cut for key generation; real names are far shorter. */
    static final int MAX_NAME_LENGTH = 40;

    /** Surname readings, the usual surname reading first. Readings outside pinyin4j's list are included on purpose. */
    private static final Map<String, List<String>> SURNAMES = Map.ofEntries(
            Map.entry("曾", List.of("zeng", "ceng")),
            Map.entry("单", List.of("shan", "dan")),
            Map.entry("解", List.of("xie", "jie")),
            Map.entry("仇", List.of("qiu", "chou")),
            Map.entry("区", List.of("ou", "qu")),
            Map.entry("查", List.of("zha", "cha")),
            Map.entry("朴", List.of("piao", "pu")),
            Map.entry("盖", List.of("ge", "gai")),
            Map.entry("尉", List.of("wei", "yu")),
            Map.entry("乐", List.of("yue", "le")),
            Map.entry("缪", List.of("miao", "mou", "miu")),
            Map.entry("召", List.of("shao", "zhao")),
            Map.entry("种", List.of("chong", "zhong")),
            Map.entry("秘", List.of("bi", "mi")),
            Map.entry("翟", List.of("zhai", "di")),
            Map.entry("覃", List.of("qin", "tan")),
            Map.entry("谌", List.of("chen", "shen")),
            Map.entry("繁", List.of("po", "fan")),
            Map.entry("宓", List.of("mi", "fu")),
            Map.entry("隗", List.of("wei", "kui")),
            Map.entry("员", List.of("yun", "yuan")),
            Map.entry("祭", List.of("zhai", "ji")),
            Map.entry("句", List.of("gou", "ju")),
            Map.entry("长", List.of("chang", "zhang")),
            Map.entry("柏", List.of("bai", "bo")),
            Map.entry("沈", List.of("shen")),
            Map.entry("重", List.of("chong", "zhong")),
            Map.entry("华", List.of("hua")),
            Map.entry("任", List.of("ren")),
            Map.entry("纪", List.of("ji")),
            Map.entry("冼", List.of("xian")),
            Map.entry("洗", List.of("xian", "xi")),
            Map.entry("折", List.of("she", "zhe")),
            Map.entry("那", List.of("na")),
            Map.entry("都", List.of("du", "dou")),
            Map.entry("车", List.of("che", "ju")),
            Map.entry("藏", List.of("zang", "cang")),
            Map.entry("万", List.of("wan", "mo")),
            Map.entry("燕", List.of("yan")),
            Map.entry("薄", List.of("bo")),
            Map.entry("黑", List.of("he", "hei")),
            Map.entry("令", List.of("ling")),
            Map.entry("能", List.of("nai", "neng")),
            Map.entry("尉迟", List.of("yu chi", "wei chi")),
            Map.entry("万俟", List.of("mo qi", "wan qi", "wan si")),
            Map.entry("单于", List.of("chan yu", "shan yu", "dan yu")),
            Map.entry("长孙", List.of("zhang sun", "chang sun")),
            Map.entry("澹台", List.of("tan tai")),
            Map.entry("令狐", List.of("ling hu")),
            Map.entry("乐正", List.of("yue zheng")),
            Map.entry("亓官", List.of("qi guan")),
            Map.entry("欧阳", List.of("ou yang")),
            Map.entry("司马", List.of("si ma")),
            Map.entry("上官", List.of("shang guan")),
            Map.entry("诸葛", List.of("zhu ge")),
            Map.entry("东方", List.of("dong fang")),
            Map.entry("皇甫", List.of("huang fu")),
            Map.entry("公孙", List.of("gong sun")),
            Map.entry("慕容", List.of("mu rong")),
            Map.entry("宇文", List.of("yu wen")),
            Map.entry("司徒", List.of("si tu")),
            Map.entry("司空", List.of("si kong")),
            Map.entry("夏侯", List.of("xia hou")),
            Map.entry("轩辕", List.of("xuan yuan")),
            Map.entry("端木", List.of("duan mu")),
            Map.entry("南宫", List.of("nan gong")),
            Map.entry("呼延", List.of("hu yan")),
            Map.entry("独孤", List.of("du gu")),
            Map.entry("西门", List.of("xi men")),
            Map.entry("申屠", List.of("shen tu")),
            Map.entry("钟离", List.of("zhong li")),
            Map.entry("闻人", List.of("wen ren")),
            Map.entry("赫连", List.of("he lian")),
            Map.entry("拓跋", List.of("tuo ba")),
            Map.entry("百里", List.of("bai li")),
            Map.entry("东郭", List.of("dong guo")),
            Map.entry("公羊", List.of("gong yang")),
            Map.entry("淳于", List.of("chun yu")),
            Map.entry("濮阳", List.of("pu yang")),
            Map.entry("太史", List.of("tai shi")),
            Map.entry("左丘", List.of("zuo qiu")),
            Map.entry("第五", List.of("di wu")));

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    }

    private static final Pattern ROOM = Pattern.compile(
            "(\\d{1,4})(?:-|栋|幢|号楼|号)(\\d{1,4})(?:(?:-|单元)(\\d{1,5})室?)?(?:室)?");
    private static final Pattern ROOM_SEPARATORS = Pattern.compile("[\\-_/#\u2010-\u2015\u2212\uFF0D]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+X?");
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9]{11,15}");
    private static final Pattern LETTERS = Pattern.compile("[a-z]+");
    private static final int MAX_QUERY = 64;
    private static final int BREAK = -1;

    private NameKeys() {
    }

    /** The search keys of a name; an empty or unusable name gives empty lists. */
    public static Keys of(String name) {
        List<Unit> units = units(name);
        List<String> pieces = pieces(units);
        List<List<String>> readings = new ArrayList<>(units.size());
        for (Unit unit : units) {
            if (!unit.readings.isEmpty()) {
                readings.add(unit.readings);
            }
        }
        if (readings.isEmpty()) {
            return new Keys(List.of(), List.of(), pieces);
        }
        Set<String> full = new LinkedHashSet<>();
        Set<String> initials = new LinkedHashSet<>();
        for (int[] choice : likeliest(readings, MAX_SPELLINGS)) {
            StringBuilder f = new StringBuilder();
            StringBuilder i = new StringBuilder();
            for (int u = 0; u < choice.length; u++) {
                for (String syllable : readings.get(u).get(choice[u]).split(" ")) {
                    f.append(syllable);
                    i.append(syllable.charAt(0));
                }
            }
            full.add(f.toString());
            initials.add(i.toString());
        }
        return new Keys(new ArrayList<>(full), new ArrayList<>(initials), pieces);
    }

    /**
     * Classifies a search box input and normalises it: full-width characters folded, white space
     * removed, letters lower-cased (ü as v). See {@link SearchQuery.Kind} for the kinds; a room
     * reference such as {@code 3-2-501}, {@code 3栋2单元501} or {@code 3号楼2单元501室} becomes
     * {@code 3-2-501}.
     */
    public static SearchQuery normaliseQuery(String input) {
        if (input == null || input.isBlank()) {
            return new SearchQuery(SearchQuery.Kind.EMPTY, "");
        }
        if (input.length() > MAX_QUERY) {
            return new SearchQuery(SearchQuery.Kind.UNRECOGNISED, "");
        }
        String s = compact(Normalizer.normalize(input, Normalizer.Form.NFKC));
        if (s.isEmpty()) {
            return new SearchQuery(SearchQuery.Kind.EMPTY, "");
        }
        if (s.length() > MAX_QUERY) {
            // NFKC can expand a character many times (U+FDFA becomes 18 characters).
            return new SearchQuery(SearchQuery.Kind.UNRECOGNISED, "");
        }
        String phoneText = s.replaceAll("[()\\-.]", "");
        if (PHONE_LIKE.matcher(phoneText).matches()) {
            Checked<PhoneNumber> phone = PhoneNumber.parse(phoneText);
            if (phone.isValid()) {
                return new SearchQuery(SearchQuery.Kind.PHONE, phone.value().value());
            }
        }
        Matcher room = ROOM.matcher(ROOM_SEPARATORS.matcher(s).replaceAll("-"));
        if (room.matches()) {
            String text = room.group(1) + "-" + room.group(2) + (room.group(3) == null ? "" : "-" + room.group(3));
            return new SearchQuery(SearchQuery.Kind.ROOM, text);
        }
        if (s.codePoints().anyMatch(NameKeys::isHan)) {
            StringBuilder han = new StringBuilder();
            s.codePoints().filter(NameKeys::isHan).forEach(han::appendCodePoint);
            return new SearchQuery(SearchQuery.Kind.CHINESE, han.toString());
        }
        String upper = s.toUpperCase(Locale.ROOT);
        String plain = upper.replaceAll("[\\-.]", "");
        if (plain.length() == 18 || plain.length() == 15) {
            Checked<IdNumber> id = IdNumber.parse(plain);
            if (id.isValid()) {
                return new SearchQuery(SearchQuery.Kind.ID_NUMBER, id.value().value());
            }
        }
        if (DIGITS.matcher(plain).matches()) {
            return new SearchQuery(plain.length() >= 4 ? SearchQuery.Kind.DIGITS : SearchQuery.Kind.DIGITS_TOO_SHORT, plain);
        }
        String letters = s.toLowerCase(Locale.ROOT).replace("ü", "v").replace("u:", "v").replace("'", "");
        if (LETTERS.matcher(letters).matches()) {
            return new SearchQuery(SearchQuery.Kind.PINYIN, letters);
        }
        return new SearchQuery(SearchQuery.Kind.UNRECOGNISED, s);
    }

    /** A run of the name that reads as one or more syllables: a Han character, a compound surname, or a Latin word. */
    private record Unit(String text, boolean han, List<String> readings) {
    }

    private static List<Unit> units(String name) {
        if (name == null) {
            return List.of();
        }
        // Letters only; anything else (space, ·, digits) becomes one BREAK, which separates Latin words.
        int[] cps = Normalizer.normalize(name, Normalizer.Form.NFKC).codePoints()
                .map(c -> isHan(c) || isLatinLetter(c) ? c : BREAK)
                .toArray();
        int kept = 0;
        int length = 0;
        for (int c : cps) {
            if (c != BREAK && kept++ == MAX_NAME_LENGTH) {
                break;
            }
            if (c != BREAK || (length > 0 && cps[length - 1] != BREAK)) {
                cps[length++] = c;
            }
        }
        while (length > 0 && cps[length - 1] == BREAK) {
            length--;
        }
        cps = Arrays.copyOf(cps, length);
        List<Unit> units = new ArrayList<>();
        int i = 0;
        if (cps.length > 0 && isHan(cps[0])) {
            String two = cps.length >= 3 && isHan(cps[1]) && isHan(cps[2]) ? new String(cps, 0, 2) : null;
            if (two != null && SURNAMES.containsKey(two)) {
                units.add(new Unit(two, true, SURNAMES.get(two)));
                i = 2;
            } else {
                String one = new String(cps, 0, 1);
                units.add(new Unit(one, true, SURNAMES.getOrDefault(one, readings(cps[0]))));
                i = 1;
            }
        }
        while (i < cps.length) {
            if (cps[i] == BREAK) {
                i++;
            } else if (isHan(cps[i])) {
                units.add(new Unit(new String(cps, i, 1), true, readings(cps[i])));
                i++;
            } else {
                int start = i;
                while (i < cps.length && isLatinLetter(cps[i])) {
                    i++;
                }
                String word = latinKey(new String(cps, start, i - start));
                if (!word.isEmpty()) {
                    units.add(new Unit(word, false, List.of(word)));
                }
            }
        }
        return units;
    }

    /**
     * All readings pinyin4j knows for a character, toneless, distinct, ü both as v and u, capped. Cached: pinyin4j
     * formats each lookup with regular expressions, and bulk work (import, the demo) asks for the same few thousand
     * characters again and again; the cache is bounded by the BMP's Han characters.
     */
    private static List<String> readings(int codePoint) {
        if (Character.isSupplementaryCodePoint(codePoint)) {
            return List.of();
        }
        return READINGS.computeIfAbsent(codePoint, NameKeys::lookUpReadings);
    }

    private static final java.util.concurrent.ConcurrentMap<Integer, List<String>> READINGS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static List<String> lookUpReadings(int codePoint) {
        String[] raw;
        try {
            raw = PinyinHelper.toHanyuPinyinStringArray((char) codePoint, FORMAT);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
        if (raw == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String r : raw) {
            if (r.isEmpty() || !LETTERS.matcher(r).matches()) {
                continue;
            }
            out.add(r);
            if (r.indexOf('v') >= 0) {
                out.add(r.replace('v', 'u'));
            }
        }
        return out.stream().limit(MAX_READINGS_PER_CHARACTER).toList();
    }

    private static List<String> pieces(List<Unit> units) {
        Set<String> pieces = new LinkedHashSet<>();
        List<String> run = new ArrayList<>();
        for (Unit unit : units) {
            if (!unit.han) {
                addPieces(run, pieces);
                run.clear();
                continue;
            }
            unit.text.codePoints().forEach(c -> run.add(new String(Character.toChars(c))));
        }
        addPieces(run, pieces);
        return new ArrayList<>(pieces);
    }

    private static void addPieces(List<String> run, Set<String> pieces) {
        for (int i = 0; i < run.size(); i++) {
            pieces.add(run.get(i));
        }
        for (int i = 0; i + 1 < run.size(); i++) {
            pieces.add(run.get(i) + run.get(i + 1));
        }
    }

    /**
     * Up to {@code limit} choices of one reading per unit, likeliest first: ordered by the sum of the chosen
     * readings' positions, so all single deviations from the first readings come before double ones.
     * Best-first search, so the work is bounded by {@code limit}, not by the product of the readings.
     */
    static List<int[]> likeliest(List<List<String>> readings, int limit) {
        int n = readings.size();
        PriorityQueue<int[]> queue = new PriorityQueue<>((a, b) -> {
            int c = Integer.compare(Arrays.stream(a).sum(), Arrays.stream(b).sum());
            return c != 0 ? c : Arrays.compare(a, b);
        });
        Set<String> seen = new HashSet<>();
        int[] first = new int[n];
        queue.add(first);
        seen.add(Arrays.toString(first));
        List<int[]> result = new ArrayList<>(limit);
        while (!queue.isEmpty() && result.size() < limit) {
            int[] next = queue.poll();
            result.add(next);
            for (int u = 0; u < n; u++) {
                if (next[u] + 1 < readings.get(u).size()) {
                    int[] child = next.clone();
                    child[u]++;
                    if (seen.add(Arrays.toString(child))) {
                        queue.add(child);
                    }
                }
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** Lower case, ü as v, other accents dropped, letters a–z only. */
    private static String latinKey(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace("ü", "v");
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("[^a-z]", "");
    }

    private static String compact(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static boolean isHan(int codePoint) {
        return codePoint >= 0 && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN && Character.isLetter(codePoint)
                || codePoint == '〇';
    }

    private static boolean isLatinLetter(int codePoint) {
        return codePoint >= 0 && codePoint < 0x250 && Character.isLetter(codePoint);
    }
}
