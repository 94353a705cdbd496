package org.beatbook.access;

import org.springframework.http.MediaType;

import java.util.List;

import static org.beatbook.access.AccessRule.scoped;
import static org.beatbook.access.AccessRule.unscoped;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
                        .param("addressCode", p.ownRoom())));
    }
}
