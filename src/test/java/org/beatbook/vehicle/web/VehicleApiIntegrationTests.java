package org.beatbook.vehicle.web;

import com.jayway.jsonpath.JsonPath;
import org.beatbook.population.AddressFake;
import org.beatbook.population.Residents;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The vehicle API on real PostgreSQL: what a caller sees for good input, each rule broken, and foreign ids. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
class VehicleApiIntegrationTests {

    static final Authentication OFFICER = Residents.signedIn(Role.COMMUNITY_OFFICER);
    static final Authentication OTHER = Residents.signedIn(Role.COMMUNITY_OFFICER, AddressFake.R2);

    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;

    MvcTestResult send(String method, String uri, String json, Authentication who) {
        var req = method.equals("PATCH") ? mvc.patch() : mvc.post();
        return req.uri(uri).contentType(MediaType.APPLICATION_JSON).content(json).header("Accept-Language", "zh-CN")
                .with(authentication(who)).with(csrf()).exchange();
    }

    MvcTestResult get(String uri, Authentication who) {
        return mvc.get().uri(uri).with(authentication(who)).exchange();
    }

    static String body(MvcTestResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    long person(String room, Authentication who) throws Exception {
        MvcTestResult r = send("POST", "/api/v1/persons", Residents.tenant().room(room).json(), who);
        assertThat(r).hasStatus(201);
        return ((Number) JsonPath.read(body(r), "$.person.id")).longValue();
    }

    void rejects(String json, int status, String field) {
        assertThat(send("POST", "/api/v1/vehicles", json, OFFICER)).hasStatus(status)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
    }

    @Test
    void registersOpensSearchesAndChangesWithinScope() throws Exception {
        long owner = person(AddressFake.ROOM_501, OFFICER);
        long foreigner = person(AddressFake.OTHER_ROOM, OTHER);
        MvcTestResult car = send("POST", "/api/v1/vehicles", """
                {"kind":"MOTOR","plate":"皖a 7k319","plateColor":"BLUE","vehicleType":"SMALL_CAR","ownerId":%d,
                 "addressCode":"%s"}""".formatted(owner, AddressFake.ROOM_501), OFFICER);
        assertThat(car).hasStatus(201).bodyJson().extractingPath("$.plate").isEqualTo("皖A7K319");
        long id = ((Number) JsonPath.read(body(car), "$.id")).longValue();

        rejects("{\"kind\":\"MOTOR\",\"ownerId\":%d}".formatted(owner), 400, "plate");
        rejects("{\"kind\":\"MOTOR\",\"plate\":\"皖AI2345\",\"ownerId\":%d}".formatted(owner), 400, "plate");
        rejects("{\"kind\":\"BUS\",\"plate\":\"皖A12345\",\"ownerId\":%d}".formatted(owner), 400, "kind");
        rejects("{\"kind\":\"EBIKE\",\"tag\":\"XYZ\",\"ownerId\":%d}".formatted(owner), 400, "tag");
        rejects("{\"kind\":\"EBIKE\",\"tag\":\"E2801160AB\",\"ownerId\":%d}".formatted(foreigner), 400, "ownerId");
        rejects("{\"kind\":\"EBIKE\",\"tag\":\"E2801160AB\",\"ownerId\":%d,\"addressCode\":\"%s\"}"
                .formatted(owner, AddressFake.ROOM_502), 400, "addressCode");
        rejects("{\"kind\":\"MOTOR\",\"plate\":\"皖A·7K319\",\"ownerId\":%d}".formatted(owner), 409, "plate");
        rejects("{\"kind\":\"EBIKE\",\"tag\":\"E2801160AB\",\"ownerId\":\"one\"}", 400, "ownerId");

        assertThat(get("/api/v1/vehicles/" + id, OFFICER)).hasStatusOk().bodyJson()
                .extractingPath("$.ownerId").isEqualTo((int) owner);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_log WHERE action = 'VEHICLE_READ' AND object_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);
        MvcTestResult foreign = get("/api/v1/vehicles/" + id, OTHER);
        MvcTestResult missing = get("/api/v1/vehicles/999999999", OTHER);
        assertThat(foreign).hasStatus(404);
        assertThat(body(foreign).replace("/vehicles/" + id, "/vehicles/{id}"))
                .isEqualTo(body(missing).replace("/vehicles/999999999", "/vehicles/{id}"));
        assertThat(send("PATCH", "/api/v1/vehicles/" + id, "{\"colour\":\"白\"}", OTHER)).hasStatus(404);

        assertThat(body(get("/api/v1/vehicles?q=7k3", OFFICER))).contains("皖A7K319");
        assertThat(body(get("/api/v1/vehicles?q=7k3", OTHER))).doesNotContain("皖A7K319");
        assertThat(get("/api/v1/vehicles?size=0", OFFICER)).hasStatus(400).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("size");
        assertThat(get("/api/v1/vehicles?compound=R2C1", OFFICER)).hasStatus(400).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("compound");
        assertThat(body(get("/api/v1/vehicles?compound=" + AddressFake.COMPOUND + "&kind=MOTOR", OFFICER))).contains("皖A7K319");

        assertThat(send("PATCH", "/api/v1/vehicles/" + id, "{\"colour\":\"白\",\"brand\":\"比亚迪\"}", OFFICER))
                .hasStatusOk().bodyJson().extractingPath("$.brand").isEqualTo("比亚迪");
        assertThat(send("PATCH", "/api/v1/vehicles/" + id, "{\"addressCode\":\"%s\"}".formatted(AddressFake.ROOM_502), OFFICER))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("addressCode");
        assertThat(send("PATCH", "/api/v1/vehicles/" + id, "{\"plate\":\"\"}", OFFICER))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("plate");
    }

    @Test
    void pagesListACompoundAndRegisterFromThePersonPage() throws Exception {
        long owner = person(AddressFake.ROOM_501, OFFICER);
        assertThat(get("/persons/" + owner, OFFICER)).hasStatusOk().bodyText().contains("/vehicles?owner=" + owner);
        assertThat(get("/vehicles/new?owner=" + owner, OFFICER)).hasStatusOk().bodyText().contains("登记车辆");
        MvcTestResult bad = mvc.post().uri("/vehicles").param("kind", "EBIKE").param("tag", "12")
                .param("ownerId", Long.toString(owner)).with(authentication(OFFICER)).with(csrf()).exchange();
        assertThat(bad).hasStatus(400).bodyText().contains("电子标签须为 8–32 位十六进制字符");
        MvcTestResult ok = mvc.post().uri("/vehicles").param("kind", "EBIKE").param("tag", "E2801160CAFE")
                .param("brand", "雅迪").param("ownerId", Long.toString(owner)).with(authentication(OFFICER)).with(csrf())
                .exchange();
        assertThat(ok).hasStatus3xxRedirection().hasRedirectedUrl("/vehicles?owner=" + owner);
        assertThat(get("/vehicles?owner=" + owner, OFFICER)).hasStatusOk().bodyText().contains("E2801160CAFE").contains("雅迪");
        assertThat(mvc.get().uri("/vehicles?q=CAFE").header("HX-Request", "true").with(authentication(OFFICER)).exchange())
                .hasStatusOk().bodyText().contains("E2801160CAFE").doesNotContain("<html");
        assertThat(get("/vehicles/new?owner=" + owner, OTHER)).hasStatus(404);
    }
}
