package org.beatbook.population.internal;

import org.beatbook.population.AddressFake;
import org.beatbook.population.IdNumber;
import org.beatbook.population.NameKeys;
import org.beatbook.population.ResidenceType;
import org.beatbook.shared.security.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the suite. {@code ./mvnw -o -q test -Dtest=PersonSearchBenchmark -Dbeatbook.bench=true
 * -Dbeatbook.bench.persons=2000000} loads that many persons (realistic names incl. multi-reading and compound
 * surnames, valid ID numbers, one phone and one current residence each) with COPY into 50 compounds of one
 * community, then times each search kind over the whole community's scope (the widest a station holds) and over
 * one compound's: median and p99 of {@code beatbook.bench.runs} (default 200) varied queries per kind.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
@EnabledIfSystemProperty(named = "beatbook.bench", matches = "true")
class PersonSearchBenchmark {

    static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
            + "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解仇区查朴").split("");
    static final String[] COMPOUND_SURNAMES = {"欧阳", "司马", "诸葛", "上官", "尉迟"};
    static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞浩宇轩子涵欣怡梓晨雨佳琪俊峰建国志文博瑞思嘉";
    static final String[] DIVISIONS = {"340524", "110105", "320102", "440106", "510104", "330106"};
    static final int COMPOUNDS = 50;
    static final int BUILDINGS = 20;
    static final int UNITS = 3;
    static final int ROOMS = 60;

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired PersonSearch search;

    @Test
    void searchEachKind() throws Exception {
        int n = Integer.getInteger("beatbook.bench.persons", 2_000_000);
        int runs = Integer.getInteger("beatbook.bench.runs", 200);
        long t0 = System.nanoTime();
        List<String> names = load(n);
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("BENCH loaded %d persons in %d s (%.0f persons/s incl. keys, COPY, indexes, ANALYZE)%n",
                n, loadMs / 1000, n * 1000.0 / loadMs);

        Random random = new Random(7);
        Scope community = new Scope(List.of("B1"));
        Scope compound = new Scope(List.of("B1.B1C7"));
        Map<String, IntFunction<String>> kinds = new LinkedHashMap<>();
        kinds.put("full name (汉字)", i -> names.get(random.nextInt(names.size())));
        kinds.put("given name, 2 chars", i -> {
            String name = names.get(random.nextInt(names.size()));
            return name.substring(name.length() - 2);
        });
        kinds.put("surname + 1 char", i -> {
            String name = names.get(random.nextInt(names.size()));
            return name.substring(0, 2);
        });
        kinds.put("one char (surname)", i -> SURNAMES[random.nextInt(SURNAMES.length)]);
        kinds.put("full pinyin", i -> NameKeys.of(names.get(random.nextInt(names.size()))).fullPinyin().get(0));
        kinds.put("initials (3)", i -> NameKeys.of(names.get(random.nextInt(names.size()))).initials().get(0));
        kinds.put("initials (2, e.g. jh)", i -> NameKeys.of(names.get(random.nextInt(names.size()))).initials().get(0).substring(0, 2));
        kinds.put("zeng/ceng, shan/dan", i -> new String[]{"zeng", "ceng", "shan", "dan", "xie", "jie"}[random.nextInt(6)]);
        kinds.put("ID last 6", i -> idNumber(random.nextInt(n)).substring(12));
        kinds.put("ID last 4", i -> idNumber(random.nextInt(n)).substring(14));
        kinds.put("full ID", i -> idNumber(random.nextInt(n)));
        kinds.put("phone last 4", i -> phone(random.nextInt(n)).substring(7));
        kinds.put("full phone", i -> phone(random.nextInt(n)));
        kinds.put("room 3-2-501", i -> (1 + random.nextInt(BUILDINGS)) + "-" + (1 + random.nextInt(UNITS)) + "-"
                + (1 + random.nextInt(ROOMS / 4)) + String.format("%02d", 1 + random.nextInt(4)));

        Map<String, PersonSearch.Filters> filtered = new LinkedHashMap<>();
        filtered.put("initials (2) + type TENANT", new PersonSearch.Filters(ResidenceType.TENANT, null, null, false));
        filtered.put("one char + tag 独居老人", new PersonSearch.Filters(null, "独居老人", null, false));
        filtered.put("one char + type SHORT_TERM_GUEST", new PersonSearch.Filters(ResidenceType.SHORT_TERM_GUEST, null, null, false));
        StringBuilder table = new StringBuilder();
        table.append(String.format("| kind | scope | median ms | p99 ms | max ms | hits (avg) |%n|---|---|---|---|---|---|%n"));
        for (var scope : List.of(Map.entry("community (" + n + ")", community), Map.entry("one compound", compound))) {
            for (var kind : kinds.entrySet()) {
                for (int w = 0; w < 10; w++) {
                    search.search(kind.getValue().apply(w), null, null, scope.getValue(), 0, 20);
                }
                double[] ms = new double[runs];
                long hits = 0;
                for (int i = 0; i < runs; i++) {
                    String q = kind.getValue().apply(i);
                    long s = System.nanoTime();
                    hits += search.search(q, null, null, scope.getValue(), 0, 20).items().size();
                    ms[i] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(ms);
                String line = String.format("| %s | %s | %.1f | %.1f | %.1f | %.1f |%n", kind.getKey(), scope.getKey(),
                        ms[runs / 2], ms[(int) Math.ceil(runs * 0.99) - 1], ms[runs - 1], hits / (double) runs);
                System.out.print("BENCH " + line);
                table.append(line);
            }
        }
        for (var f : filtered.entrySet()) {
            IntFunction<String> q = f.getKey().startsWith("one char") ? kinds.get("one char (surname)")
                    : kinds.get("initials (2, e.g. jh)");
            double[] ms = new double[runs];
            long hits = 0;
            for (int i = 0; i < runs + 10; i++) {
                long s = System.nanoTime();
                int found = search.search(q.apply(i), f.getValue(), community, 0, 20).items().size();
                if (i >= 10) {
                    ms[i - 10] = (System.nanoTime() - s) / 1e6;
                    hits += found;
                }
            }
            Arrays.sort(ms);
            String line = String.format("| %s | community | %.1f | %.1f | %.1f | %.1f |%n", f.getKey(),
                    ms[runs / 2], ms[(int) Math.ceil(runs * 0.99) - 1], ms[runs - 1], hits / (double) runs);
            System.out.print("BENCH " + line);
            table.append(line);
        }
        System.out.println("BENCH results\n" + table);
        assertThat(jdbc.sql("select count(*) from population.person").query(Long.class).single()).isGreaterThanOrEqualTo(n);
    }

    /** Person i's ID number: division i%6, then (sequence, birth day) unique per division. */
    static String idNumber(int i) {
        int rest = i / DIVISIONS.length;
        int seq = rest % 1000;
        int day = rest / 1000;
        LocalDate born = LocalDate.of(1940, 1, 1).plusDays((day * 47L + seq * 13L) % 29_000);
        String body = DIVISIONS[i % DIVISIONS.length] + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
        return body + IdNumber.checkCharacter(body);
    }

    static String phone(int i) {
        return "13" + String.format("%09d", (i * 7919L) % 1_000_000_000L);
    }

    private List<String> load(int n) throws Exception {
        Random random = new Random(42);
        Map<String, SearchKeys> keys = new HashMap<>();
        List<String> sample = new ArrayList<>();
        long base = 10_000_000L;
        int batch = 100_000;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            // The person indexes are built once after the load (minutes faster than maintaining them row by row);
            // residence's stay, the key trigger looks persons' residences up through them.
            // as the schema owner (the pool's connections SET ROLE beatbook_app, which may not drop indexes)
            st.execute("reset role");
            List<String> indexes = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("""
                    select indexname, indexdef from pg_indexes i where schemaname = 'population'
                      and tablename in ('person', 'person_phone', 'person_name_key')
                      and not exists (select 1 from pg_constraint k where k.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)""")) {
                while (rs.next()) {
                    st.addBatch("drop index population." + rs.getString(1));
                    indexes.add(rs.getString(2));
                }
            }
            st.executeBatch();
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (int from = 0; from < n; from += batch) {
                StringBuilder persons = new StringBuilder(batch * 200);
                StringBuilder phones = new StringBuilder(batch * 40);
                StringBuilder residences = new StringBuilder(batch * 160);
                for (int i = from; i < Math.min(n, from + batch); i++) {
                    String name = name(random);
                    if (sample.size() < 5000 && random.nextInt(50) == 0) {
                        sample.add(name);
                    }
                    SearchKeys k = keys.computeIfAbsent(name, x -> SearchKeys.of(x, List.of()));
                    String id = idNumber(i);
                    long pid = base + i;
                    String sex = (id.charAt(16) - '0') % 2 == 1 ? "1" : "2";
                    String born = id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14);
                    String tags = random.nextInt(50) == 0 ? "{独居老人}" : "{}";
                    int cpd = 1 + random.nextInt(COMPOUNDS);
                    int b = 1 + random.nextInt(BUILDINGS);
                    int u = 1 + random.nextInt(UNITS);
                    int floor = 1 + random.nextInt(ROOMS / 4);
                    int r = 1 + random.nextInt(4);
                    String room = floor + String.format("%02d", r);
                    String cc = "B1C" + cpd;
                    String path = "B1." + cc + "." + cc + "B" + b + "." + cc + "B" + b + "U" + u + "." + cc + "B" + b + "U" + u + "R" + room;
                    int t = random.nextInt(100);
                    String type = t < 40 ? "OWNER" : t < 75 ? "FAMILY" : t < 95 ? "TENANT" : t < 99 ? "TEMPORARY" : "SHORT_TERM_GUEST";
                    // what the residence trigger would compute (V3); written here so the trigger finds nothing to change
                    String residenceKeys = "{" + path.replace('.', ',') + "," + type + "}";
                    persons.append(pid).append('\t').append("RESIDENT_ID\t").append(id).append('\t').append(name)
                            .append("\t{}\t").append(sex).append("\t01\t").append(born).append('\t').append(tags)
                            .append('\t').append(k.text()).append('\t').append(array(k.pieces())).append('\t')
                            .append(array(k.keys())).append('\t')
                            .append(residenceKeys).append('\n');
                    phones.append(pid).append("\t0\t").append(phone(i)).append('\n');
                    residences.append(pid).append('\t').append(path.substring(path.lastIndexOf('.') + 1)).append('\t')
                            .append(path).append('\t').append(b).append('-').append(u).append('-').append(room).append('\t')
                            .append("小区").append(cpd).append(' ').append(b).append("号楼").append(u).append("单元").append(room).append("室\t")
                            .append(type).append('\t').append(type.equals("FAMILY") ? "10" : "\\N").append("\t2020-01-01\tbench\n");
                }
                copy.copyIn("copy population.person (id, document_type, document_number, name, former_names, sex, ethnicity,"
                        + " birth_date, tags, name_text, name_pieces, name_keys, residence_keys) from stdin", new StringReader(persons.toString()));
                copy.copyIn("copy population.person_phone (person_id, position, phone) from stdin", new StringReader(phones.toString()));
                copy.copyIn("copy population.residence (person_id, node_code, node_path, room_key, address_label, residence_type,"
                        + " relationship, moved_in, started_by) from stdin", new StringReader(residences.toString()));
                System.out.printf("BENCH copied %d%n", Math.min(n, from + batch));
            }
            st.execute("set maintenance_work_mem = '512MB'");
            for (String index : indexes) {
                st.execute(index);
            }
            // as the owner too: the pool's role may not ANALYZE (PostgreSQL skips the table with a warning), and the
            // search reads the tags' statistics to decide whether a tag goes first
            st.execute("analyze population.person");
            st.execute("analyze population.person_phone");
            st.execute("analyze population.person_name_key");
            st.execute("analyze population.residence");
            st.execute("set role beatbook_app");
        }
        return sample;
    }

    private static String name(Random random) {
        String surname = random.nextInt(100) < 2 ? COMPOUND_SURNAMES[random.nextInt(COMPOUND_SURNAMES.length)]
                : SURNAMES[(int) Math.min(SURNAMES.length - 1, Math.abs(random.nextGaussian()) * SURNAMES.length / 2.5)];
        StringBuilder b = new StringBuilder(surname);
        b.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        if (random.nextInt(10) < 7) {
            b.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return b.toString();
    }

    private static String array(String[] values) {
        return "{" + String.join(",", values) + "}";
    }
}
