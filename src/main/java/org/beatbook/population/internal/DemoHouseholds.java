package org.beatbook.population.internal;

import org.beatbook.population.DivisionCodes;
import org.beatbook.population.IdNumber;
import org.beatbook.population.Relationship;
import org.beatbook.population.ResidenceType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo's residents, generated without a database (so the rules are testable and the loader only writes):
 * households per room, realistic names, ID numbers, phones, ages and residence types. Reproducible from the seed.
 */
final class DemoHouseholds {

    /** A room to fill, as the address tree has it. */
    record Room(String code, String path, String key, String label, String compound) { }

    /**
     * One resident with their residence.
     *
     * @param verifiedDaysAgo days since an officer last confirmed the residence
     * @param household       index of the household (one per room)
     */
    record Resident(String idNumber, String name, String sex, String ethnicity, LocalDate birthDate, String phone,
                    String householdDivision, List<String> tags, Room room, ResidenceType type,
                    Relationship relationship, LocalDate movedIn, int verifiedDaysAgo, int household) { }

    static final String ALONE = ResidentCounts.LIVING_ALONE;
    static final String CARE = ResidentCounts.NEEDS_CARE;

    /** Surnames by frequency (per mille, after the 2020 household-register ranking), the multi-reading ones raised. */
    private static final Object[][] SURNAMES = {
            {"王", 71}, {"李", 70}, {"张", 64}, {"刘", 53}, {"陈", 45}, {"杨", 31}, {"黄", 20}, {"赵", 20}, {"吴", 19},
            {"周", 19}, {"徐", 16}, {"孙", 15}, {"马", 14}, {"朱", 13}, {"胡", 13}, {"郭", 12}, {"何", 12}, {"林", 11},
            {"高", 11}, {"罗", 10}, {"郑", 10}, {"梁", 9}, {"谢", 8}, {"宋", 8}, {"唐", 8}, {"许", 7}, {"韩", 7},
            {"冯", 7}, {"邓", 7}, {"曹", 7}, {"彭", 6}, {"曾", 6}, {"肖", 6}, {"田", 6}, {"董", 5}, {"袁", 5},
            {"潘", 5}, {"于", 5}, {"蒋", 5}, {"蔡", 5}, {"余", 5}, {"杜", 4}, {"叶", 4}, {"程", 4}, {"苏", 4},
            {"魏", 4}, {"吕", 4}, {"丁", 4}, {"任", 4}, {"沈", 4}, {"姚", 4}, {"卢", 3}, {"姜", 3}, {"崔", 3},
            {"钟", 3}, {"谭", 3}, {"陆", 3}, {"汪", 3}, {"范", 3}, {"金", 3}, {"石", 3}, {"廖", 3}, {"贾", 3},
            {"夏", 3}, {"韦", 3}, {"方", 3}, {"白", 3}, {"邹", 2}, {"孟", 2}, {"熊", 2}, {"秦", 2}, {"江", 2},
            {"尹", 2}, {"薛", 2}, {"段", 2}, {"雷", 2}, {"侯", 2}, {"龙", 2}, {"史", 2}, {"陶", 2}, {"贺", 2},
            {"顾", 2}, {"毛", 2}, {"郝", 2}, {"龚", 2}, {"邵", 2}, {"万", 2}, {"钱", 2}, {"严", 2}, {"戴", 2},
            {"单", 2}, {"解", 1}, {"仇", 1}, {"区", 1}, {"欧阳", 1}, {"诸葛", 1}, {"司马", 1}};
    private static final String MALE_OLD = "国建华明军平志强永文德福庆广海金春林荣伟刚勇";
    private static final String FEMALE_OLD = "秀英桂兰芳玉珍凤琴霞梅红华萍丽淑云美";
    private static final String MALE_YOUNG = "浩宇轩子涵博文俊杰鹏飞晨阳睿泽一铭辰逸宇航天佑";
    private static final String FEMALE_YOUNG = "欣怡梓涵雨萱诗琪佳悦可馨思彤婉清紫若梦瑶雪婷";
    /** Migrants' home provinces, neighbours first. */
    private static final String[] PROVINCES = {"32", "32", "41", "41", "37", "33", "36", "42", "51", "43", "13", "35"};
    private static final String[] MOBILE = {"130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
            "151", "152", "155", "156", "157", "158", "159", "166", "173", "177", "180", "181", "182", "183", "185",
            "186", "187", "188", "189", "191", "198", "199"};

    private final Random random;
    private final LocalDate today;
    private final List<String> local;
    private final List<String> anhui;
    private final Map<String, List<String>> migrant;
    private final int[] surnameWeights;
    private final int surnameTotal;
    private final Set<String> idBodies = new HashSet<>();
    private final Set<String> phones = new HashSet<>();
    private final List<Resident> out = new ArrayList<>();
    private int households;
    private int tenantRooms;

    DemoHouseholds(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
        DivisionCodes table = DivisionCodes.table();
        this.local = table.currentCounties("3405");
        this.anhui = table.currentCounties("34");
        Map<String, List<String>> m = new java.util.HashMap<>();
        for (String p : PROVINCES) {
            m.computeIfAbsent(p, table::currentCounties);
        }
        this.migrant = m;
        surnameWeights = new int[SURNAMES.length];
        int total = 0;
        for (int i = 0; i < SURNAMES.length; i++) {
            total += (Integer) SURNAMES[i][1];
            surnameWeights[i] = total;
        }
        surnameTotal = total;
    }

    int tenantRooms() {
        return tenantRooms;
    }

    /**
     * Fills rooms until each compound holds its target number of residents; rooms never reached stay empty. When a
     * compound's rooms are all taken first, its remaining residents lodge as temporary residents with households.
     */
    List<Resident> fill(List<Room> rooms, Map<String, Integer> targets) {
        Map<String, List<Room>> byCompound = new java.util.LinkedHashMap<>();
        for (Room r : rooms) {
            byCompound.computeIfAbsent(r.compound(), c -> new ArrayList<>()).add(r);
        }
        for (var e : byCompound.entrySet()) {
            int target = targets.getOrDefault(e.getKey(), 0);
            List<Room> shuffled = new ArrayList<>(e.getValue());
            Collections.shuffle(shuffled, random);
            int start = out.size();
            int i = 0;
            while (out.size() - start < target && i < shuffled.size()) {
                household(shuffled.get(i++), target - (out.size() - start));
            }
            while (out.size() - start < target) {
                Resident host = out.get(start + random.nextInt(out.size() - start));
                int age = 18 + random.nextInt(50);
                boolean male = random.nextBoolean();
                add(host.room(), ResidenceType.TEMPORARY, null, born(age), male, randomSurname(), localOrigin(0.5),
                        recent(120), host.household());
            }
        }
        return out;
    }

    private void household(Room room, int roomLeft) {
        int h = households++;
        int kind = random.nextInt(1000);
        if (kind < 165) {
            tenantRooms++;
            int n = Math.min(roomLeft, 1 + random.nextInt(3));
            String surname = randomSurname();
            for (int k = 0; k < n; k++) {
                int age = 19 + random.nextInt(30);
                add(room, ResidenceType.TENANT, null, born(age), random.nextBoolean(),
                        k == 1 && n == 2 && random.nextBoolean() ? surname : randomSurname(), localOrigin(0.35),
                        recent(3 * 365), h);
            }
            return;
        }
        if (kind < 177) {
            int n = Math.min(roomLeft, 1 + random.nextInt(2));
            for (int k = 0; k < n; k++) {
                add(room, ResidenceType.SHORT_TERM_GUEST, null, born(20 + random.nextInt(40)), random.nextBoolean(),
                        randomSurname(), localOrigin(0.2), recent(7), h);
            }
            return;
        }
        int size = Math.min(roomLeft, size());
        boolean male = random.nextInt(10) < 7;
        String surname = randomSurname();
        int age = switch (size) {
            case 1 -> pick(22, 30, 45, 60, 70, 92);
            case 2 -> pick(24, 30, 50, 62, 72, 88);
            default -> 28 + random.nextInt(30);
        };
        LocalDate headBorn = born(age);
        LocalDate movedIn = today.minusDays(365L + random.nextInt(Math.max(1, Math.min(age - 20, 17)) * 365));
        add(room, ResidenceType.OWNER, null, headBorn, male, surname, localOrigin(0.88), movedIn, h);
        if (size == 1) {
            if (age >= 65) {
                Resident alone = out.remove(out.size() - 1);
                List<String> tags = new ArrayList<>(alone.tags());
                tags.add(0, ALONE);
                out.add(new Resident(alone.idNumber(), alone.name(), alone.sex(), alone.ethnicity(), alone.birthDate(),
                        alone.phone(), alone.householdDivision(), List.copyOf(tags), room, alone.type(), null,
                        alone.movedIn(), alone.verifiedDaysAgo(), h));
            }
            return;
        }
        int left = size - 1;
        boolean couple = size > 2 || random.nextInt(10) < 8;
        if (couple) {
            int spouseAge = Math.max(20, age + (male ? -random.nextInt(5) : random.nextInt(5)));
            add(room, ResidenceType.FAMILY, male ? Relationship.WIFE : Relationship.HUSBAND, born(spouseAge), !male,
                    randomSurname(), localOrigin(0.85), movedIn, h);
            left--;
        }
        int parents = size >= 5 ? 2 : size == 4 && random.nextBoolean() ? 1 : 0;
        int children = Math.max(0, left - parents);
        for (int c = 0; c < children; c++) {
            int childAge = Math.max(0, Math.min(age - 22, random.nextInt(Math.max(1, age - 21))));
            boolean son = random.nextBoolean();
            LocalDate childBorn = born(childAge);
            add(room, ResidenceType.FAMILY, son ? Relationship.SON : Relationship.DAUGHTER, childBorn, son,
                    male ? surname : random.nextInt(4) == 0 ? randomSurname() : surname, localOrigin(0.95),
                    childBorn.isAfter(movedIn) ? childBorn : movedIn, h);
        }
        for (int p = 0; p < parents; p++) {
            boolean father = parents == 1 ? random.nextBoolean() : p == 0;
            int parentAge = Math.min(96, age + 24 + random.nextInt(8));
            add(room, ResidenceType.FAMILY, father ? Relationship.FATHER : Relationship.MOTHER, born(parentAge), father,
                    father ? surname : randomSurname(), localOrigin(0.9), later(movedIn, 700), h);
        }
        if (random.nextInt(100) < 2 && roomLeft > size) {
            add(room, ResidenceType.TEMPORARY, null, born(18 + random.nextInt(60)), random.nextBoolean(),
                    randomSurname(), localOrigin(0.6), recent(120), h);
        }
    }

    /** Owner households: 1 to 6 persons, 3.3 on average. */
    private int size() {
        int r = random.nextInt(100);
        return r < 7 ? 1 : r < 27 ? 2 : r < 59 ? 3 : r < 82 ? 4 : r < 95 ? 5 : 6;
    }

    /** An age from a piecewise-uniform pyramid: {@code a..b} 40 %, {@code b..c} 30 %, {@code c..d} 20 %, {@code d..e} 10 % (f: cap). */
    private int pick(int a, int b, int c, int d, int e, int f) {
        int r = random.nextInt(100);
        int age = r < 40 ? a + random.nextInt(b - a) : r < 70 ? b + random.nextInt(c - b)
                : r < 90 ? c + random.nextInt(d - c) : d + random.nextInt(e - d);
        return Math.min(age + (r % 7 == 0 ? random.nextInt(Math.max(1, f - e)) : 0), f);
    }

    private LocalDate born(int age) {
        return today.minusYears(age).minusDays(1 + random.nextInt(364));
    }

    /** Up to {@code days} after {@code from}, never after today. */
    private LocalDate later(LocalDate from, int days) {
        LocalDate d = from.plusDays(random.nextInt(days));
        return d.isAfter(today) ? today : d;
    }

    private LocalDate recent(int days) {
        return today.minusDays(random.nextInt(days));
    }

    /** A county code: local (马鞍山) with probability {@code p}, else other Anhui (a fifth) or another province. */
    private String localOrigin(double p) {
        double r = random.nextDouble();
        if (r < p) {
            // 含山县 itself for most locals
            return random.nextInt(3) > 0 ? "340522" : local.get(random.nextInt(local.size()));
        }
        if (r < p + (1 - p) / 5) {
            return anhui.get(random.nextInt(anhui.size()));
        }
        List<String> counties = migrant.get(PROVINCES[random.nextInt(PROVINCES.length)]);
        return counties.get(random.nextInt(counties.size()));
    }

    private String randomSurname() {
        int r = random.nextInt(surnameTotal);
        for (int i = 0; i < surnameWeights.length; i++) {
            if (r < surnameWeights[i]) {
                return (String) SURNAMES[i][0];
            }
        }
        throw new IllegalStateException();
    }

    private String given(boolean male, LocalDate born) {
        boolean young = born.getYear() >= 1985;
        String pool = male ? (young ? MALE_YOUNG : MALE_OLD) : (young ? FEMALE_YOUNG : FEMALE_OLD);
        StringBuilder b = new StringBuilder().append(pool.charAt(random.nextInt(pool.length())));
        if (random.nextInt(100) >= (young ? 12 : 30)) {
            b.append(pool.charAt(random.nextInt(pool.length())));
        }
        return b.toString();
    }

    private void add(Room room, ResidenceType type, Relationship relationship, LocalDate born, boolean male,
                     String surname, String division, LocalDate movedIn, int household) {
        String id = idNumber(division, born, male);
        int age = born.until(today).getYears();
        String phone = age < 14 || age > 80 && random.nextBoolean() ? null : phone();
        List<String> tags = new ArrayList<>(2);
        if (age >= 80 && random.nextInt(3) == 0 || random.nextInt(1000) < 8) {
            tags.add(CARE);
        }
        int verified = random.nextInt(100) < 15 ? 91 + random.nextInt(400) : random.nextInt(85);
        String ethnicity = random.nextInt(100) < 97 ? "01" : random.nextBoolean() ? "03" : "08";
        out.add(new Resident(id, surname + given(male, born), male ? "1" : "2", ethnicity, born, phone, division,
                List.copyOf(tags), room, type, relationship, movedIn.isBefore(born) ? born : movedIn, verified, household));
    }

    /** A valid GB 11643 number, unique: sequence odd for men, even for women. */
    private String idNumber(String division, LocalDate born, boolean male) {
        String date = born.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        while (true) {
            int seq = random.nextInt(500) * 2 + (male ? 1 : 0);
            String body = division + date + String.format("%03d", seq);
            if (idBodies.add(body)) {
                return body + IdNumber.checkCharacter(body);
            }
        }
    }

    private String phone() {
        while (true) {
            String p = MOBILE[random.nextInt(MOBILE.length)] + String.format("%08d", random.nextInt(100_000_000));
            if (phones.add(p)) {
                return p;
            }
        }
    }
}
