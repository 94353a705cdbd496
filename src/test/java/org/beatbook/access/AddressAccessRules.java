package org.beatbook.access;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beatbook.shared.security.Role;
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
import static org.beatbook.shared.security.Role.SYSTEM_ADMIN;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The address tree: operational roles and the system administrator read, three roles write. */
class AddressAccessRules implements AccessRules {

    static final Set<Role> READERS = roles(SYSTEM_ADMIN, STATION_LEADER, COMMUNITY_OFFICER, AUXILIARY_POLICE,
            COMMUNITY_WORKER);
    static final Set<Role> WRITERS = roles(SYSTEM_ADMIN, STATION_LEADER, COMMUNITY_OFFICER);

    @Override
    public List<AccessRule> rules(AccessFixture f) {
        AccessRule.Ids node = new AccessRule.Ids(f.ownNode(), f.foreignNode(), f.missingNode());
        String json = MediaType.APPLICATION_JSON_VALUE;
        return List.of(
                scoped(GET, "/api/v1/addresses/{code}", READERS, node, c -> get("/api/v1/addresses/" + c)),
                scoped(GET, "/api/v1/addresses", READERS, node, c -> get("/api/v1/addresses").param("parent", c)),
                scoped(POST, "/api/v1/addresses", WRITERS, node, c -> post("/api/v1/addresses").contentType(json)
                        .content("{\"parentCode\":\"" + c + "\",\"level\":\"UNIT\",\"name\":\"9单元\"}"))
                        .absentAnswers(400),
                scoped(PATCH, "/api/v1/addresses/{code}", WRITERS, node, c -> patch("/api/v1/addresses/" + c)
                        .contentType(json).content("{\"name\":\"更名楼\"}")),
                scoped(POST, "/api/v1/addresses/{code}/move", WRITERS, node, c -> post("/api/v1/addresses/" + c
                        + "/move").contentType(json).content("{\"parentCode\":\"" + f.ownCompound() + "\"}")),
                scoped(POST, "/api/v1/addresses/{code}/retire", WRITERS, node,
                        c -> post("/api/v1/addresses/" + c + "/retire")),
                scoped(POST, "/api/v1/addresses/{code}/restore", WRITERS, node,
                        c -> post("/api/v1/addresses/" + c + "/restore")),
                unscoped(GET, "/api/v1/imports/addresses/template", WRITERS,
                        c -> get("/api/v1/imports/addresses/template")),
                unscoped(POST, "/api/v1/imports/addresses", WRITERS,
                        c -> multipart("/api/v1/imports/addresses").file(emptyWorkbook())),
                new AccessRule(GET, "/api/v1/imports/addresses/{id}", WRITERS, f::importIds,
                        id -> get("/api/v1/imports/addresses/" + id)),
                new AccessRule(GET, "/api/v1/imports/addresses/{id}/report", WRITERS, f::importIds,
                        id -> get("/api/v1/imports/addresses/" + id + "/report")),

                unscoped(GET, "/addresses", READERS, c -> get("/addresses")),
                unscoped(GET, "/addresses/search", READERS, c -> get("/addresses/search").param("q", "楼")),
                scoped(GET, "/addresses/{code}", READERS, node, c -> get("/addresses/" + c)),
                scoped(POST, "/addresses/{parent}/children", WRITERS, node, c -> post("/addresses/" + c + "/children")
                        .param("level", "UNIT").param("name", "9单元")),
                scoped(POST, "/addresses/{code}/edit", WRITERS, node, c -> post("/addresses/" + c + "/edit")
                        .param("name", "更名楼")),
                scoped(POST, "/addresses/{code}/move", WRITERS, node, c -> post("/addresses/" + c + "/move")
                        .param("parentCode", f.ownCompound())),
                scoped(POST, "/addresses/{code}/retire", WRITERS, node, c -> post("/addresses/" + c + "/retire")),
                scoped(POST, "/addresses/{code}/restore", WRITERS, node, c -> post("/addresses/" + c + "/restore")),
                unscoped(GET, "/addresses/import", WRITERS, c -> get("/addresses/import")),
                unscoped(GET, "/addresses/import/template.xlsx", WRITERS, c -> get("/addresses/import/template.xlsx")),
                unscoped(POST, "/addresses/import", WRITERS,
                        c -> multipart("/addresses/import").file(emptyWorkbook())),
                new AccessRule(GET, "/addresses/import/{id}", WRITERS, f::importIds,
                        id -> get("/addresses/import/" + id)),
                new AccessRule(GET, "/addresses/import/{id}/report.xlsx", WRITERS, f::importIds,
                        id -> get("/addresses/import/" + id + "/report.xlsx")));
    }

    /** A workbook with only the header row: a valid upload that changes nothing. */
    static MockMultipartFile emptyWorkbook() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var row = wb.createSheet("地址").createRow(0);
            String[] headers = {"编码", "上级编码", "层级", "名称", "类别", "纬度", "经度"};
            for (int i = 0; i < headers.length; i++) {
                row.createCell(i).setCellValue(headers[i]);
            }
            wb.write(out);
            return new MockMultipartFile("file", "empty.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
