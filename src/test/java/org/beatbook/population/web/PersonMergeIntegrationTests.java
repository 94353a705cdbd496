package org.beatbook.population.web;

import org.beatbook.population.AddressFake;
import org.beatbook.population.Residents;
import org.beatbook.population.Residents.Body;
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

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.population.AddressFake.OTHER_ROOM;
import static org.beatbook.population.AddressFake.R2;
import static org.beatbook.population.AddressFake.ROOM_501;
import static org.beatbook.population.AddressFake.ROOM_502;
import static org.beatbook.population.Residents.signedIn;
import static org.beatbook.population.Residents.tenant;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** One human registered twice, merged into one record; the other answers with a pointer. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
class PersonMergeIntegrationTests {

    static final Authentication OFFICER = signedIn(Role.COMMUNITY_OFFICER);

    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;

    MvcTestResult post(String uri, String json, Authentication who) {
        return mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json)
                .header("Accept-Language", "zh-CN").with(authentication(who)).with(csrf()).exchange();
    }

    long register(Body body, Authentication who) {
        MvcTestResult r = post("/api/v1/persons", body.json(), who);
        assertThat(r).as(PersonApiIntegrationTests.body(r)).hasStatus(HttpStatus.CREATED);
        return ((Number) PersonApiIntegrationTests.json(r).read("$.person.id")).longValue();
    }

    /** The same human: first by passport in 502 (with a tag), then by ID card in 501 (another phone). */
    long[] twice() {
        LocalDate born = Residents.randomBirthDate();
        Body byId = tenant().with(b -> b.idNumber(Residents.idNumber(born)));
        boolean male = (byId.idNumber().charAt(16) - '0') % 2 == 1;
        String passport = "E" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
        Body byPassport = tenant().name(byId.name()).document("CHINESE_PASSPORT", passport).birthDate(born.toString())
                .sex(male ? "1" : "2").room(ROOM_502).extra("\"tags\":[\"重点关注\"]");
        long first = register(byPassport, OFFICER);
        long second = register(byId.extra("\"confirmNew\":true"), OFFICER);
        return new long[]{second, first, Long.parseLong(byPassport.phone()), Long.parseLong(byId.phone())};
    }

    @Test
    void theOtherRecordsResidencesPhonesAndTagsMoveAndItsIdPointsAtTheSurvivor() {
        long[] t = twice();
        long survivor = t[0];
        long other = t[1];
        MvcTestResult merged = post("/api/v1/persons/" + survivor + "/merge", "{\"otherId\":" + other + "}", OFFICER);
        assertThat(merged).as(PersonApiIntegrationTests.body(merged)).hasStatusOk();
        assertThat(merged).bodyJson().extractingPath("$.residences.length()").isEqualTo(2);
        assertThat(merged).bodyJson().extractingPath("$.phones.length()").isEqualTo(2);
        assertThat(merged).bodyJson().extractingPath("$.tags").asList().containsExactly("重点关注");
        assertThat(merged).bodyJson().extractingPath("$.documentType").isEqualTo("RESIDENT_ID");
        assertThat(PersonApiIntegrationTests.body(merged)).doesNotContain(String.valueOf(t[2]), String.valueOf(t[3]));

        MvcTestResult pointer = mvc.get().uri("/api/v1/persons/" + other).with(authentication(OFFICER)).exchange();
        assertThat(pointer).hasStatus(HttpStatus.MOVED_PERMANENTLY)
                .hasHeader("Location", "/api/v1/persons/" + survivor);
        assertThat(pointer).bodyJson().extractingPath("$.mergedInto").isEqualTo((int) survivor);
        assertThat(mvc.get().uri("/persons/" + other).with(authentication(OFFICER)).exchange())
                .hasRedirectedUrl("/persons/" + survivor);
        // outside the survivor's scope the pointer is a plain 404
        assertThat(mvc.get().uri("/api/v1/persons/" + other).with(authentication(signedIn(Role.COMMUNITY_OFFICER, R2)))
                .exchange()).hasStatus(HttpStatus.NOT_FOUND);

        assertThat(jdbc.sql("select change from population.person_version where person_id = ? order by version desc limit 1")
                .param(survivor).query(String.class).single()).isEqualTo("MERGED");
        assertThat(jdbc.sql("select change from population.person_version where person_id = ? order by version desc limit 1")
                .param(other).query(String.class).single()).isEqualTo("MERGED_INTO");
        assertThat(jdbc.sql("select detail from audit.audit_log where action = 'PERSON_MERGED' and object_id = ?")
                .param(Long.toString(survivor)).query(String.class).single()).contains("merged=" + other);
        // search finds the person once
        assertThat(mvc.get().uri("/api/v1/persons").param("q", String.valueOf(t[2]).substring(7))
                .with(authentication(OFFICER)).exchange()).bodyJson().extractingPath("$.items[*].id").asList()
                .containsExactly((int) survivor);
    }

    @Test
    void twoDifferentIdNumbersAreRefusedWithTheReasonAndNothingChanges() {
        long a = register(tenant(), OFFICER);
        long b = register(tenant().room(ROOM_502), OFFICER);
        MvcTestResult r = post("/api/v1/persons/" + a + "/merge", "{\"otherId\":" + b + "}", OFFICER);
        assertThat(r).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].field").isEqualTo("otherId");
        assertThat(r).bodyJson().extractingPath("$.errors[0].message").asString().contains("身份证号码不同");
        assertThat(mvc.get().uri("/api/v1/persons/" + b).with(authentication(OFFICER)).exchange()).hasStatusOk();
        assertThat(post("/api/v1/persons/" + a + "/merge", "{\"otherId\":" + a + "}", OFFICER))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(post("/api/v1/persons/" + a + "/merge", "{}", OFFICER))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("otherId");
    }

    @Test
    void onlyOfficersAndLeadersMergeAndOnlyWithinTheirJurisdiction() {
        long[] t = twice();
        for (Role role : new Role[]{Role.AUXILIARY_POLICE, Role.COMMUNITY_WORKER, Role.AUDITOR}) {
            assertThat(post("/api/v1/persons/" + t[0] + "/merge", "{\"otherId\":" + t[1] + "}", signedIn(role)))
                    .as(role.name()).hasStatus(HttpStatus.FORBIDDEN);
        }
        long foreign = register(tenant().room(OTHER_ROOM), signedIn(Role.COMMUNITY_OFFICER, R2));
        assertThat(post("/api/v1/persons/" + t[0] + "/merge", "{\"otherId\":" + foreign + "}", OFFICER))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("otherId");
        assertThat(post("/api/v1/persons/" + foreign + "/merge", "{\"otherId\":" + t[0] + "}", OFFICER))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void thePageShowsBothRecordsMaskedAndMergesOnConfirmation() {
        long[] t = twice();
        MvcTestResult page = mvc.get().uri("/persons/" + t[0] + "/merge").param("otherId", String.valueOf(t[1]))
                .header("Accept-Language", "zh-CN").with(authentication(OFFICER)).exchange();
        assertThat(page).hasStatusOk().bodyText().contains("保留 #" + t[0], "并入 #" + t[1], "中国护照", "确认合并")
                .doesNotContain(String.valueOf(t[2]), String.valueOf(t[3]));
        MvcTestResult candidates = mvc.get().uri("/persons/" + t[0] + "/merge").with(authentication(OFFICER)).exchange();
        assertThat(candidates).hasStatusOk().bodyText().contains("otherId=" + t[1]);
        assertThat(mvc.post().uri("/persons/" + t[0] + "/merge").param("otherId", String.valueOf(t[1]))
                .with(authentication(OFFICER)).with(csrf()).exchange()).hasRedirectedUrl("/persons/" + t[0]);
        assertThat(mvc.get().uri("/api/v1/persons/" + t[1]).with(authentication(OFFICER)).exchange())
                .hasStatus(HttpStatus.MOVED_PERMANENTLY);
        assertThat(mvc.get().uri("/persons/" + t[0] + "/merge").with(authentication(signedIn(Role.AUXILIARY_POLICE)))
                .exchange()).hasStatus(HttpStatus.FORBIDDEN);
    }
}
