package org.beatbook.access;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

import java.util.List;

import static org.beatbook.access.AccessRule.scoped;
import static org.beatbook.access.AccessRule.unscoped;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Vehicles: like residents, the four operational roles within their jurisdiction. */
class VehicleAccessRules implements AccessRules {

    @Override
    public List<AccessRule> rules(AccessFixture f) {
        var s = f.smart();
        var p = f.people();
        String json = MediaType.APPLICATION_JSON_VALUE;
        AccessRule.Ids vehicle = new AccessRule.Ids(s.ownVehicle(), s.foreignVehicle(), "999999999");
        AccessRule.Ids owner = new AccessRule.Ids(p.ownPerson(), p.foreignPerson(), "999999999");
        var runs = EmptyImportRuns.of(f, "vehicles", PopulationAccessRules.OPERATIONAL);
        return List.of(
                unscoped(GET, "/api/v1/vehicles", PopulationAccessRules.OPERATIONAL,
                        c -> get("/api/v1/vehicles").param("q", "E2801160")),
                unscoped(POST, "/api/v1/vehicles", PopulationAccessRules.OPERATIONAL,
                        c -> post("/api/v1/vehicles").contentType(json).content("""
                                {"kind":"EBIKE","tag":"E2801160AAAA0001","ownerId":%s,"addressCode":"%s"}"""
                                .formatted(p.ownPerson(), p.ownRoom()))),
                scoped(GET, "/api/v1/vehicles/{id}", PopulationAccessRules.OPERATIONAL, vehicle,
                        id -> get("/api/v1/vehicles/" + id)),
                scoped(PATCH, "/api/v1/vehicles/{id}", PopulationAccessRules.OPERATIONAL, vehicle,
                        id -> patch("/api/v1/vehicles/" + id).contentType(json).content("{\"brand\":\"雅迪\"}")),
                unscoped(GET, "/vehicles", PopulationAccessRules.OPERATIONAL, c -> get("/vehicles")),
                scoped(GET, "/vehicles/new", PopulationAccessRules.OPERATIONAL, owner,
                        id -> get("/vehicles/new").param("owner", id)),
                unscoped(POST, "/vehicles", PopulationAccessRules.OPERATIONAL, c -> post("/vehicles")
                        .param("kind", "EBIKE").param("tag", "E2801160AAAA0002").param("ownerId", p.ownPerson())
                        .param("addressCode", p.ownRoom())),

                unscoped(GET, "/api/v1/imports/vehicles/template", PopulationAccessRules.OPERATIONAL,
                        c -> get("/api/v1/imports/vehicles/template")),
                unscoped(POST, "/api/v1/imports/vehicles", PopulationAccessRules.OPERATIONAL,
                        c -> multipart("/api/v1/imports/vehicles").file(emptyVehicleFile())),
                new AccessRule(GET, "/api/v1/imports/vehicles/{id}", PopulationAccessRules.OPERATIONAL, runs,
                        id -> get("/api/v1/imports/vehicles/" + id)),
                new AccessRule(GET, "/api/v1/imports/vehicles/{id}/report", PopulationAccessRules.OPERATIONAL, runs,
                        id -> get("/api/v1/imports/vehicles/" + id + "/report")),
                unscoped(GET, "/vehicles/import", PopulationAccessRules.OPERATIONAL, c -> get("/vehicles/import")),
                unscoped(GET, "/vehicles/import/template.xlsx", PopulationAccessRules.OPERATIONAL,
                        c -> get("/vehicles/import/template.xlsx")),
                unscoped(POST, "/vehicles/import", PopulationAccessRules.OPERATIONAL,
                        c -> multipart("/vehicles/import").file(emptyVehicleFile())),
                new AccessRule(GET, "/vehicles/import/{id}", PopulationAccessRules.OPERATIONAL, runs,
                        id -> get("/vehicles/import/" + id)),
                new AccessRule(GET, "/vehicles/import/{id}/report.xlsx", PopulationAccessRules.OPERATIONAL, runs,
                        id -> get("/vehicles/import/" + id + "/report.xlsx")));
    }

    /** A vehicle file with only the header row: a valid upload that registers nothing. */
    static MockMultipartFile emptyVehicleFile() {
        return PopulationAccessRules.headerOnlyWorkbook("车辆", "车辆类型（机动车/电动自行车）", "号牌号码", "电子标签（RFID）",
                "车主公民身份号码", "地址编码");
    }
}
