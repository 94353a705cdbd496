package org.beatbook.population.web;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.population.Residents.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The roster export: masked by default, full only with a purpose for those who may reveal, always audited. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
class ResidentRosterIntegrationTests {

    static final Authentication OFFICER = signedIn(Role.COMMUNITY_OFFICER);

    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;

    Body registered() {
        Body b = Residents.tenant();
        assertThat(mvc.post().uri("/api/v1/persons").contentType(MediaType.APPLICATION_JSON).content(b.json())
                .with(authentication(OFFICER)).with(csrf()).exchange()).hasStatus(HttpStatus.CREATED);
        return b;
    }

    static String text(MvcTestResult r) throws IOException {
        StringBuilder out = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
            wb.getSheetAt(0).forEach(row -> {
                row.forEach(c -> out.append(c.toString()).append('|'));
                out.append('\n');
            });
        }
        return out.toString();
    }

    List<String> audit() {
        return jdbc.sql("""
                        select coalesce(object_id, '') || '|' || coalesce(purpose, '') || '|' || result || '|' || coalesce(detail, '')
                        from audit.audit_log where action = 'PERSONS_EXPORTED' order by id desc limit 1""")
                .query(String.class).list();
    }

    @Test
    void aCompoundsRosterIsMaskedByDefaultAndAudited() throws IOException {
        Body b = registered();
        MvcTestResult r = mvc.get().uri("/api/v1/persons/roster").param("under", AddressFake.COMPOUND)
                .header("Accept-Language", "zh-CN").with(authentication(OFFICER)).exchange();
        assertThat(r).hasStatusOk().hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String sheet = text(r);
        assertThat(sheet).contains("阳光小区 住户花名册", "号码已遮蔽", "证件号码", b.name(),
                "阳光小区 3号楼2单元501室", "租户", b.idNumber().substring(0, 3) + "***********")
                .doesNotContain(b.idNumber(), b.phone());
        long rows = sheet.lines().count() - 2;
        assertThat(audit()).singleElement().asString()
                .isEqualTo(AddressFake.COMPOUND + "||SUCCESS|rows=" + rows + "; numbers=masked");
    }

    @Test
    void fullNumbersNeedAPurposeAndTheRightToReveal() throws IOException {
        Body b = registered();
        MvcTestResult full = mvc.get().uri("/api/v1/persons/roster").param("purpose", "配合派出所人口核查")
                .with(authentication(signedIn(Role.STATION_LEADER))).exchange();
        assertThat(full).hasStatusOk();
        assertThat(text(full)).contains(b.idNumber(), b.phone()).doesNotContain("号码已遮蔽");
        assertThat(audit()).singleElement().asString().startsWith("|配合派出所人口核查|SUCCESS|rows=").endsWith("numbers=full");

        MvcTestResult denied = mvc.get().uri("/api/v1/persons/roster").param("purpose", "配合派出所人口核查")
                .with(authentication(signedIn(Role.AUXILIARY_POLICE))).exchange();
        assertThat(denied).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(denied.getResponse().getContentAsString()).doesNotContain(b.idNumber());
        assertThat(audit()).singleElement().asString().contains("|DENIED|");
        assertThat(mvc.get().uri("/api/v1/persons/roster").param("purpose", "x")
                .with(authentication(OFFICER)).exchange()).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("purpose");
        assertThat(mvc.get().uri("/api/v1/persons/roster").with(authentication(signedIn(Role.AUXILIARY_POLICE)))
                .exchange()).hasStatusOk();
    }

    @Test
    void aPlaceOutsideTheJurisdictionIsNotFoundAndOthersDoNotExport() {
        assertThat(mvc.get().uri("/api/v1/persons/roster").param("under", "R2C1").with(authentication(OFFICER))
                .exchange()).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/persons/roster").param("under", "NOPE").with(authentication(OFFICER))
                .exchange()).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/persons/roster").with(authentication(signedIn(Role.AUDITOR))).exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/persons/roster").header("Accept-Language", "zh-CN").with(authentication(OFFICER))
                .exchange()).hasStatusOk().bodyText().contains("导出住户花名册", "阳光小区", "事由");
        assertThat(mvc.get().uri("/persons/roster.xlsx").param("under", AddressFake.COMPOUND)
                .with(authentication(OFFICER)).exchange()).hasStatusOk();
    }
}
