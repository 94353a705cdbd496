package org.beatbook.housing.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.housing.HousingDemo;
import org.beatbook.population.IdNumber;
import org.beatbook.population.PopulationApi;
import org.beatbook.population.PopulationApi.CurrentResidence;
import org.beatbook.population.ResidenceType;
import org.beatbook.shared.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo's houses in a handful of set-based statements. The rooms and their labels are read straight from the
 * address schema in SQL (a one-off bulk read the address API has no call for); tenants and short-term guests come from
 * the person index through {@link PopulationApi#currentResidences}.
 */
@Component
class DemoHouses implements HousingDemo {

    static final int RENTED_TARGET = 800;
    static final int SHORT_TERM_TARGET = 30;
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解仇";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文辉浩宇欣怡子轩雨萱梓涵";
    private static final String[] PLATFORMS = {"途家", "美团民宿", "小猪民宿", "爱彼迎"};

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoHouses.class);

    private final JdbcClient jdbc;
    private final AddressApi addresses;
    private final PopulationApi population;

    DemoHouses(JdbcClient jdbc, AddressApi addresses, PopulationApi population) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.population = population;
    }

    @Override
    @Transactional
    public Loaded load(List<String> compounds, long seed) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM housing.house)").query(Boolean.class).single()) {
            return new Loaded(0, 0, 0, 0, 0, 0);
        }
        long started = System.nanoTime();
        Scope scope = addresses.scopeOf(compounds);
        LocalDate today = HouseInput.today();
        Random random = new Random(seed);
        jdbc.sql("""
                CREATE TEMP TABLE demo_room ON COMMIT DROP AS
                SELECT n.code, n.path, c.code AS compound,
                       c.name || ' ' || coalesce(b.name, '') || coalesce(u.name, '') || n.name AS label,
                       n.name ~ '^1[0-9]{2}室$' AND b.name = '1号楼' AS shop_floor,
                       abs(hashtext(n.code || ':' || CAST(? AS text))) % 10000 AS rnd,
                       CAST(NULL AS text) AS usage
                  FROM address.node n
                  JOIN address.node c ON c.path = subpath(n.path, 0, nlevel(c.path)) AND c.level = 'COMPOUND'
                  LEFT JOIN address.node b ON b.path = subpath(n.path, 0, nlevel(c.path) + 1) AND b.level = 'BUILDING'
                  LEFT JOIN address.node u ON u.path = subpath(n.path, 0, nlevel(c.path) + 2) AND u.level = 'UNIT'
                 WHERE n.level = 'ROOM' AND n.retired_at IS NULL AND c.code = ANY(?) AND n.path <@ CAST(? AS ltree[])""")
                .param(Long.toString(seed)).param(compounds.toArray(String[]::new)).param(scope.sqlArray()).update();

        List<CurrentResidence> tenants = population.currentResidences(ResidenceType.TENANT, scope);
        List<CurrentResidence> guests = population.currentResidences(ResidenceType.SHORT_TERM_GUEST, scope);
        mark(tenants, Usages.RENTED);
        mark(guests, Usages.SHORT_TERM);
        // top up with rooms of our own choosing, never the shop floor
        fill(Usages.RENTED, RENTED_TARGET);
        fill(Usages.SHORT_TERM, SHORT_TERM_TARGET);
        jdbc.sql("UPDATE demo_room SET usage = 'SHOP' WHERE usage IS NULL AND shop_floor").update();
        jdbc.sql("UPDATE demo_room SET usage = CASE WHEN rnd % 100 < 9 THEN 'VACANT' ELSE 'SELF_OCCUPIED' END WHERE usage IS NULL")
                .update();

        // houses: owners and landlords named from the room's hash; rental houses verified, 15% more than 90 days ago
        int houses = jdbc.sql("""
                INSERT INTO housing.house (room_code, node_path, compound_code, address_label, usage, owner_name,
                       owner_phone, landlord_name, landlord_phone, listing_platform, listing_id, listing_url, listing_host,
                       verified_on, verified_by, verification_result, verification_note)
                SELECT code, path, compound, label, usage, owner, phone,
                       CASE WHEN rental THEN owner END, CASE WHEN rental THEN phone END,
                       CASE WHEN usage = 'SHORT_TERM_RENTAL' THEN (CAST(? AS text[]))[rnd % 4 + 1] END,
                       CASE WHEN usage = 'SHORT_TERM_RENTAL' THEN CAST(70000000 + rnd * 137 AS text) END,
                       NULL,
                       CASE WHEN usage = 'SHORT_TERM_RENTAL' THEN owner END,
                       verified, CASE WHEN verified IS NOT NULL THEN '社区民警' END,
                       CASE WHEN verified IS NULL THEN NULL WHEN rnd % 37 = 0 THEN 'ABNORMAL' ELSE 'NORMAL' END,
                       CASE WHEN verified IS NOT NULL AND rnd % 37 = 0 THEN '实际居住人数与登记不符，已要求补登' END
                  FROM (SELECT r.*, r.usage IN ('RENTED', 'SHORT_TERM_RENTAL') AS rental,
                               substr(CAST(? AS text), rnd % 100 + 1, 1) || substr(CAST(? AS text), (rnd / 7) % 40 + 1, 1)
                                   || CASE WHEN rnd % 3 = 0 THEN substr(CAST(? AS text), (rnd / 11) % 40 + 1, 1) ELSE '' END AS owner,
                               '13' || CAST(5 + rnd % 5 AS text) || lpad(CAST((rnd * 7919 + 12345) % 100000000 AS text), 8, '0') AS phone,
                               CASE WHEN r.usage IN ('RENTED', 'SHORT_TERM_RENTAL') AND (rnd / 13) % 100 < 15
                                        THEN CAST(? AS date) - (91 + rnd % 200)
                                    WHEN r.usage IN ('RENTED', 'SHORT_TERM_RENTAL') THEN CAST(? AS date) - rnd % 85
                                    WHEN rnd % 2 = 0 THEN CAST(? AS date) - rnd % 400 END AS verified
                          FROM demo_room r) AS x""")
                .param(PLATFORMS).param(SURNAMES).param(GIVEN).param(GIVEN)
                .param(Date.valueOf(today)).param(Date.valueOf(today)).param(Date.valueOf(today)).update();

        // tenancies of registered tenants and guest registrations of registered guests
        Rows t = new Rows();
        for (CurrentResidence r : tenants) {
            t.add(r.roomCode(), r.personId(), r.name(), null, null, r.movedIn(), r.movedIn().plusYears(1),
                    contract(r.roomCode(), r.movedIn()));
        }
        int linked = tenants.size();
        List<String> filled = jdbc.sql("""
                SELECT code FROM demo_room WHERE usage = 'RENTED'
                   AND code NOT IN (SELECT unnest(CAST(? AS text[]))) ORDER BY code""")
                .param(tenants.stream().map(CurrentResidence::roomCode).distinct().toArray(String[]::new))
                .query(String.class).list();
        for (String room : filled) {
            int n = 1 + random.nextInt(2);
            LocalDate start = today.minusDays(30 + random.nextInt(700));
            for (int i = 0; i < n; i++) {
                t.add(room, null, name(random), idNumber(random), phone(random), start, start.plusYears(1),
                        i == 0 ? contract(room, start) : null);
            }
        }
        int tenancies = t.insertTenancies(jdbc);

        Rows g = new Rows();
        for (CurrentResidence r : guests) {
            g.add(r.roomCode(), r.personId(), r.name(), r.idNumber(), null, r.movedIn(), r.movedIn().plusDays(2), null);
        }
        List<String> shortTermRooms = jdbc.sql("SELECT code FROM demo_room WHERE usage = 'SHORT_TERM_RENTAL' ORDER BY code")
                .query(String.class).list();
        for (String room : shortTermRooms) {
            for (int i = 0; i < 2; i++) {
                LocalDate in = today.minusDays(1 + random.nextInt(60));
                g.add(room, null, name(random), org.beatbook.shared.masking.Masking.idNumber(idNumber(random)), null,
                        in, in.plusDays(1 + random.nextInt(3)), null);
            }
        }
        g.insertGuests(jdbc);

        jdbc.sql("""
                INSERT INTO housing.house_version (room_code, version, changed_by, change, changes)
                SELECT code, 1, 'demo', 'REGISTERED', jsonb_build_object('usage', usage) FROM demo_room""").update();
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT usage, count(*) AS n FROM housing.house WHERE compound_code = ANY(?) GROUP BY usage""")
                .param(compounds.toArray(String[]::new)).query(rs -> {
                    counts.put(rs.getString("usage"), rs.getLong("n"));
                });
        long unverified = jdbc.sql("""
                SELECT count(*) FROM housing.house WHERE usage IN ('RENTED', 'SHORT_TERM_RENTAL')
                   AND (verified_on IS NULL OR verified_on < ?)""")
                .param(Date.valueOf(today.minusDays(HouseViews.VERIFY_EVERY_DAYS))).query(Long.class).single();
        Loaded loaded = new Loaded(houses, counts.getOrDefault(Usages.RENTED, 0L).intValue(),
                counts.getOrDefault(Usages.SHORT_TERM, 0L).intValue(), tenancies, linked, (int) unverified);
        log.info("demo houses in {} ms: {}", (System.nanoTime() - started) / 1_000_000, loaded);
        return loaded;
    }

    private void mark(List<CurrentResidence> residences, String usage) {
        jdbc.sql("UPDATE demo_room SET usage = ? WHERE usage IS NULL AND code = ANY(?)")
                .param(usage).param(residences.stream().map(CurrentResidence::roomCode).distinct().toArray(String[]::new))
                .update();
    }

    private void fill(String usage, int target) {
        jdbc.sql("""
                UPDATE demo_room SET usage = ? WHERE code IN (
                    SELECT code FROM demo_room WHERE usage IS NULL AND NOT shop_floor
                     ORDER BY rnd, code LIMIT greatest(0, ? - (SELECT count(*) FROM demo_room WHERE usage = ?)))""")
                .param(usage).param(target).param(usage).update();
    }

    private static String contract(String room, LocalDate start) {
        return "ZL" + start.getYear() + room.substring(Math.max(0, room.length() - 8));
    }

    private static String name(Random random) {
        return SURNAMES.charAt(random.nextInt(SURNAMES.length())) + ""
                + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + (random.nextBoolean() ? GIVEN.charAt(random.nextInt(GIVEN.length())) + "" : "");
    }

    private static String phone(Random random) {
        return "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
    }

    /** A valid GB 11643 number of someone born 1960–2004 with a registration in 含山县 or a neighbouring county. */
    static String idNumber(Random random) {
        String[] divisions = {"340522", "340523", "340524", "340521", "340104", "320106", "410102"};
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(16_000));
        String body = divisions[random.nextInt(divisions.length)]
                + born.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", random.nextInt(1000));
        return body + IdNumber.checkCharacter(body);
    }

    /** Rows collected in Java and written with one unnest() statement each. */
    private static final class Rows {
        final List<String> rooms = new ArrayList<>();
        final List<String> persons = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<String> documents = new ArrayList<>();
        final List<String> phones = new ArrayList<>();
        final List<String> from = new ArrayList<>();
        final List<String> to = new ArrayList<>();
        final List<String> contracts = new ArrayList<>();

        void add(String room, Long person, String name, String document, String phone, LocalDate start,
                 LocalDate end, String contract) {
            rooms.add(room);
            persons.add(person == null ? null : person.toString());
            names.add(name);
            documents.add(document);
            phones.add(phone);
            from.add(start.toString());
            to.add(end == null ? null : end.toString());
            contracts.add(contract);
        }

        int insertTenancies(JdbcClient jdbc) {
            return jdbc.sql("""
                    INSERT INTO housing.tenancy (room_code, tenant_person_id, tenant_name, tenant_document, tenant_phone,
                           start_date, end_date, contract_number, created_by)
                    SELECT r, p, n, d, ph, s, e, c, 'demo'
                      FROM unnest(CAST(? AS text[]), CAST(CAST(? AS text[]) AS bigint[]), CAST(? AS text[]), CAST(? AS text[]),
                                  CAST(? AS text[]), CAST(CAST(? AS text[]) AS date[]), CAST(CAST(? AS text[]) AS date[]), CAST(? AS text[]))
                           AS x(r, p, n, d, ph, s, e, c)
                     WHERE EXISTS (SELECT 1 FROM housing.house h WHERE h.room_code = x.r)
                    ON CONFLICT DO NOTHING""")
                    .params(arrays()).update();
        }

        int insertGuests(JdbcClient jdbc) {
            return jdbc.sql("""
                    INSERT INTO housing.guest (room_code, person_id, name, document_masked, check_in, check_out,
                           registered_by)
                    SELECT r, p, n, d, s, e, 'demo'
                      FROM unnest(CAST(? AS text[]), CAST(CAST(? AS text[]) AS bigint[]), CAST(? AS text[]), CAST(? AS text[]),
                                  CAST(CAST(? AS text[]) AS date[]), CAST(CAST(? AS text[]) AS date[])) AS x(r, p, n, d, s, e)
                     WHERE EXISTS (SELECT 1 FROM housing.house h WHERE h.room_code = x.r)""")
                    .params(rooms.toArray(String[]::new), persons.toArray(String[]::new), names.toArray(String[]::new),
                            documents.toArray(String[]::new), from.toArray(String[]::new), to.toArray(String[]::new))
                    .update();
        }

        private Object[] arrays() {
            return new Object[]{rooms.toArray(String[]::new), persons.toArray(String[]::new), names.toArray(String[]::new),
                    documents.toArray(String[]::new), phones.toArray(String[]::new), from.toArray(String[]::new),
                    to.toArray(String[]::new), contracts.toArray(String[]::new)};
        }
    }
}
