package org.beatbook.organisation.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressDemo.DemoTree;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.organisation.CreditCode;
import org.beatbook.organisation.OrganisationDemo;
import org.beatbook.population.PopulationApi;
import org.beatbook.population.PopulationApi.CurrentResidence;
import org.beatbook.population.ResidenceType;
import org.beatbook.shared.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * {@link OrganisationDemo}: reads the tree through {@link AddressApi} and the residents through {@link PopulationApi},
 * writes with a few set-based statements. Legal representatives, security contacts and employees are demo residents
 * (linked by person id) wherever the population demo registered enough of them.
 */
@Component
class DemoOrganisations implements OrganisationDemo {

    private static final String DIVISION = "340522";
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解仇";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文斌浩宇鑫凯丹晨阳雪梅琳海波";
    private static final String[] SHOP_KINDS = {"便利店", "面馆", "理发店", "水果店", "大药房", "五金店", "快递驿站",
            "洗衣店", "早餐店", "烟酒店", "超市", "花店", "母婴店", "干洗店", "修车铺", "茶叶店"};
    private static final String[] FIRMS = {"恒达", "金鼎", "华信", "瑞丰", "顺安", "宏图", "鑫源", "天诚", "博远", "众联",
            "嘉禾", "启航"};
    private static final String[] TRADES = {"科技", "商贸", "建材", "物流", "餐饮管理", "信息技术", "电子", "文化传媒",
            "教育咨询", "家政服务"};
    private static final String[] TRADE_INDUSTRY = {"信息技术", "批发零售", "建筑材料", "交通运输", "餐饮", "信息技术",
            "制造", "文化", "教育", "居民服务"};

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoOrganisations.class);

    private final AddressApi addresses;
    private final PopulationApi population;
    private final JdbcClient jdbc;

    DemoOrganisations(AddressApi addresses, PopulationApi population, JdbcClient jdbc) {
        this.addresses = addresses;
        this.population = population;
        this.jdbc = jdbc;
    }

    /**
     * One unit as the statements take it (arrays per column).
     *
     * @param repPersonId      the legal representative's person id when a resident, else null (then with a document)
     * @param securityPersonId the security contact's person id when a resident
     */
    private record Unit(String name, String creditCode, OrganisationType type, String industry, AddressNodeView node,
                        String compound, String label, String rep, String repDocument, String phone,
                        String security, String securityPhone, Long repPersonId, Long securityPersonId) {

        Unit named(String newName) {
            return new Unit(newName, creditCode, type, industry, node, compound, label, rep, repDocument, phone,
                    security, securityPhone, repPersonId, securityPersonId);
        }

        Unit withRep(CurrentResidence r) {
            return new Unit(name, creditCode, type, industry, node, compound, label, r.name(), null, phone, security,
                    securityPhone, r.personId(), securityPersonId);
        }

        Unit withSecurity(CurrentResidence r) {
            return new Unit(name, creditCode, type, industry, node, compound, label, rep, repDocument, phone, r.name(),
                    securityPhone, repPersonId, r.personId());
        }
    }

    /** A resident's job at a unit (besides legal representative, which the unit row names). */
    private record Job(Unit unit, long personId, String name, String phone, String role, LocalDate started) { }

    @Override
    @Transactional
    public int load(DemoTree tree, long seed) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM organisation.organisation)").query(Boolean.class).single()) {
            return 0;
        }
        long started = System.nanoTime();
        Scope all = addresses.scopeOf(List.of(tree.community()));
        Random random = new Random(seed ^ 0x0D6A71L);
        Set<String> codes = new HashSet<>();
        List<Unit> units = new ArrayList<>();
        for (String placeCode : tree.places()) {
            AddressNodeView p = addresses.find(placeCode, all).orElseThrow();
            OrganisationType type = switch (p.category() == null ? "" : p.category()) {
                case "SCHOOL" -> OrganisationType.SCHOOL;
                case "RAIL_STATION" -> OrganisationType.TRANSPORT_HUB;
                case "HOSPITAL" -> OrganisationType.HOSPITAL;
                default -> OrganisationType.ENTERPRISE;
            };
            String prefix = type == OrganisationType.SCHOOL || type == OrganisationType.HOSPITAL ? "12" : "91";
            units.add(unit(p.name(), code(prefix, random, codes), type, type == OrganisationType.SCHOOL ? "教育" : null,
                    p, null, p.name(), random, true));
        }
        int firm = 0;
        for (AddressNodeView compound : addresses.children(tree.community(), all)) {
            if (compound.level() != AddressLevel.COMPOUND) {
                continue;
            }
            units.add(unit(compound.name() + "物业服务中心", code("91", random, codes), OrganisationType.ENTERPRISE,
                    "物业管理", compound, compound.code(), compound.name(), random, true));
            units.add(unit(compound.name() + "业主委员会", null, OrganisationType.ASSOCIATION, null, compound,
                    compound.code(), compound.name(), random, false));
            List<AddressNodeView> buildings = addresses.children(compound.code(), all).stream()
                    .filter(b -> b.level() == AddressLevel.BUILDING).toList();
            for (int i = 0; i < buildings.size(); i++) {
                AddressNodeView b = buildings.get(i);
                String label = compound.name() + " " + b.name();
                int shops = i < 3 ? 2 : 1;
                for (int s = 0; s < shops; s++) {
                    String kind = SHOP_KINDS[random.nextInt(SHOP_KINDS.length)];
                    String owner = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
                    units.add(unit(owner + "记" + kind, code("92", random, codes), OrganisationType.SHOP, "零售服务", b,
                            compound.code(), label, random, false));
                }
                if (i % 3 == 0 && firm < FIRMS.length * TRADES.length) {
                    int t = firm % TRADES.length;
                    String name = "含山县" + FIRMS[(firm / TRADES.length + firm) % FIRMS.length] + TRADES[t] + "有限公司";
                    firm++;
                    units.add(unit(name, code("91", random, codes), OrganisationType.ENTERPRISE, TRADE_INDUSTRY[t], b,
                            compound.code(), label, random, true));
                }
            }
        }
        dedupe(units);
        long reading = System.nanoTime();
        // owners are adults, and there are several for every job: one read of the person index
        List<CurrentResidence> owners = population.currentResidences(ResidenceType.OWNER, all);
        long picking = System.nanoTime();
        reading = picking - reading;
        List<Job> jobs = residentsAtWork(units, owners, tree, new Random(seed ^ 0x57AFFL));
        picking = System.nanoTime() - picking;
        insert(units);
        staff(random);
        long writing = System.nanoTime();
        jobs(units, jobs);
        writing = System.nanoTime() - writing;
        log.info("Demo organisations: {} in {} ms; {} jobs of residents: {} owners read in {} ms, picked in {} ms, "
                        + "written in {} ms", units.size(), (System.nanoTime() - started) / 1_000_000,
                jobs.size() + units.stream().filter(u -> u.repPersonId() != null).count(), owners.size(),
                reading / 1_000_000, picking / 1_000_000, writing / 1_000_000);
        return units.size();
    }

    private Unit unit(String name, String creditCode, OrganisationType type, String industry, AddressNodeView node,
                      String compound, String label, Random random, boolean security) {
        String rep = person(random);
        return new Unit(name, creditCode, type, industry, node, compound, label, rep, idNumber(random), mobile(random),
                security ? person(random) : null, security ? mobile(random) : null, null, null);
    }

    /**
     * Residents as legal representatives, security contacts and employees: owners of the unit's own compound first.
     * Replaces the units' made-up representatives and contacts in {@code units}; answers the other jobs.
     */
    private List<Job> residentsAtWork(List<Unit> units, List<CurrentResidence> owners, DemoTree tree,
                                      Random random) {
        DemoStaff staff = new DemoStaff(owners, tree.compounds(), random);
        LocalDate today = LocalDate.now();
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            CurrentResidence rep = staff.pick(u.compound());
            if (rep != null) {
                u = u.withRep(rep);
            }
            if (u.security() != null) {
                CurrentResidence guard = staff.pick(u.compound());
                if (guard != null) {
                    u = u.withSecurity(guard);
                }
            }
            units.set(i, u);
            int employees = switch (u.type()) {
                case SCHOOL -> 6;
                case HOSPITAL, TRANSPORT_HUB -> 4;
                case ENTERPRISE -> u.compound() == null ? 3 : 2;
                case SHOP -> 1;
                default -> 0;
            };
            for (int e = 0; e < employees; e++) {
                CurrentResidence r = staff.pick(u.compound());
                if (r == null) {
                    break;
                }
                String role = e == 0 && employees > 2 ? "HEAD" : "EMPLOYEE";
                jobs.add(new Job(u, r.personId(), r.name(), null, role, today.minusDays(30 + random.nextInt(1500))));
            }
        }
        return jobs;
    }

    /** Two shops of one kind and owner in one building get a branch number. */
    private static void dedupe(List<Unit> units) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            String name = u.name();
            for (int n = 2; !seen.add(u.node().code() + "|" + name); n++) {
                name = u.name() + "（" + n + "店）";
            }
            if (!name.equals(u.name())) {
                units.set(i, u.named(name));
            }
        }
    }

    private void insert(List<Unit> units) {
        int n = units.size();
        String[][] c = new String[16][n];
        for (int i = 0; i < n; i++) {
            Unit u = units.get(i);
            c[0][i] = u.name();
            c[1][i] = u.creditCode();
            c[2][i] = u.type().name();
            c[3][i] = u.industry();
            c[4][i] = u.node().code();
            c[5][i] = u.node().path();
            c[6][i] = u.compound();
            c[7][i] = u.label();
            c[8][i] = u.rep();
            c[9][i] = u.repDocument() == null ? null : "RESIDENT_ID";
            c[10][i] = u.repDocument();
            c[11][i] = u.phone();
            c[12][i] = u.security();
            c[13][i] = u.securityPhone();
            c[14][i] = String.join(" ", OrganisationStore.keys(u.name()));
            c[15][i] = "{\"change\":\"DEMO\"}";
        }
        Object[] params = java.util.Arrays.copyOf(c, 16, Object[].class);
        params[15] = units.stream().map(Unit::repPersonId).toArray(Long[]::new);
        jdbc.sql("""
                        INSERT INTO organisation.organisation (name, credit_code, org_type, industry, node_code, node_path,
                               compound_code, address_label, legal_rep_name, legal_rep_document_type, legal_rep_document,
                               phone, security_name, security_phone, name_keys, legal_rep_person_id)
                        SELECT n, cc, t, ind, nc, CAST(np AS ltree), cp, lb, rep, rt, rd, ph, sec, sp,
                               string_to_array(k, ' '), rp
                          FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                      ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                      ?::text[], ?::bigint[]) AS u(n, cc, t, ind, nc, np, cp, lb, rep, rt, rd, ph, sec, sp,
                                                                   k, rp)""")
                .params(params)
                .update();
        jdbc.sql("""
                INSERT INTO organisation.organisation_version (organisation_id, version, changed_by, change, changes)
                SELECT id, 1, 'demo', 'REGISTERED', jsonb_build_object('name', name, 'type', org_type)
                  FROM organisation.organisation""").update();
    }

    /** Every unit gets its legal representative as staff (linked when a resident). */
    private void staff(Random random) {
        LocalDate since = LocalDate.now().minusYears(2);
        jdbc.sql("""
                        INSERT INTO organisation.employment (organisation_id, person_id, name, document_type, document,
                                                             phone, role, started, started_by)
                        SELECT id, legal_rep_person_id, legal_rep_name, legal_rep_document_type, legal_rep_document, phone,
                               'LEGAL_REPRESENTATIVE', ?::date - (id % 400)::int, 'demo'
                          FROM organisation.organisation WHERE legal_rep_name IS NOT NULL""")
                .params(since).update();
        // a past security guard at the schools and the station: the history shows an ended job
        jdbc.sql("""
                        INSERT INTO organisation.employment (organisation_id, name, role, started, ended, started_by, ended_by,
                                                             ended_at)
                        SELECT id, ? || '师傅', 'SECURITY', ?::date - 900, ?::date - 30, 'demo', 'demo', now()
                          FROM organisation.organisation WHERE org_type IN ('SCHOOL', 'TRANSPORT_HUB')""")
                .params(String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length()))), since, since).update();
    }

    /**
     * Security contacts and employees, one statement: the units' security contacts (linked when a resident, made up
     * otherwise) and the residents' other jobs.
     */
    private void jobs(List<Unit> units, List<Job> jobs) {
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        jdbc.sql("SELECT id, node_code, name FROM organisation.organisation")
                .query(rs -> {
                    ids.put(rs.getString("node_code") + "|" + rs.getString("name"), rs.getLong("id"));
                });
        LocalDate since = LocalDate.now().minusYears(2);
        List<Object[]> rows = new ArrayList<>();
        for (Unit u : units) {
            Long id = ids.get(u.node().code() + "|" + u.name());
            if (u.security() != null && id != null) {
                rows.add(new Object[]{id, u.securityPersonId(), u.security(), u.securityPhone(), "SECURITY",
                        since.minusDays(id % 200)});
            }
        }
        for (Job j : jobs) {
            rows.add(new Object[]{ids.get(j.unit().node().code() + "|" + j.unit().name()), j.personId(), j.name(),
                    j.phone(), j.role(), j.started()});
        }
        rows.removeIf(r -> r[0] == null);
        Long[] org = new Long[rows.size()];
        Long[] person = new Long[rows.size()];
        String[] name = new String[rows.size()];
        String[] phone = new String[rows.size()];
        String[] role = new String[rows.size()];
        String[] started = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            org[i] = (Long) r[0];
            person[i] = (Long) r[1];
            name[i] = (String) r[2];
            phone[i] = (String) r[3];
            role[i] = (String) r[4];
            started[i] = r[5].toString();
        }
        jdbc.sql("""
                        INSERT INTO organisation.employment (organisation_id, person_id, name, phone, role, started,
                                                             started_by)
                        SELECT o, p, n, ph, r, CAST(s AS date), 'demo'
                          FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])
                               AS j(o, p, n, ph, r, s)""")
                .params(org, person, name, phone, role, started).update();
    }

    private static String code(String prefix, Random random, Set<String> taken) {
        while (true) {
            StringBuilder b = new StringBuilder(prefix).append(DIVISION);
            for (int i = 0; i < 9; i++) {
                b.append(CreditCode.ALPHABET.charAt(random.nextInt(i == 0 ? 10 : CreditCode.ALPHABET.length())));
            }
            String code = b.append(CreditCode.checkCharacter(b.toString())).toString();
            if (taken.add(code)) {
                return code;
            }
        }
    }

    private static String person(Random random) {
        StringBuilder b = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int given = random.nextInt(3) == 0 ? 1 : 2;
        for (int i = 0; i < given; i++) {
            b.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return b.toString();
    }

    /** A valid GB 11643 number born 1960–1995 in the county. */
    private static String idNumber(Random random) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 35));
        String body = DIVISION + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static String mobile(Random random) {
        return "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
    }
}
