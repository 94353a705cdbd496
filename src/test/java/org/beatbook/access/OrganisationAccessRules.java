package org.beatbook.access;

import org.beatbook.address.AddressNodeView;
import org.beatbook.organisation.internal.OrganisationImport;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.security.Scope;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.beatbook.access.AccessRule.roles;
import static org.beatbook.access.AccessRule.scoped;
import static org.beatbook.access.AccessRule.unscoped;
import static org.beatbook.shared.security.Role.AUXILIARY_POLICE;
import static org.beatbook.shared.security.Role.COMMUNITY_OFFICER;
import static org.beatbook.shared.security.Role.COMMUNITY_WORKER;
import static org.beatbook.shared.security.Role.STATION_LEADER;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Organisations: the four operational roles within their jurisdiction read, write, import and export; full numbers
 * in the roster only for the station leader and the community officer; administrators and auditors see no units.
 */
class OrganisationAccessRules implements AccessRules {

    static final Set<Role> OPERATIONAL = roles(STATION_LEADER, COMMUNITY_OFFICER, AUXILIARY_POLICE, COMMUNITY_WORKER);
    static final Set<Role> REVEALERS = roles(STATION_LEADER, COMMUNITY_OFFICER);

    /**
     * @param own             a demo unit (in everybody's community)
     * @param ownEmployment   a current job there
     * @param foreign         a unit of the other community
     * @param foreignEmployment a job there
     * @param importRuns      an organisation import run of each operational role's demo user
     */
    record Units(String own, String ownEmployment, String foreign, String foreignEmployment,
                 Map<Role, String> importRuns) { }

    /** Called once by {@link AccessFixture.Builder}: a unit in the other community, and an import run per role. */
    static Units build(JdbcClient jdbc, OrganisationImport imports, Map<Role, AccessFixture.User> users,
                       AddressNodeView foreignCompound, Function<List<String>, Scope> scopeOf) {
        long own = jdbc.sql("select min(id) from organisation.organisation where org_type = 'SCHOOL'")
                .query(Long.class).single();
        long ownJob = jdbc.sql("select min(id) from organisation.employment where organisation_id = ? and ended is null")
                .param(own).query(Long.class).single();
        long foreign = jdbc.sql("""
                        insert into organisation.organisation (name, org_type, node_code, node_path, compound_code,
                                                               address_label, name_keys)
                        values ('外辖商店', 'SHOP', ?, cast(? as ltree), ?, '外辖小区', '{}') returning id""")
                .params(foreignCompound.code(), foreignCompound.path(), foreignCompound.code()).query(Long.class).single();
        long foreignJob = jdbc.sql("""
                        insert into organisation.employment (organisation_id, name, role, started, started_by)
                        values (?, '外辖店员', 'EMPLOYEE', current_date, 'fixture') returning id""")
                .param(foreign).query(Long.class).single();
        Map<Role, String> runs = new EnumMap<>(Role.class);
        for (Role role : OPERATIONAL) {
            AccessFixture.User u = users.get(role);
            Caller caller = new Caller(u.id(), u.username(), u.displayName(), role, u.jurisdiction(),
                    scopeOf.apply(u.jurisdiction()));
            runs.put(role, imports.importRows(List.of(), "empty.xlsx", caller).id().toString());
        }
        return new Units(Long.toString(own), Long.toString(ownJob), Long.toString(foreign), Long.toString(foreignJob),
                runs);
    }

    @Override
    public List<AccessRule> rules(AccessFixture f) {
        Units u = f.units();
        String json = MediaType.APPLICATION_JSON_VALUE;
        AccessRule.Ids unit = new AccessRule.Ids(u.own(), u.foreign(), "999999999");
        AccessRule.Ids job = new AccessRule.Ids(u.own() + "/" + u.ownEmployment(), u.foreign() + "/" + u.foreignEmployment(),
                "999999999/999999999");
        AccessRule.Ids node = new AccessRule.Ids(f.ownNode(), f.foreignNode(), f.missingNode());
        Function<Role, AccessRule.Ids> runs = role -> new AccessRule.Ids(
                u.importRuns().getOrDefault(role, u.importRuns().get(STATION_LEADER)),
                u.importRuns().get(role == STATION_LEADER ? COMMUNITY_OFFICER : STATION_LEADER),
                "00000000-0000-4000-8000-000000000000");
        return List.of(
                unscoped(GET, "/api/v1/organisations", OPERATIONAL, c -> get("/api/v1/organisations").param("q", "中学")),
                scoped(POST, "/api/v1/organisations", OPERATIONAL, node, c -> post("/api/v1/organisations")
                        .contentType(json).content("""
                                {"name":"访问测试商店","type":"SHOP","addressCode":"%s"}""".formatted(c)))
                        .absentAnswers(400),
                scoped(GET, "/api/v1/organisations/{id}", OPERATIONAL, unit, id -> get("/api/v1/organisations/" + id)),
                scoped(PATCH, "/api/v1/organisations/{id}", OPERATIONAL, unit, id -> patch("/api/v1/organisations/" + id)
                        .contentType(json).content("{\"industry\":\"教育\"}")),
                scoped(GET, "/api/v1/organisations/{id}/versions", OPERATIONAL, unit,
                        id -> get("/api/v1/organisations/" + id + "/versions")),
                scoped(POST, "/api/v1/organisations/{id}/employees", OPERATIONAL, unit,
                        id -> post("/api/v1/organisations/" + id + "/employees").contentType(json)
                                .content("{\"name\":\"新保安\",\"role\":\"SECURITY\"}")),
                scoped(POST, "/api/v1/organisations/{id}/employees/{employmentId}/end", OPERATIONAL, job,
                        ids -> post("/api/v1/organisations/" + ids.replace("/", "/employees/") + "/end")
                                .contentType(json).content("{}")),
                unscoped(GET, "/api/v1/organisations/roster", OPERATIONAL, c -> get("/api/v1/organisations/roster")),
                unscoped(GET, "/api/v1/imports/organisations/template", OPERATIONAL,
                        c -> get("/api/v1/imports/organisations/template")),
                unscoped(POST, "/api/v1/imports/organisations", OPERATIONAL,
                        c -> multipart("/api/v1/imports/organisations").file(headerOnly())),
                new AccessRule(GET, "/api/v1/imports/organisations/{id}", OPERATIONAL, runs,
                        id -> get("/api/v1/imports/organisations/" + id)),
                new AccessRule(GET, "/api/v1/imports/organisations/{id}/report", OPERATIONAL, runs,
                        id -> get("/api/v1/imports/organisations/" + id + "/report")),

                unscoped(GET, "/organisations", OPERATIONAL, c -> get("/organisations").param("q", "中学")),
                unscoped(GET, "/organisations/new", OPERATIONAL, c -> get("/organisations/new")),
                scoped(POST, "/organisations", OPERATIONAL, node, c -> post("/organisations").param("name", "访问测试商店")
                        .param("type", "SHOP").param("addressCode", c)).absentAnswers(400),
                scoped(GET, "/organisations/{id}", OPERATIONAL, unit, id -> get("/organisations/" + id)),
                scoped(GET, "/organisations/{id}/edit", OPERATIONAL, unit, id -> get("/organisations/" + id + "/edit")),
                scoped(POST, "/organisations/{id}", OPERATIONAL, unit, id -> post("/organisations/" + id)
                        .param("name", "访问测试单位").param("type", "SCHOOL").param("industry", "教育")
                        .param("legalRepresentative", "访问测试")),
                scoped(POST, "/organisations/{id}/employees", OPERATIONAL, unit,
                        id -> post("/organisations/" + id + "/employees").param("name", "新保安").param("role", "SECURITY")),
                scoped(POST, "/organisations/{id}/employees/{employmentId}/end", OPERATIONAL, job,
                        ids -> post("/organisations/" + ids.replace("/", "/employees/") + "/end")),
                unscoped(GET, "/organisations/roster.xlsx", OPERATIONAL, c -> get("/organisations/roster.xlsx")),
                unscoped(GET, "/organisations/import", OPERATIONAL, c -> get("/organisations/import")),
                unscoped(GET, "/organisations/import/template.xlsx", OPERATIONAL,
                        c -> get("/organisations/import/template.xlsx")),
                unscoped(POST, "/organisations/import", OPERATIONAL,
                        c -> multipart("/organisations/import").file(headerOnly())),
                new AccessRule(GET, "/organisations/import/{id}", OPERATIONAL, runs, id -> get("/organisations/import/" + id)),
                new AccessRule(GET, "/organisations/import/{id}/report.xlsx", OPERATIONAL, runs,
                        id -> get("/organisations/import/" + id + "/report.xlsx")));
    }

    /** An upload with the template's required headers and no rows. */
    static org.springframework.mock.web.MockMultipartFile headerOnly() {
        return PopulationAccessRules.headerOnlyWorkbook("单位", "单位名称", "地址编码", "单位类型");
    }
}
