package org.beatbook.population.internal;

import org.beatbook.address.AddressDemo;
import org.beatbook.address.AddressDemo.DemoTree;
import org.beatbook.address.internal.AddressService;
import org.beatbook.dashboard.CompoundFigures;
import org.beatbook.dashboard.HomeTile;
import org.beatbook.population.IdNumber;
import org.beatbook.population.NameKeys;
import org.beatbook.population.PopulationDemo;
import org.beatbook.population.ResidenceType;
import org.beatbook.population.internal.PersonCommands.StartResidence;
import org.beatbook.population.internal.PersonViews.PersonSummary;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.security.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo community's residents as the first start loads them, searched, counted and moved with the tree. */
@SpringBootTest(properties = "beatbook.demo=true")
class PopulationDemoIntegrationTests {

    static final long SEED = 20261129;

    @Autowired AddressDemo addressDemo;
    @Autowired PopulationDemo populationDemo;
    @Autowired AddressService addresses;
    @Autowired PersonSearch search;
    @Autowired PersonRegistry registry;
    @Autowired ResidentsTile tile;
    @Autowired ResidentsByCompound figures;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    /** The schema owner's connections (the pool's role may not ANALYZE). */
    @Autowired @FlywayDataSource DataSource owner;

    DemoTree tree;
    Scope community;

    @BeforeEach
    void tree() {
        tree = addressDemo.load(SEED);
        community = addresses.scopeOf(List.of(tree.community()));
    }

    Caller caller(Role role, List<String> codes) {
        return new Caller(1, "test-" + role, "test", role, codes, addresses.scopeOf(codes));
    }

    long residents(Scope scope) {
        return jdbc.sql("select count(distinct person_id) from population.residence where moved_out is null"
                + " and node_path <@ cast(? as ltree[])").param(scope.sqlArray()).query(Long.class).single();
    }

    @Test
    void fourteenThousandResidentsWithValidIdNumbersOnce() {
        assertThat(residents(community)).isEqualTo(14_000);
        assertThat(residents(addresses.scopeOf(List.of(tree.largeCompound())))).isEqualTo(3_864);
        List<String> numbers = jdbc.sql("select document_number from population.person").query(String.class).list();
        assertThat(numbers).hasSize(14_000).allMatch(n -> IdNumber.parse(n).isValid());
        assertThat(jdbc.sql("select count(*) from population.person_version where version = 1").query(Long.class).single())
                .isEqualTo(14_000);
        assertThat(populationDemo.load(tree, SEED).persons()).isZero();
    }

    @Test
    void residenceKeysMatchTheResidences() {
        assertThat(jdbc.sql("""
                        select count(*) from population.person p
                        join population.residence_keys_for(array(select id from population.person)) k on k.person_id = p.id
                        where not (p.residence_keys @> k.keys and p.residence_keys <@ k.keys)""")
                .query(Long.class).single()).isZero();
    }

    @Test
    void multiReadingSurnamesAreFoundByEachReading() {
        Map<String, List<String>> readings = Map.of("曾", List.of("zeng", "ceng"), "单", List.of("shan", "dan"),
                "解", List.of("xie", "jie"), "仇", List.of("qiu", "chou"), "区", List.of("ou", "qu"));
        readings.forEach((surname, spellings) -> {
            List<Object[]> people = jdbc.sql("select id, name from population.person where name like ? order by id limit 3")
                    .param(surname + "%").query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)}).list();
            assertThat(people).as(surname).isNotEmpty();
            for (Object[] person : people) {
                String name = (String) person[1];
                for (String reading : spellings) {
                    String query = NameKeys.of(name).fullPinyin().stream().filter(k -> k.startsWith(reading))
                            .findFirst().orElseThrow(() -> new AssertionError(name + " has no key with " + reading));
                    List<Long> found = search.search(query, PersonSearch.Filters.NONE, community, 0, 100).items()
                            .stream().map(PersonSummary::id).toList();
                    assertThat(found).as(name + " by " + query).contains((Long) person[0]);
                }
                List<PersonSummary> byName = search.search(name, PersonSearch.Filters.NONE, community, 0, 20).items();
                assertThat(byName.get(0).name()).isEqualTo(name);
                assertThat(byName.get(0).idNumber()).contains("*");
            }
        });
    }

    @Test
    void keysFollowMovesOfTheTreeAndOfTheResident() {
        String from = tree.firstHalf().get(0);
        String to = tree.firstHalf().get(2);
        assertThat(List.of(from, to)).doesNotContain(tree.largeCompound());
        String building = addresses.children(from, community).get(0).code();
        Object[] person = jdbc.sql("""
                        select p.id, p.name from population.person p join population.residence r on r.person_id = p.id
                        where r.node_path ~ cast(? as lquery) order by p.id limit 1""")
                .param("*." + building + ".*").query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)}).single();
        long id = (Long) person[0];
        String name = (String) person[1];
        Caller admin = caller(Role.SYSTEM_ADMIN, List.of(tree.community()));

        addresses.move(building, to, admin);

        assertThat(keys(id)).contains(to, building).doesNotContain(from);
        assertThat(ids(search.search(name, PersonSearch.Filters.NONE, addresses.scopeOf(List.of(to)), 0, 100).items()))
                .contains(id);
        assertThat(ids(search.search(name, PersonSearch.Filters.NONE, addresses.scopeOf(List.of(from)), 0, 100).items()))
                .doesNotContain(id);
        assertThat(ids(search.search(name, new PersonSearch.Filters(null, null, to, false), community, 0, 100).items()))
                .contains(id);

        Caller officer = caller(Role.COMMUNITY_OFFICER, List.of(tree.community()));
        String otherRoom = addresses.descendants(tree.largeCompound(), org.beatbook.address.AddressLevel.ROOM, community)
                .get(0).code();
        var after = registry.addResidence(id, new StartResidence(otherRoom, ResidenceType.TEMPORARY, null,
                LocalDate.now()), officer);
        assertThat(keys(id)).contains(to, tree.largeCompound(), "TEMPORARY");
        long added = after.residences().stream().filter(r -> r.addressCode().equals(otherRoom)).findFirst().orElseThrow().id();
        registry.endResidence(id, added, LocalDate.now(), officer);
        assertThat(keys(id)).contains(to).doesNotContain(tree.largeCompound(), "TEMPORARY");
    }

    @Test
    void figuresAreCountedWithinTheCallersScopeOnly() {
        Caller auxiliary = caller(Role.AUXILIARY_POLICE, tree.firstHalf());
        Caller officer = caller(Role.COMMUNITY_OFFICER, List.of(tree.community()));
        long inFirstHalf = residents(auxiliary.scope());
        assertThat(inFirstHalf).isPositive().isLessThan(14_000);

        HomeTile.Section mine = tile.section(auxiliary).orElseThrow();
        assertThat(figure(mine, "population.tile.residents")).isEqualTo(inFirstHalf);
        assertThat(figure(tile.section(officer).orElseThrow(), "population.tile.residents")).isEqualTo(14_000);
        long byType = mine.figures().stream().filter(f -> f.labelKey().startsWith("population.residenceType."))
                .mapToLong(HomeTile.Figure::value).sum();
        assertThat(byType).isEqualTo(inFirstHalf);
        assertThat(figure(mine, "population.residenceType.TENANT")).isPositive();
        assertThat(figure(mine, "population.tile.overdue")).isBetween(inFirstHalf / 10, inFirstHalf / 5);
        assertThat(figure(mine, "population.tile.needsCare")).isPositive();
        assertThat(mine.figures()).filteredOn(f -> f.labelKey().equals("population.residenceType.TENANT"))
                .extracting(HomeTile.Figure::href).containsExactly("/persons?residenceType=TENANT");

        CompoundFigures.Columns columns = figures.columns(auxiliary).orElseThrow();
        assertThat(columns.values().keySet()).containsExactlyInAnyOrderElementsOf(tree.firstHalf());
        assertThat(columns.values().values().stream().mapToLong(v -> v[0]).sum()).isEqualTo(inFirstHalf);
        assertThat(columns.values().values()).allMatch(v -> v[1] + v[2] + v[3] <= v[0] && v[4] <= v[0]);
        assertThat(figures.columns(officer).orElseThrow().values().get(tree.largeCompound())[0]).isEqualTo(3_864);

        assertThat(tile.section(caller(Role.SYSTEM_ADMIN, List.of(tree.community())))).isEmpty();
        assertThat(figures.columns(caller(Role.AUDITOR, List.of(tree.community())))).isEmpty();
    }

    /** The ranking the search promises, computed over every match in scope: a page must be exactly its slice. */
    List<Long> ranked(String match, String rank, Scope scope, String residenceFilter, Object... params) {
        List<Object> all = new java.util.ArrayList<>(List.of(scope.sqlArray()));
        all.addAll(List.of(params));
        return jdbc.sql("""
                        select p.id from population.person p
                        where exists (select 1 from population.residence r where r.person_id = p.id and r.moved_out is null
                                      and r.node_path <@ cast(? as ltree[])\s""" + residenceFilter + ") and " + match
                        + " order by " + rank + ", length(p.name), p.name, p.id")
                .params(all).query(Long.class).list();
    }

    void assertPages(String q, PersonSearch.Filters filters, Scope scope, List<Long> expected, int pages) {
        assertPages(q, filters, scope, expected, pages, 20);
    }

    void assertPages(String q, PersonSearch.Filters filters, Scope scope, List<Long> expected, int pages, int size) {
        for (int page = 0; page < pages; page++) {
            PersonViews.SearchPage found = search.search(q, filters, scope, page, size);
            assertThat(ids(found.items())).as(q + " page " + page)
                    .isEqualTo(expected.subList(Math.min(expected.size(), page * size),
                            Math.min(expected.size(), page * size + size)));
            assertThat(found.hasMore()).as(q + " page " + page + " more").isEqualTo(expected.size() > page * size + size);
        }
    }

    @Test
    void aBroadQueryPageIsTheExactRankingOfAllItsMatches() {
        // one character: read in rank order from the names starting with it (the page fills from them)
        List<Long> wang = ranked("strpos(p.name_text, ?) > 0",
                "case when p.name = ? then 0 when starts_with(p.name, ?) then 1 else 2 end", community, "", "王", "王", "王");
        assertThat(wang).hasSizeGreaterThan(100);
        assertPages("王", PersonSearch.Filters.NONE, community, wang, 3);
        // initials: pages filled by the exact key's matches, shortest names first
        String initials = jdbc.sql("""
                select key from population.person_name_key where length(key) = 2 group by key order by count(*) desc, key limit 1""")
                .query(String.class).single();
        List<Long> exact = ranked("? = any(p.name_keys)", "cast(0 as int)", community, "", initials);
        assertThat(exact).as(initials).hasSizeGreaterThan(60);
        assertPages(initials, PersonSearch.Filters.NONE, community, exact, 3);
        String prefixRank = "case when p.name_keys @> array[cast(? as text)] then 0 else 1 end";
        String anyKeyStarts = "exists (select 1 from unnest(p.name_keys) k where starts_with(k, ?))";
        assertPages("jh", PersonSearch.Filters.NONE, community, ranked(anyKeyStarts, prefixRank, community, "", "jh", "jh"), 3);
        // filters on the residence itself (type within one compound) and a narrower scope
        Scope compound = addresses.scopeOf(List.of(tree.largeCompound()));
        List<Long> tenants = ranked("strpos(p.name_text, ?) > 0",
                "case when p.name = ? then 0 when starts_with(p.name, ?) then 1 else 2 end", compound,
                " and r.residence_type = 'TENANT'", "王", "王", "王");
        assertThat(tenants).isNotEmpty();
        assertPages("王", new PersonSearch.Filters(ResidenceType.TENANT, null, tree.largeCompound(), false), community,
                tenants, 2);
    }

    @Test
    void tooFewExactMatchesAreFollowedByThePrefixAndContainedOnesInRankOrder() {
        // a pinyin key few persons have exactly but many start with (the exact ones first, then shorter names)
        String key = jdbc.sql("""
                        select e.key from (select k.key, count(*) n from population.person_name_key k group by k.key) e
                        where e.n < 20 and (select count(*) from population.person_name_key m
                                            where m.key >= e.key and m.key < e.key || '~') between e.n + 15 and 900
                        order by e.key limit 1""").query(String.class).single();
        List<Long> byKey = ranked("exists (select 1 from unnest(p.name_keys) k where starts_with(k, ?))",
                "case when p.name_keys @> array[cast(? as text)] then 0 else 1 end", community, "", key, key);
        assertThat(byKey).as(key).hasSizeGreaterThan(25);
        assertPages(key, PersonSearch.Filters.NONE, community, byKey, 2);
        assertThat(search.search(key, PersonSearch.Filters.NONE, community, 0, 20).items().get(0).name())
                .satisfies(name -> assertThat(NameKeys.of(name).fullPinyin().contains(key)
                        || NameKeys.of(name).initials().contains(key)).isTrue());

        // a character few names start with but many contain: those starting with it first, then the others
        String han = jdbc.sql("""
                        select c from (select c, (select count(*) from population.person p where left(p.name, 1) = f.c) s,
                                              (select count(*) from population.person p where strpos(p.name_text, f.c) > 0) n
                                       from (select distinct substr(name, 2, 1) c from population.person) f) g
                        where s < 20 and n between s + 15 and 900
                        order by s = 0, c limit 1""").query(String.class).single();
        List<Long> byHan = ranked("strpos(p.name_text, ?) > 0",
                "case when p.name = ? then 0 when starts_with(p.name, ?) then 1 else 2 end", community, "", han, han, han);
        assertThat(byHan).as(han).hasSizeGreaterThan(25);
        assertPages(han, PersonSearch.Filters.NONE, community, byHan, 2);
    }

    @Test
    void aRareTagIsSearchedFromItsPersonsAndPagesAsTheExactRanking() {
        vacuumAnalyse();
        String tag = ResidentCounts.NEEDS_CARE;
        // rare: a window of 200 names holds fewer of its persons than even a first page of 4 needs (5)
        assertThat(tagShare(tag)).as(tag).isLessThan(5 / 200.0);
        PersonSearch.Filters tagged = new PersonSearch.Filters(null, tag, null, false);
        String byTag = "p.tags @> array[cast(? as text)] and ";
        String hanRank = "case when p.name = ? then 0 when starts_with(p.name, ?) then 1 else 2 end";
        String keyRank = "case when p.name_keys @> array[cast(? as text)] then 0 else 1 end";
        String anyKeyStarts = "exists (select 1 from unnest(p.name_keys) k where starts_with(k, ?))";
        // the surname, the second character and the first pinyin letter most of the tag's persons have
        String surname = mostCommon("left(p.name, 1)", tag);
        String second = mostCommon("substr(p.name, 2, 1)", tag);
        String letter = mostCommon("left(p.name_keys[1], 1)", tag);
        Scope auxiliary = addresses.scopeOf(tree.firstHalf());
        long reads = taggedIndexReads(() -> {
            for (Scope scope : List.of(community, auxiliary)) {
                for (String han : List.of(surname, second)) {
                    List<Long> expected = ranked(byTag + "strpos(p.name_text, ?) > 0", hanRank, scope, "", tag, han, han, han);
                    assertThat(expected).as(han).hasSizeGreaterThan(4);
                    assertPages(han, tagged, scope, expected, 4, 4);
                }
                List<Long> byLetter = ranked(byTag + anyKeyStarts, keyRank, scope, "", tag, letter, letter);
                assertThat(byLetter).as(letter).hasSizeGreaterThan(12);
                assertPages(letter, tagged, scope, byLetter, 4, 4);
            }
            // the compound filter: one compound's scope
            Scope compound = addresses.scopeOf(List.of(tree.largeCompound()));
            List<Long> inCompound = ranked(byTag + anyKeyStarts, keyRank, compound, "", tag, letter, letter);
            assertThat(inCompound).hasSizeGreaterThan(4);
            assertPages(letter, new PersonSearch.Filters(null, tag, tree.largeCompound(), false), community, inCompound, 3, 4);
        });
        // each of those 2 × 3 × 4 + 3 searches took its candidates from the persons with a tag (V5)
        assertThat(reads).isEqualTo(27);
        // two characters: the exact name first, then the names holding both
        String name = mostCommon("left(p.name, 2)", tag);
        assertPages(name, tagged, community, ranked(byTag + "strpos(p.name_text, ?) > 0", hanRank, community, "", tag,
                name, name, name), 2, 4);
    }

    @Test
    void aCommonTagOrNoTagIsSearchedByNameAndStillPagesAsTheExactRanking() {
        String tag = "常住";
        jdbc.sql("update population.person set tags = tags || array[cast(? as text)] where id % 2 = 0").param(tag).update();
        try {
            vacuumAnalyse();
            assertThat(tagShare(tag)).isGreaterThan(0.4);
            PersonSearch.Filters tagged = new PersonSearch.Filters(null, tag, null, false);
            String hanRank = "case when p.name = ? then 0 when starts_with(p.name, ?) then 1 else 2 end";
            String keyRank = "case when p.name_keys @> array[cast(? as text)] then 0 else 1 end";
            String anyKeyStarts = "exists (select 1 from unnest(p.name_keys) k where starts_with(k, ?))";
            long reads = taggedIndexReads(() -> {
                List<Long> wang = ranked("p.tags @> array[cast(? as text)] and strpos(p.name_text, ?) > 0", hanRank,
                        community, "", tag, "王", "王", "王");
                assertThat(wang).hasSizeGreaterThan(60);
                assertPages("王", tagged, community, wang, 3);
                // the 2-letter initials most persons have exactly (their pages fill from the ordered read)
                String initials = jdbc.sql("""
                        select key from population.person_name_key where length(key) = 2
                        group by key order by count(*) desc, key limit 1""").query(String.class).single();
                List<Long> exact = ranked("p.tags @> array[cast(? as text)] and " + anyKeyStarts, keyRank, community,
                        "", tag, initials, initials);
                assertThat(exact).hasSizeGreaterThan(40);
                assertPages(initials, tagged, community, exact, 3);
                assertPages("王", PersonSearch.Filters.NONE, community,
                        ranked("strpos(p.name_text, ?) > 0", hanRank, community, "", "王", "王", "王"), 2);
            });
            assertThat(reads).isZero();
        } finally {
            jdbc.sql("update population.person set tags = array_remove(tags, ?) where ? = any(tags)").param(tag).param(tag)
                    .update();
            vacuumAnalyse();
        }
    }

    /**
     * The statistics the search decides by, fresh (autovacuum may not have analysed the demo yet), and the indexes as
     * autovacuum keeps them (no dead or pending GIN entries left by a test's mass update to sway the planner).
     */
    void vacuumAnalyse() {
        JdbcClient.create(owner).sql("vacuum analyze population.person").update();
    }

    double tagShare(String tag) {
        return jdbc.sql("select count(*) filter (where ? = any(tags)) / cast(count(*) as float) from population.person")
                .param(tag).query(Double.class).single();
    }

    String mostCommon(String piece, String tag) {
        return jdbc.sql("select " + piece + " from population.person p where ? = any(p.tags)"
                + " group by 1 order by count(*) desc, 1 limit 1").param(tag).query(String.class).single();
    }

    /**
     * How often the searches read {@code person_tagged_idx} (V5), the index only the tag-first path uses. They run in
     * one transaction, so on one connection, whose counts PostgreSQL is told to publish when it commits.
     */
    long taggedIndexReads(Runnable searches) {
        String scans = "select idx_scan from pg_stat_user_indexes where schemaname = 'population'"
                + " and indexrelname = 'person_tagged_idx'";
        long before = jdbc.sql(scans).query(Long.class).single();
        tx.executeWithoutResult(status -> {
            searches.run();
            jdbc.sql("select pg_stat_force_next_flush()").query().singleRow();
        });
        return jdbc.sql(scans).query(Long.class).single() - before;
    }

    @Test
    void nameKeysFollowTheName() {
        assertThat(jdbc.sql("""
                        select count(*) from population.person p
                        where array(select k.key from population.person_name_key k where k.person_id = p.id order by 1)
                              <> array(select distinct x collate "C" from unnest(p.name_keys) x order by 1)
                           or exists (select 1 from population.person_name_key k where k.person_id = p.id and k.name <> p.name)""")
                .query(Long.class).single()).isZero();
        long id = jdbc.sql("select id from population.person where name like '王%' order by id limit 1").query(Long.class).single();
        Caller officer = caller(Role.COMMUNITY_OFFICER, List.of(tree.community()));
        registry.change(id, new PersonRequests.PersonChange("欧阳娜娜", null, null, null, null, null, null, null, null, null),
                officer);
        assertThat(ids(search.search("oyn", PersonSearch.Filters.NONE, community, 0, 100).items())).contains(id);
        assertThat(ids(search.search("ouyangnana", PersonSearch.Filters.NONE, community, 0, 100).items())).contains(id);
        assertThat(jdbc.sql("select count(*) from population.person_name_key where person_id = ? and key like 'w%'")
                .param(id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select distinct name from population.person_name_key where person_id = ?")
                .param(id).query(String.class).list()).containsExactly("欧阳娜娜");
    }

    List<String> keys(long personId) {
        return List.of(jdbc.sql("select residence_keys from population.person where id = ?").param(personId)
                .query((rs, n) -> (String[]) rs.getArray(1).getArray()).single());
    }

    static List<Long> ids(List<PersonSummary> hits) {
        return hits.stream().map(PersonSummary::id).toList();
    }

    static long figure(HomeTile.Section section, String key) {
        return section.figures().stream().filter(f -> f.labelKey().equals(key)).findFirst().orElseThrow().value();
    }
}
