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

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.population.Residents.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The population pages with the real registry and database: what an officer at the gate and at the desk sees. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
class PersonPagesIntegrationTests {

    static final Authentication WORKER = signedIn(Role.COMMUNITY_WORKER);
    static final Authentication OFFICER = signedIn(Role.COMMUNITY_OFFICER);

    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void fromAnEmptyFormToASavedResidentAndItsPage() throws Exception {
        Body b = Residents.tenant().room(AddressFake.ROOM_502);
        MvcTestResult saved = mvc.post().uri("/intake").with(authentication(WORKER)).with(csrf())
                .param("addressCode", b.addressCode()).param("idNumber", b.idNumber()).param("name", b.name())
                .param("phone", b.phone()).param("residenceType", "TENANT").exchange();
        assertThat(saved).hasStatus(HttpStatus.FOUND);
        String location = saved.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/intake?node=" + AddressFake.UNIT + "&saved=");
        long id = Long.parseLong(location.replaceAll(".*saved=", ""));

        assertThat(mvc.get().uri(location).with(authentication(WORKER))).hasStatusOk().bodyText()
                .contains("已保存", "/persons/" + id, "501室", "502室");
        assertThat(mvc.get().uri("/persons/" + id).with(authentication(WORKER))).hasStatusOk().bodyText()
                .contains(b.name(), "阳光小区 3号楼2单元502室", "租户", "/persons/rooms/" + AddressFake.ROOM_502)
                .doesNotContain(b.idNumber(), b.phone(), "显示完整号码");
        assertThat(jdbc.sql("select count(*) from audit.audit_log where action = 'PERSON_READ' and object_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(1L);

        // the same ID again at the gate: the existing person with a link button, nothing created
        MvcTestResult again = mvc.post().uri("/intake").with(authentication(WORKER)).with(csrf())
                .param("addressCode", AddressFake.ROOM_501).param("idNumber", b.idNumber()).param("name", b.name())
                .param("phone", b.phone()).param("residenceType", "TENANT").exchange();
        assertThat(again).hasStatus(HttpStatus.CONFLICT).bodyText().contains("name=\"linkPerson\" value=\"" + id + "\"");
        MvcTestResult linked = mvc.post().uri("/intake").with(authentication(WORKER)).with(csrf())
                .param("addressCode", AddressFake.ROOM_501).param("idNumber", b.idNumber()).param("name", b.name())
                .param("phone", b.phone()).param("residenceType", "TENANT").param("linkPerson", Long.toString(id)).exchange();
        assertThat(linked).hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.sql("select count(*) from population.residence where person_id = ? and moved_out is null")
                .param(id).query(Long.class).single()).isEqualTo(2L);
    }

    @Test
    void theSearchPageAnswersHtmxWithOnlyTheResults() {
        Body b = Residents.tenant().name("江浩");
        mvc.post().uri("/api/v1/persons").contentType(MediaType.APPLICATION_JSON).content(b.json())
                .with(authentication(OFFICER)).with(csrf()).exchange();
        assertThat(mvc.get().uri("/persons").param("q", "jh").header("HX-Request", "true").with(authentication(WORKER)))
                .hasStatusOk().bodyText().contains("id=\"results\"", "江浩", "340***********")
                .doesNotContain("<html", b.idNumber());
        assertThat(mvc.get().uri("/persons").param("q", "12").header("HX-Request", "true").with(authentication(WORKER)))
                .hasStatusOk().bodyText().contains("请至少输入4位数字");
        assertThat(mvc.get().uri("/persons").param("q", "12").with(authentication(WORKER)))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("<html", "请至少输入4位数字");
    }

    @Test
    void officersRevealInPlaceAndOthersSeeNoRevealButton() throws Exception {
        Body b = Residents.tenant();
        MvcTestResult r = mvc.post().uri("/api/v1/persons").contentType(MediaType.APPLICATION_JSON).content(b.json())
                .with(authentication(OFFICER)).with(csrf()).exchange();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(r.getResponse().getContentAsString(StandardCharsets.UTF_8),
                "$.person.id")).longValue();
        assertThat(mvc.get().uri("/persons/" + id).with(authentication(OFFICER))).hasStatusOk().bodyText().contains("显示完整号码");
        assertThat(mvc.post().uri("/persons/" + id + "/reveal").param("purpose", "入户核查").header("HX-Request", "true")
                .with(authentication(OFFICER)).with(csrf()))
                .hasStatusOk().bodyText().contains(b.idNumber(), b.phone()).doesNotContain("<html");
        assertThat(mvc.post().uri("/persons/" + id + "/reveal").param("purpose", "").header("HX-Request", "true")
                .with(authentication(OFFICER)).with(csrf()))
                .hasStatusOk().bodyText().contains("请填写查看完整信息的事由").doesNotContain(b.idNumber());
        assertThat(mvc.post().uri("/persons/" + id + "/reveal").param("purpose", "看看").header("HX-Request", "true")
                .with(authentication(signedIn(Role.AUXILIARY_POLICE))).with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aRoomOutsideTheScopeIsNotFound() {
        assertThat(mvc.get().uri("/persons/rooms/" + AddressFake.OTHER_ROOM).with(authentication(OFFICER)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/persons/rooms/" + AddressFake.ROOM_501).with(authentication(OFFICER)))
                .hasStatusOk().bodyText().contains("同住人员", "登记新住户");
    }
}
