package org.beatbook.access;

import org.beatbook.shared.security.Role;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.beatbook.access.AccessRule.roles;
import static org.beatbook.access.AccessRule.scoped;
import static org.beatbook.access.AccessRule.unscoped;
import static org.beatbook.shared.security.Role.AUXILIARY_POLICE;
import static org.beatbook.shared.security.Role.COMMUNITY_OFFICER;
import static org.beatbook.shared.security.Role.COMMUNITY_WORKER;
import static org.beatbook.shared.security.Role.STATION_LEADER;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Houses: the four operational roles within their jurisdiction, for reading and writing alike; whole numbers only for
 * the station leader and the community officer; no administrator or auditor reads houses. A house (with a current tenancy) at the fixture's own room and one at its foreign room are
 * written here once, and an empty house import run per operational role.
 */
class HousingAccessRules implements AccessRules {

    static final Set<Role> OPERATIONAL = roles(STATION_LEADER, COMMUNITY_OFFICER, AUXILIARY_POLICE, COMMUNITY_WORKER);
    /** Whole numbers: the two roles that may reveal a person (HouseLedger.REVEALERS). */
    static final Set<Role> REVEALERS = roles(STATION_LEADER, COMMUNITY_OFFICER);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private record Records(long ownTenancy, long foreignTenancy, Map<Role, String> imports) { }

    private static Records records;
    private static AccessFixture recordsFor;

    @Override
    public List<AccessRule> rules(AccessFixture f) {
        var p = f.people();
        Records r = records(f);
        String json = MediaType.APPLICATION_JSON_VALUE;
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        AccessRule.Ids house = new AccessRule.Ids(p.ownRoom(), p.foreignRoom(), f.missingNode());
        AccessRule.Ids tenancy = new AccessRule.Ids(p.ownRoom() + "/" + r.ownTenancy(),
                p.foreignRoom() + "/" + r.foreignTenancy(), f.missingNode() + "/999999999");
        AccessRule.Ids compound = new AccessRule.Ids(f.ownCompound(), f.foreignNode(), f.missingNode());
        String guest = AccessFixture.idNumber("340524199303030", 57);
        byte[] empty = org.beatbook.address.Workbooks.xlsx(new Object[]{"地址编码", "房屋用途"});
        return List.of(
                unscoped(GET, "/api/v1/houses", OPERATIONAL, c -> get("/api/v1/houses").param("usage", "RENTAL")),
                unscoped(GET, "/api/v1/houses/usages", OPERATIONAL, c -> get("/api/v1/houses/usages")),
                scoped(GET, "/api/v1/houses/ledger", OPERATIONAL, compound,
                        c -> get("/api/v1/houses/ledger").param("compound", c)),
                scoped(GET, "/api/v1/houses/{code}", OPERATIONAL, house, c -> get("/api/v1/houses/" + c)),
                scoped(PUT, "/api/v1/houses/{code}", OPERATIONAL, house, c -> put("/api/v1/houses/" + c)
                        .contentType(json).content("{\"usage\":\"RENTED\",\"landlordPhone\":\"13955550101\"}")),
                scoped(GET, "/api/v1/houses/{code}/versions", OPERATIONAL, house,
                        c -> get("/api/v1/houses/" + c + "/versions")),
                scoped(POST, "/api/v1/houses/{code}/tenancies", OPERATIONAL, house,
                        c -> post("/api/v1/houses/" + c + "/tenancies").contentType(json)
                                .content("{\"tenantName\":\"周租\",\"startDate\":\"" + today + "\"}")),
                scoped(POST, "/api/v1/houses/{code}/tenancies/{id}/end", OPERATIONAL, tenancy,
                        ids -> post("/api/v1/houses/" + ids.replace("/", "/tenancies/") + "/end")
                                .contentType(json).content("{}")),
                scoped(POST, "/api/v1/houses/{code}/verifications", OPERATIONAL, house,
                        c -> post("/api/v1/houses/" + c + "/verifications").contentType(json)
                                .content("{\"result\":\"NORMAL\"}")),
                scoped(PUT, "/api/v1/houses/{code}/listing", OPERATIONAL, house,
                        c -> put("/api/v1/houses/" + c + "/listing").contentType(json)
                                .content("{\"platform\":\"途家\",\"listingId\":\"7012345\"}")),
                scoped(POST, "/api/v1/houses/{code}/guests", OPERATIONAL, house,
                        c -> post("/api/v1/houses/" + c + "/guests").contentType(json)
                                .content("{\"name\":\"赵客\",\"idNumber\":\"" + guest + "\",\"checkIn\":\"" + today + "\"}")),
                scoped(POST, "/api/v1/houses/{code}/reveal", REVEALERS, house,
                        c -> post("/api/v1/houses/" + c + "/reveal").contentType(json)
                                .content("{\"field\":\"landlordPhone\",\"purpose\":\"核实出租人\"}")),

                unscoped(GET, "/api/v1/imports/houses/template", OPERATIONAL, c -> get("/api/v1/imports/houses/template")),
                unscoped(POST, "/api/v1/imports/houses", OPERATIONAL, c -> multipart("/api/v1/imports/houses")
                        .file(new MockMultipartFile("file", "houses.xlsx", XLSX, empty))),
                new AccessRule(GET, "/api/v1/imports/houses/{id}", OPERATIONAL, role -> importIds(r, role),
                        id -> get("/api/v1/imports/houses/" + id)),
                new AccessRule(GET, "/api/v1/imports/houses/{id}/report", OPERATIONAL, role -> importIds(r, role),
                        id -> get("/api/v1/imports/houses/" + id + "/report")),

                unscoped(GET, "/houses", OPERATIONAL, c -> get("/houses").param("usage", "RENTAL")),
                scoped(GET, "/houses/ledger.xlsx", OPERATIONAL, compound,
                        c -> get("/houses/ledger.xlsx").param("compound", c).param("purpose", "入户核查")),
                scoped(GET, "/houses/rooms/{code}", OPERATIONAL, house, c -> get("/houses/rooms/" + c)),
                scoped(POST, "/houses/rooms/{code}", OPERATIONAL, house,
                        c -> post("/houses/rooms/" + c).param("usage", "RENTED")),
                scoped(POST, "/houses/rooms/{code}/tenancies", OPERATIONAL, house,
                        c -> post("/houses/rooms/" + c + "/tenancies").param("tenantName", "周租")
                                .param("startDate", today)),
                scoped(POST, "/houses/rooms/{code}/tenancies/{id}/end", OPERATIONAL, tenancy,
                        ids -> post("/houses/rooms/" + ids.replace("/", "/tenancies/") + "/end")),
                scoped(POST, "/houses/rooms/{code}/verifications", OPERATIONAL, house,
                        c -> post("/houses/rooms/" + c + "/verifications").param("result", "NORMAL")),
                scoped(POST, "/houses/rooms/{code}/listing", OPERATIONAL, house,
                        c -> post("/houses/rooms/" + c + "/listing").param("platform", "途家")
                                .param("listingId", "7012345")),
                scoped(POST, "/houses/rooms/{code}/guests", OPERATIONAL, house,
                        c -> post("/houses/rooms/" + c + "/guests").param("name", "赵客").param("idNumber", guest)
                                .param("checkIn", today)),
                scoped(POST, "/houses/rooms/{code}/reveal", REVEALERS, house,
                        c -> post("/houses/rooms/" + c + "/reveal").param("field", "landlordPhone")
                                .param("purpose", "核实出租人")),
                unscoped(GET, "/houses/import", OPERATIONAL, c -> get("/houses/import")),
                unscoped(POST, "/houses/import", OPERATIONAL, c -> multipart("/houses/import")
                        .file(new MockMultipartFile("file", "houses.xlsx", XLSX, empty))),
                unscoped(GET, "/houses/import/template.xlsx", OPERATIONAL, c -> get("/houses/import/template.xlsx")),
                new AccessRule(GET, "/houses/import/{id}", OPERATIONAL, role -> importIds(r, role),
                        id -> get("/houses/import/" + id)),
                new AccessRule(GET, "/houses/import/{id}/report.xlsx", OPERATIONAL, role -> importIds(r, role),
                        id -> get("/houses/import/" + id + "/report.xlsx")));
    }

    /** Import runs: the caller's own, another user's, and none. */
    private static AccessRule.Ids importIds(Records r, Role role) {
        String own = r.imports().getOrDefault(role, r.imports().get(COMMUNITY_OFFICER));
        String other = r.imports().get(role == COMMUNITY_OFFICER ? STATION_LEADER : COMMUNITY_OFFICER);
        return new AccessRule.Ids(own, other, "00000000-0000-4000-8000-000000000000");
    }

    private static synchronized Records records(AccessFixture f) {
        if (records != null && recordsFor == f) {
            return records;
        }
        JdbcClient jdbc = AccessFixture.Builder.sharedJdbc;
        var p = f.people();
        for (String room : List.of(p.ownRoom(), p.foreignRoom())) {
            jdbc.sql("""
                    INSERT INTO housing.house (room_code, node_path, address_label, usage)
                    SELECT code, path, name, 'RENTED' FROM address.node WHERE code = ?
                    ON CONFLICT (room_code) DO NOTHING""").param(room).update();
        }
        long own = tenancy(jdbc, p.ownRoom());
        long foreign = tenancy(jdbc, p.foreignRoom());
        Map<Role, String> imports = new EnumMap<>(Role.class);
        for (Role role : OPERATIONAL) {
            String id = java.util.UUID.randomUUID().toString();
            jdbc.sql("""
                    INSERT INTO import_run (id, kind, username, file_name, created_at, rows_read, created, unchanged,
                                            updated, rejected, problems)
                    VALUES (?::uuid, 'houses', ?, 'empty.xlsx', now(), 0, 0, 0, 0, 0, '[]')""")
                    .param(id).param(f.users().get(role).username()).update();
            imports.put(role, id);
        }
        records = new Records(own, foreign, imports);
        recordsFor = f;
        return records;
    }

    private static long tenancy(JdbcClient jdbc, String room) {
        return jdbc.sql("""
                INSERT INTO housing.tenancy (room_code, tenant_name, start_date, created_by)
                VALUES (?, '吴访问', DATE '2026-01-01', 'access-test') RETURNING id""")
                .param(room).query(Long.class).single();
    }
}
