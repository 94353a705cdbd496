package org.beatbook.access;

import org.beatbook.shared.security.Role;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import java.util.List;
import java.util.Set;

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
 * Residents: the four operational roles within their jurisdiction; no administrator or auditor reads
 * residents; only the station leader and the community officer reveal full numbers.
 */
class PopulationAccessRules implements AccessRules {

    static final Set<Role> OPERATIONAL = roles(STATION_LEADER, COMMUNITY_OFFICER, AUXILIARY_POLICE, COMMUNITY_WORKER);
    static final Set<Role> REVEALERS = roles(STATION_LEADER, COMMUNITY_OFFICER);

    @Override
    public List<AccessRule> rules(AccessFixture f) {
        var p = f.people();
        String json = MediaType.APPLICATION_JSON_VALUE;
        AccessRule.Ids person = new AccessRule.Ids(p.ownPerson(), p.foreignPerson(), "999999999");
        AccessRule.Ids residence = new AccessRule.Ids(p.ownPerson() + "/" + p.ownResidence(),
                p.foreignPerson() + "/" + p.foreignResidence(), "999999999/999999999");
        AccessRule.Ids room = new AccessRule.Ids(p.ownRoom(), p.foreignRoom(), f.missingNode());
        AccessRule.Ids place = new AccessRule.Ids(f.ownNode(), f.foreignNode(), f.missingNode());
        String newcomer = AccessFixture.idNumber("340524198505050", 45);
        return List.of(
                unscoped(GET, "/api/v1/persons", OPERATIONAL, c -> get("/api/v1/persons").param("q", "郑")),
                unscoped(POST, "/api/v1/persons", OPERATIONAL, c -> post("/api/v1/persons").contentType(json).content("""
                        {"idNumber":"%s","name":"孙新来","phone":"13900139000","addressCode":"%s",
                         "residenceType":"TENANT","confirmNew":true}""".formatted(newcomer, p.ownRoom()))),
                scoped(GET, "/api/v1/persons/{id}", OPERATIONAL, person, id -> get("/api/v1/persons/" + id)),
                scoped(PATCH, "/api/v1/persons/{id}", OPERATIONAL, person, id -> patch("/api/v1/persons/" + id)
                        .contentType(json).content("{\"occupation\":\"教师\"}")),
                scoped(POST, "/api/v1/persons/{id}/residences", OPERATIONAL, person,
                        id -> post("/api/v1/persons/" + id + "/residences").contentType(json).content(
                                "{\"addressCode\":\"%s\",\"residenceType\":\"TENANT\"}".formatted(p.otherOwnRoom()))),
                scoped(POST, "/api/v1/persons/{id}/residences/{residenceId}/end", OPERATIONAL, residence,
                        ids -> post("/api/v1/persons/" + ids.replace("/", "/residences/") + "/end")
                                .contentType(json).content("{}")),
                scoped(POST, "/api/v1/persons/{id}/residences/{residenceId}/verify", OPERATIONAL, residence,
                        ids -> post("/api/v1/persons/" + ids.replace("/", "/residences/") + "/verify")),
                scoped(POST, "/api/v1/persons/{id}/reveal", REVEALERS, person, id -> post("/api/v1/persons/" + id
                        + "/reveal").contentType(json).content("{\"purpose\":\"核实身份\"}")),

                unscoped(GET, "/intake", OPERATIONAL, c -> get("/intake")),
                unscoped(GET, "/intake/nodes", OPERATIONAL, c -> get("/intake/nodes")),
                unscoped(GET, "/intake/room", OPERATIONAL, c -> get("/intake/room").param("key", "1-1-101")),
                unscoped(GET, "/intake/id-check", OPERATIONAL, c -> get("/intake/id-check").param("idNumber", newcomer)),
                unscoped(POST, "/intake", OPERATIONAL, c -> post("/intake").param("addressCode", p.ownRoom())
                        .param("idNumber", newcomer).param("name", "孙新来").param("phone", "13900139000")
                        .param("residenceType", "TENANT")),
                unscoped(GET, "/persons", OPERATIONAL, c -> get("/persons").param("q", "郑")),
                scoped(GET, "/persons/{id}", OPERATIONAL, person, id -> get("/persons/" + id)),
                scoped(POST, "/persons/{id}/reveal", REVEALERS, person,
                        id -> post("/persons/" + id + "/reveal").param("purpose", "核实身份")),
                scoped(POST, "/persons/{id}/residences/{residenceId}/end", OPERATIONAL, residence,
                        ids -> post("/persons/" + ids.replace("/", "/residences/") + "/end")),
                scoped(POST, "/persons/{id}/residences/{residenceId}/verify", OPERATIONAL, residence,
                        ids -> post("/persons/" + ids.replace("/", "/residences/") + "/verify")),
                scoped(GET, "/persons/rooms/{code}", OPERATIONAL, room, c -> get("/persons/rooms/" + c)),

                // merge: the path's person takes in the own duplicate (registered again by passport)
                scoped(POST, "/api/v1/persons/{id}/merge", REVEALERS, person, id -> post("/api/v1/persons/" + id
                        + "/merge").contentType(json).content("{\"otherId\":%s}".formatted(p.ownDuplicate()))),
                scoped(GET, "/persons/{id}/merge", REVEALERS, person,
                        id -> get("/persons/" + id + "/merge").param("otherId", p.ownDuplicate())),
                scoped(POST, "/persons/{id}/merge", REVEALERS, person,
                        id -> post("/persons/" + id + "/merge").param("otherId", p.ownDuplicate())),

                // resident import: the caller's own runs only
                unscoped(GET, "/api/v1/imports/residents/template", OPERATIONAL,
                        c -> get("/api/v1/imports/residents/template")),
                unscoped(POST, "/api/v1/imports/residents", OPERATIONAL,
                        c -> multipart("/api/v1/imports/residents").file(emptyResidentFile())),
                new AccessRule(GET, "/api/v1/imports/residents/{id}", OPERATIONAL, p::importIds,
                        id -> get("/api/v1/imports/residents/" + id)),
                new AccessRule(GET, "/api/v1/imports/residents/{id}/report", OPERATIONAL, p::importIds,
                        id -> get("/api/v1/imports/residents/" + id + "/report")),
                unscoped(GET, "/persons/import", OPERATIONAL, c -> get("/persons/import")),
                unscoped(GET, "/persons/import/template.xlsx", OPERATIONAL, c -> get("/persons/import/template.xlsx")),
                unscoped(POST, "/persons/import", OPERATIONAL, c -> multipart("/persons/import").file(emptyResidentFile())),
                new AccessRule(GET, "/persons/import/{id}", OPERATIONAL, p::importIds, id -> get("/persons/import/" + id)),
                new AccessRule(GET, "/persons/import/{id}/report.xlsx", OPERATIONAL, p::importIds,
                        id -> get("/persons/import/" + id + "/report.xlsx")),

                // roster: of a place in the jurisdiction (masked; full numbers are tested in the module)
                scoped(GET, "/api/v1/persons/roster", OPERATIONAL, place,
                        c -> get("/api/v1/persons/roster").param("under", c)),
                unscoped(GET, "/persons/roster", OPERATIONAL, c -> get("/persons/roster")),
                scoped(GET, "/persons/roster.xlsx", OPERATIONAL, place, c -> get("/persons/roster.xlsx").param("under", c)));
    }

    /** A resident file with only the header row: a valid upload that changes nothing. */
    static MockMultipartFile emptyResidentFile() {
        return headerOnlyWorkbook("住户", "姓名", "公民身份号码", "联系电话", "地址编码", "居住类型");
    }

    /** An xlsx upload with a header row and no data rows. */
    static MockMultipartFile headerOnlyWorkbook(String sheet, String... headers) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var row = wb.createSheet(sheet).createRow(0);
            for (int i = 0; i < headers.length; i++) {
                row.createCell(i).setCellValue(headers[i]);
            }
            wb.write(out);
            return new MockMultipartFile("file", "upload.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
