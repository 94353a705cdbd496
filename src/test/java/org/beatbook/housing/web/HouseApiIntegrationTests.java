package org.beatbook.housing.web;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.beatbook.population.AddressFake;
import org.beatbook.population.Residents;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.population.AddressFake.OTHER_ROOM;
import static org.beatbook.population.AddressFake.R2;
import static org.beatbook.population.AddressFake.ROOM_501;
import static org.beatbook.population.AddressFake.ROOM_502;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The house API end to end on real PostgreSQL, with the address tree faked (see {@link AddressFake}). */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
class HouseApiIntegrationTests {

    static final Authentication OFFICER = Residents.signedIn(Role.COMMUNITY_OFFICER);
    static final Authentication AUXILIARY_R2 = Residents.signedIn(Role.AUXILIARY_POLICE, R2);
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;

    /** The test classes share one context (and database): each test starts from no houses. */
    @org.junit.jupiter.api.BeforeEach
    void noHouses() {
        jdbc.sql("DELETE FROM housing.house_version; DELETE FROM housing.guest; DELETE FROM housing.tenancy; "
                + "DELETE FROM housing.house").update();
    }

    MvcTestResult send(String method, String uri, String json, Authentication who) {
        var req = switch (method) {
            case "PUT" -> mvc.put();
            default -> mvc.post();
        };
        return req.uri(uri).contentType(MediaType.APPLICATION_JSON).content(json).header("Accept-Language", "zh-CN")
                .with(authentication(who)).with(csrf()).exchange();
    }

    MvcTestResult get(String uri, Authentication who) {
        return mvc.get().uri(uri).with(authentication(who)).exchange();
    }

    static DocumentContext json(MvcTestResult r) {
        return JsonPath.parse(body(r));
    }

    static String body(MvcTestResult r) {
        try {
            return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void registerRentVerifyEndKeepsHistoryAndVersions() {
        MvcTestResult created = send("PUT", "/api/v1/houses/" + ROOM_501, """
                {"usage":"出租","ownerName":"王建国","ownerIdNumber":"%s","ownerPhone":"13955550101",
                 "landlordName":"王建国","landlordPhone":"13955550101"}""".formatted(Residents.idNumber(LocalDate.of(1970, 5, 6))),
                OFFICER);
        assertThat(created).as(body(created)).hasStatus(HttpStatus.CREATED);
        assertThat(json(created).read("$.usage", String.class)).isEqualTo("RENTED");
        assertThat(json(created).read("$.owner.phone", String.class)).isEqualTo("139****0101");
        assertThat(body(created)).doesNotContain("13955550101");
        assertThat(json(created).read("$.verification.overdue", Boolean.class)).isTrue();

        MvcTestResult t = send("POST", "/api/v1/houses/" + ROOM_501 + "/tenancies", """
                {"tenantName":"李明","tenantIdNumber":"%s","startDate":"2026-03-01","endDate":"2027-02-28",
                 "contractNumber":"ZL-501"}""".formatted(Residents.idNumber(LocalDate.of(1992, 1, 2))), OFFICER);
        assertThat(t).as(body(t)).hasStatus(HttpStatus.CREATED);
        long tenancy = json(t).read("$.tenancies[0].id", Long.class);
        assertThat(json(t).read("$.tenancies[0].current", Boolean.class)).isTrue();

        MvcTestResult again = send("POST", "/api/v1/houses/" + ROOM_501 + "/tenancies", """
                {"tenantName":"李明","startDate":"2026-04-01","contractNumber":"ZL-501"}""", OFFICER);
        assertThat(again).hasStatus(HttpStatus.CONFLICT);
        assertThat(json(again).read("$.errors[0].field", String.class)).isEqualTo("contractNumber");

        MvcTestResult v = send("POST", "/api/v1/houses/" + ROOM_501 + "/verifications",
                "{\"verifiedOn\":\"" + TODAY + "\",\"result\":\"正常\"}", OFFICER);
        assertThat(v).as(body(v)).hasStatus(HttpStatus.OK);
        assertThat(json(v).read("$.verification.overdue", Boolean.class)).isFalse();
        assertThat(json(v).read("$.verification.result", String.class)).isEqualTo("NORMAL");

        MvcTestResult end = send("POST", "/api/v1/houses/" + ROOM_501 + "/tenancies/" + tenancy + "/end",
                "{\"endedOn\":\"" + TODAY + "\"}", OFFICER);
        assertThat(end).as(body(end)).hasStatus(HttpStatus.OK);
        assertThat(json(end).read("$.tenancies[0].current", Boolean.class)).isFalse();
        assertThat(json(end).read("$.tenancies[0].endedOn", String.class)).isEqualTo(TODAY.toString());
        assertThat(send("POST", "/api/v1/houses/" + ROOM_501 + "/tenancies/" + tenancy + "/end", "{}", OFFICER))
                .hasStatus(HttpStatus.CONFLICT);

        MvcTestResult versions = get("/api/v1/houses/" + ROOM_501 + "/versions", OFFICER);
        List<String> changes = json(versions).read("$[*].change");
        assertThat(changes).containsExactly("TENANCY_ENDED", "VERIFIED", "TENANCY_STARTED", "REGISTERED");
        assertThat(jdbc.sql("select count(*) from audit.audit_log where object_type = 'HOUSE' and object_id = ?")
                .param(ROOM_501).query(Long.class).single()).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("select string_agg(changes::text, '') from housing.house_version where room_code = ?")
                .param(ROOM_501).query(String.class).single()).doesNotContain("13955550101");

        MvcTestResult list = get("/api/v1/houses?usage=RENTED", OFFICER);
        assertThat(json(list).read("$.items[*].roomCode", List.class)).contains(ROOM_501);
    }

    @Test
    void badBodiesNameEveryField() {
        MvcTestResult r = send("PUT", "/api/v1/houses/" + ROOM_502, """
                {"usage":"宫殿","ownerName":"王1","ownerIdNumber":"340524198001010010","landlordPhone":"12345"}""",
                OFFICER);
        assertThat(r).hasStatus(HttpStatus.BAD_REQUEST);
        List<String> fields = json(r).read("$.errors[*].field");
        assertThat(fields).contains("usage", "ownerName", "ownerIdNumber", "landlordPhone");
        assertThat(send("PUT", "/api/v1/houses/" + ROOM_502, "{\"usage\":\"VACANT\"}", OFFICER))
                .hasStatus(HttpStatus.CREATED);
        MvcTestResult t = send("POST", "/api/v1/houses/" + ROOM_502 + "/tenancies",
                "{\"tenantName\":\"张三\",\"startDate\":\"2026/13/01\"}", OFFICER);
        assertThat(t).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json(t).read("$.errors[0].field", String.class)).isEqualTo("startDate");
        MvcTestResult v = send("POST", "/api/v1/houses/" + ROOM_502 + "/verifications",
                "{\"result\":\"ABNORMAL\"}", OFFICER);
        assertThat(json(v).read("$.errors[0].field", String.class)).isEqualTo("note");
    }

    @Test
    void anAuxiliaryOfAnotherCommunityGetsNotFound() {
        assertThat(send("PUT", "/api/v1/houses/" + AddressFake.ROOM_5_101, "{\"usage\":\"SELF_OCCUPIED\"}", OFFICER))
                .hasStatus(HttpStatus.CREATED);
        MvcTestResult foreign = get("/api/v1/houses/" + AddressFake.ROOM_5_101, AUXILIARY_R2);
        MvcTestResult missing = get("/api/v1/houses/NOSUCHROOM", AUXILIARY_R2);
        assertThat(foreign).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(body(foreign).replace(AddressFake.ROOM_5_101, "X"))
                .isEqualTo(body(missing).replace("NOSUCHROOM", "X"));
        assertThat(send("PUT", "/api/v1/houses/" + AddressFake.ROOM_5_101, "{\"usage\":\"VACANT\"}", AUXILIARY_R2))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(body(get("/api/v1/houses", AUXILIARY_R2))).doesNotContain(AddressFake.ROOM_5_101);
        assertThat(send("PUT", "/api/v1/houses/" + OTHER_ROOM, "{\"usage\":\"VACANT\"}", AUXILIARY_R2))
                .hasStatus(HttpStatus.CREATED);
    }

    @Test
    void aRevealShowsOneWholeNumberForTheRightRolesAndRecordsThePurpose() {
        String owner = Residents.idNumber(LocalDate.of(1971, 2, 3));
        assertThat(send("PUT", "/api/v1/houses/" + ROOM_501, """
                {"usage":"RENTED","ownerName":"王建国","ownerIdNumber":"%s","ownerPhone":"13955550101",
                 "landlordName":"李房东","landlordPhone":"13955550202"}""".formatted(owner), OFFICER))
                .hasStatus(HttpStatus.CREATED);

        MvcTestResult phone = send("POST", "/api/v1/houses/" + ROOM_501 + "/reveal",
                "{\"field\":\"landlordPhone\",\"purpose\":\"联系出租人核实租客\"}", OFFICER);
        assertThat(phone).as(body(phone)).hasStatus(HttpStatus.OK);
        assertThat(json(phone).read("$.value", String.class)).isEqualTo("13955550202");
        assertThat(json(phone).read("$.field", String.class)).isEqualTo("landlordPhone");
        MvcTestResult id = send("POST", "/api/v1/houses/" + ROOM_501 + "/reveal",
                "{\"field\":\"ownerIdNumber\",\"purpose\":\"核实房主 13955550101\"}",
                Residents.signedIn(Role.STATION_LEADER));
        assertThat(json(id).read("$.value", String.class)).isEqualTo(owner);
        assertThat(body(id)).doesNotContain("13955550101", "13955550202");
        assertThat(jdbc.sql("""
                        select coalesce(purpose, '') || '|' || result || '|' || coalesce(detail, '') from audit.audit_log
                         where action = 'HOUSE_REVEALED' and object_id = ?
                           and purpose in ('联系出租人核实租客', '核实房主 139****0101') order by id""")
                .param(ROOM_501).query(String.class).list())
                .containsExactly("联系出租人核实租客|SUCCESS|field=landlordPhone", "核实房主 139****0101|SUCCESS|field=ownerIdNumber");

        MvcTestResult noPurpose = send("POST", "/api/v1/houses/" + ROOM_501 + "/reveal",
                "{\"field\":\"ownerPhone\",\"purpose\":\" \"}", OFFICER);
        assertThat(noPurpose).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json(noPurpose).read("$.errors[0].field", String.class)).isEqualTo("purpose");
        assertThat(json(noPurpose).read("$.errors[0].message", String.class)).isEqualTo("请填写查看事由");
        MvcTestResult tenant = send("POST", "/api/v1/houses/" + ROOM_501 + "/reveal",
                "{\"field\":\"tenantPhone\",\"purpose\":\"核实\"}", OFFICER);
        assertThat(tenant).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json(tenant).read("$.errors[0].field", String.class)).isEqualTo("field");

        MvcTestResult auxiliary = send("POST", "/api/v1/houses/" + ROOM_501 + "/reveal",
                "{\"field\":\"ownerPhone\",\"purpose\":\"辅警核实房主\"}", Residents.signedIn(Role.AUXILIARY_POLICE));
        assertThat(auxiliary).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(body(auxiliary)).doesNotContain("13955550101");
        assertThat(jdbc.sql("select count(*) from audit.audit_log where action = 'HOUSE_REVEALED' and result = 'DENIED'"
                + " and object_id = ? and purpose = '辅警核实房主'").param(ROOM_501).query(Long.class).single())
                .isEqualTo(1);

        Authentication leaderR2 = Residents.signedIn(Role.STATION_LEADER, R2);
        MvcTestResult foreign = send("POST", "/api/v1/houses/" + ROOM_501 + "/reveal",
                "{\"field\":\"ownerPhone\",\"purpose\":\"核实房主\"}", leaderR2);
        MvcTestResult missing = send("POST", "/api/v1/houses/NOSUCHROOM/reveal",
                "{\"field\":\"ownerPhone\",\"purpose\":\"核实房主\"}", leaderR2);
        assertThat(foreign).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(body(foreign).replace(ROOM_501, "X")).isEqualTo(body(missing).replace("NOSUCHROOM", "X"));
        assertThat(jdbc.sql("select string_agg(coalesce(purpose, '') || coalesce(detail, ''), ' ') from audit.audit_log")
                .query(String.class).single()).doesNotContain("13955550101", "13955550202", owner);
    }
}
