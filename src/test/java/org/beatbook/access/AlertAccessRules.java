package org.beatbook.access;

import org.beatbook.shared.security.Role;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Set;

import static org.beatbook.access.AccessRule.roles;
import static org.beatbook.access.AccessRule.scoped;
import static org.beatbook.access.AccessRule.unscoped;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Alerts and the hotlist: the three police roles, alerts within their jurisdiction; the hotlist (not scoped) is
 * maintained by the station leader and the community officer. Community workers and administrators see neither.
 */
class AlertAccessRules implements AccessRules {

    static final Set<Role> POLICE = roles(Role.STATION_LEADER, Role.COMMUNITY_OFFICER, Role.AUXILIARY_POLICE);
    static final Set<Role> KEEPERS = roles(Role.STATION_LEADER, Role.COMMUNITY_OFFICER);

    @Override
    public List<AccessRule> rules(AccessFixture f) {
        var s = f.smart();
        String json = MediaType.APPLICATION_JSON_VALUE;
        AccessRule.Ids fresh = new AccessRule.Ids(s.ownAlert(), s.foreignAlert(), "999999999");
        AccessRule.Ids acked = new AccessRule.Ids(s.ownAcknowledged(), s.foreignAlert(), "999999999");
        AccessRule.Ids entry = new AccessRule.Ids(s.hotlistEntry(), null, "999999999");
        String dispatch = "{\"assigneeId\":" + s.assigneeId() + "}";
        var runs = EmptyImportRuns.of(f, "hotlist", KEEPERS);
        return List.of(
                unscoped(GET, "/api/v1/alerts", POLICE, c -> get("/api/v1/alerts")),
                unscoped(GET, "/api/v1/alerts/stream", POLICE, c -> get("/api/v1/alerts/stream")),
                scoped(GET, "/api/v1/alerts/{id}", POLICE, fresh, id -> get("/api/v1/alerts/" + id)),
                scoped(POST, "/api/v1/alerts/{id}/acknowledge", POLICE, fresh,
                        id -> post("/api/v1/alerts/" + id + "/acknowledge")),
                scoped(POST, "/api/v1/alerts/{id}/dispatch", POLICE, acked,
                        id -> post("/api/v1/alerts/" + id + "/dispatch").contentType(json).content(dispatch)),
                scoped(POST, "/api/v1/alerts/{id}/close", POLICE, acked, id -> post("/api/v1/alerts/" + id + "/close")
                        .contentType(json).content("{\"outcome\":\"FALSE_POSITIVE\"}")),
                unscoped(GET, "/api/v1/hotlist", POLICE, c -> get("/api/v1/hotlist")),
                unscoped(POST, "/api/v1/hotlist", KEEPERS, c -> post("/api/v1/hotlist").contentType(json)
                        .content("{\"kind\":\"PLATE\",\"value\":\"皖EFX002\",\"source\":\"市局\"}")),
                new AccessRule(DELETE, "/api/v1/hotlist/{id}", KEEPERS, r -> entry,
                        id -> delete("/api/v1/hotlist/" + id)),

                unscoped(GET, "/api/v1/imports/hotlist/template", KEEPERS, c -> get("/api/v1/imports/hotlist/template")),
                unscoped(POST, "/api/v1/imports/hotlist", KEEPERS,
                        c -> multipart("/api/v1/imports/hotlist").file(hotlistWorkbook())),
                new AccessRule(GET, "/api/v1/imports/hotlist/{id}", KEEPERS, runs,
                        id -> get("/api/v1/imports/hotlist/" + id)),
                new AccessRule(GET, "/api/v1/imports/hotlist/{id}/report", KEEPERS, runs,
                        id -> get("/api/v1/imports/hotlist/" + id + "/report")),
                unscoped(GET, "/hotlist/import", KEEPERS, c -> get("/hotlist/import")),
                unscoped(GET, "/hotlist/import/template.xlsx", KEEPERS, c -> get("/hotlist/import/template.xlsx")),
                unscoped(POST, "/hotlist/import", KEEPERS, c -> multipart("/hotlist/import").file(hotlistWorkbook())),
                new AccessRule(GET, "/hotlist/import/{id}", KEEPERS, runs, id -> get("/hotlist/import/" + id)),
                new AccessRule(GET, "/hotlist/import/{id}/report.xlsx", KEEPERS, runs,
                        id -> get("/hotlist/import/" + id + "/report.xlsx")),

                unscoped(GET, "/alerts/live", POLICE, c -> get("/alerts/live")),
                unscoped(GET, "/alerts/live/stream", POLICE, c -> get("/alerts/live/stream")),
                unscoped(GET, "/alerts", POLICE, c -> get("/alerts").param("rule", "HOTLIST_HIT")),
                scoped(GET, "/alerts/{id}", POLICE, fresh, id -> get("/alerts/" + id)),
                scoped(GET, "/alerts/{id}/card", POLICE, acked, id -> get("/alerts/" + id + "/card")),
                scoped(POST, "/alerts/{id}/acknowledge", POLICE, fresh, id -> post("/alerts/" + id + "/acknowledge")),
                scoped(POST, "/alerts/{id}/dispatch", POLICE, acked, id -> post("/alerts/" + id + "/dispatch")
                        .param("assigneeId", Long.toString(s.assigneeId()))),
                scoped(POST, "/alerts/{id}/close", POLICE, acked, id -> post("/alerts/" + id + "/close")
                        .param("outcome", "RECOVERED")),
                unscoped(GET, "/hotlist", POLICE, c -> get("/hotlist")),
                unscoped(POST, "/hotlist", KEEPERS, c -> post("/hotlist").param("kind", "TAG")
                        .param("value", "E2801160ABCD0001").param("source", "派出所")),
                new AccessRule(POST, "/hotlist/{id}/remove", KEEPERS, r -> entry,
                        id -> post("/hotlist/" + id + "/remove")));
    }

    /** A hotlist workbook with one stolen plate. */
    static org.springframework.mock.web.MockMultipartFile hotlistWorkbook() {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("布控名单");
            String[][] rows = {{"类型", "号牌或标签", "来源"}, {"PLATE", "皖EFX003", "市局"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return new org.springframework.mock.web.MockMultipartFile("file", "hotlist.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
