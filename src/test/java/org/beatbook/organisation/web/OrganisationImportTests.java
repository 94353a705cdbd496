package org.beatbook.organisation.web;

import org.beatbook.address.Workbooks;
import org.beatbook.organisation.Organisations;
import org.beatbook.population.AddressFake;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.population.Residents.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The organisation import: a file of good and bad rows, the same file again, and a file that is no xlsx. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
class OrganisationImportTests {

    static final Authentication OFFICER = signedIn(Role.COMMUNITY_OFFICER);
    static final Object[] HEADER = {"单位名称", "统一社会信用代码", "地址编码", "单位类型", "法定代表人", "法定代表人证件号码",
            "联系电话", "治安负责人", "治安负责人电话"};

    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;

    MvcTestResult upload(byte[] file, String name) {
        return mvc.post().uri("/api/v1/imports/organisations")
                .multipart().file(new MockMultipartFile("file", name,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file))
                .header("Accept-Language", "zh-CN").with(authentication(OFFICER)).with(csrf()).exchange();
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void goodRowsOnceBadRowsReportedAndTheSameFileAgainChangesNothing() {
        String code = Organisations.creditCode(900_001);
        String badCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        byte[] file = Workbooks.xlsx(HEADER,
                new Object[]{"导入五金店", code, "R1C1B3", "个体工商户", "王伟", "34052419800101001X", "13812345678", "李强", "13900001111"},
                new Object[]{"导入业委会", null, "R1C1", "社会组织"},
                new Object[]{"坏代码公司", badCheck, "R1C1B3", "企业"},
                new Object[]{"无地址公司", null, "R9C9", "企业"},
                new Object[]{null, null, "R1C1B5", "企业"},
                new Object[]{"导入五金店", code, "R1C1B3", "个体工商户"},
                new Object[]{"导入幼儿园", Organisations.creditCode(900_002), "R1C1B5", "SCHOOL", null, null, "0555-5321234"},
                new Object[]{"工厂", null, "R1C1B5", "工厂"},
                new Object[]{"外辖公司", null, AddressFake.OTHER_ROOM, "企业"});
        long orgsBefore = count("select count(*) from organisation.organisation");

        MvcTestResult first = upload(file, "单位.xlsx");
        assertThat(first).as(OrganisationApiIntegrationTests.text(first)).hasStatusOk();
        assertThat(first).bodyJson().extractingPath("$.rows").isEqualTo(9);
        assertThat(first).bodyJson().extractingPath("$.created").isEqualTo(3);
        assertThat(first).bodyJson().extractingPath("$.rejected").isEqualTo(6);
        assertThat(first).bodyJson().extractingPath("$.problems[?(@.row==4)].field").asArray().containsExactly("creditCode");
        assertThat(first).bodyJson().extractingPath("$.problems[?(@.row==5)].field").asArray().containsExactly("addressCode");
        assertThat(first).bodyJson().extractingPath("$.problems[?(@.row==6)].field").asArray().containsExactly("name");
        assertThat(first).bodyJson().extractingPath("$.problems[?(@.row==7)].field").asArray().contains("creditCode");
        assertThat(first).bodyJson().extractingPath("$.problems[?(@.row==9)].field").asArray().containsExactly("type");
        assertThat(first).bodyJson().extractingPath("$.problems[?(@.row==10)].field").asArray().containsExactly("addressCode");
        assertThat(first).bodyJson().extractingPath("$.problems[?(@.row==6)].column").asArray().containsExactly("单位名称");
        String body = OrganisationApiIntegrationTests.text(first);
        assertThat(body).contains("校验码错误", "与第2行重复", "必填").doesNotContain("34052419800101001X");
        assertThat(count("select count(*) from organisation.organisation")).isEqualTo(orgsBefore + 3);
        assertThat(count("select count(*) from organisation.organisation where name = '导入五金店'")).isEqualTo(1);
        assertThat(jdbc.sql("select phone || ' ' || compound_code from organisation.organisation where name = '导入幼儿园'")
                .query(String.class).single()).isEqualTo("0555-5321234 R1C1");
        long versions = count("select count(*) from organisation.organisation_version");

        MvcTestResult second = upload(file, "单位.xlsx");
        assertThat(second).hasStatusOk().bodyJson().extractingPath("$.created").isEqualTo(0);
        assertThat(second).bodyJson().extractingPath("$.unchanged").isEqualTo(3);
        assertThat(second).bodyJson().extractingPath("$.updated").isEqualTo(0);
        assertThat(second).bodyJson().extractingPath("$.rejected").isEqualTo(6);
        assertThat(count("select count(*) from organisation.organisation")).isEqualTo(orgsBefore + 3);
        assertThat(count("select count(*) from organisation.organisation_version")).isEqualTo(versions);

        String id = com.jayway.jsonpath.JsonPath.read(OrganisationApiIntegrationTests.text(second), "$.id");
        assertThat(mvc.get().uri("/api/v1/imports/organisations/" + id).with(authentication(OFFICER)).exchange())
                .hasStatusOk().bodyJson().extractingPath("$.unchanged").isEqualTo(3);
        assertThat(mvc.get().uri("/api/v1/imports/organisations/" + id + "/report").with(authentication(OFFICER)).exchange())
                .hasStatusOk().hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(mvc.get().uri("/api/v1/imports/organisations/" + id)
                .with(authentication(signedIn(Role.STATION_LEADER))).exchange()).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aChangedCellUpdatesTheMatchedUnitByCodeOrByNodeAndName() {
        String code = Organisations.creditCode(900_010);
        upload(Workbooks.xlsx(HEADER, new Object[]{"更新测试店", code, "R1C1B3", "个体工商户", null, null, "13812345678"},
                new Object[]{"更新测试会", null, "R1C1", "社会组织"}), "a.xlsx");
        MvcTestResult again = upload(Workbooks.xlsx(HEADER,
                new Object[]{"更新测试店（新名）", code, "R1C1B3", "个体工商户", null, null, "13812340000"},
                new Object[]{"更新测试会", null, "R1C1", "社会组织", "赵会长"}), "b.xlsx");
        assertThat(again).hasStatusOk().bodyJson().extractingPath("$.updated").isEqualTo(2);
        assertThat(again).bodyJson().extractingPath("$.created").isEqualTo(0);
        assertThat(jdbc.sql("select name || ' ' || phone || ' ' || version from organisation.organisation where credit_code = ?")
                .param(code).query(String.class).single()).isEqualTo("更新测试店（新名） 13812340000 2");
    }

    @Test
    void aFileThatIsNoSpreadsheetIsRefusedWholeAndWritesNothing() {
        long runs = count("select count(*) from import_run");
        long orgs = count("select count(*) from organisation.organisation");
        MvcTestResult r = upload("单位名称,地址编码\n某公司,R1C1B3\n".getBytes(StandardCharsets.UTF_8), "renamed.xlsx");
        assertThat(r).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
        MvcTestResult zip = upload(new byte[]{'P', 'K', 3, 4, 0, 0, 1, 2, 3}, "broken.xlsx");
        assertThat(zip).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
        MvcTestResult noColumn = upload(Workbooks.xlsx(new Object[]{"单位名称", "单位类型"}, new Object[]{"某公司", "企业"}), "x.xlsx");
        assertThat(noColumn).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(OrganisationApiIntegrationTests.text(noColumn)).contains("地址编码");
        assertThat(count("select count(*) from import_run")).isEqualTo(runs);
        assertThat(count("select count(*) from organisation.organisation")).isEqualTo(orgs);
    }

    @Test
    void theUploadPageRedirectsToTheReportPage() throws Exception {
        byte[] file = Workbooks.xlsx(HEADER, new Object[]{"页面导入店", null, "R1C1B3", "个体工商户"},
                new Object[]{"页面坏行", "ABC", "R1C1B3", "企业"});
        MvcTestResult r = mvc.post().uri("/organisations/import").multipart()
                .file(new MockMultipartFile("file", "p.xlsx", "application/octet-stream", file))
                .with(authentication(OFFICER)).with(csrf()).exchange();
        assertThat(r).hasStatus(HttpStatus.FOUND);
        String location = r.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/organisations/import/");
        MvcTestResult page = mvc.get().uri(location).header("Accept-Language", "zh-CN").with(authentication(OFFICER)).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("导入报告", "统一社会信用代码应为18位，现为3位", "/organisations/import/" + location.substring(22) + "/report.xlsx");
        assertThat(List.of(count("select count(*) from organisation.organisation where name = '页面导入店'"))).containsExactly(1L);
    }
}
