package org.beatbook.alert.web;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beatbook.population.AddressFake;
import org.beatbook.population.Residents;
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

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.address.Workbooks.xlsx;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The hotlist upload on the /hotlist page: offered to those who keep the list only; a file of good and bad rows
 * lists the good ones and reports the rest on the shared report page; the same file again lists nothing twice.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
class HotlistUploadPageIntegrationTests {

    static final Authentication OFFICER = Residents.signedIn(Role.COMMUNITY_OFFICER);
    static final Authentication AUXILIARY = Residents.signedIn(Role.AUXILIARY_POLICE);
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final Object[] HEADER = {"类型", "号牌或标签", "来源", "案件编号", "生效日期", "截止日期", "备注"};

    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;

    MvcTestResult post(byte[] file, Authentication who) {
        return mvc.post().multipart().uri("/hotlist/import").header("Accept-Language", "zh-CN")
                .with(authentication(who)).with(csrf()).file(new MockMultipartFile("file", "布控.xlsx", XLSX, file))
                .exchange();
    }

    long listed() {
        return jdbc.sql("SELECT count(*) FROM alert.hotlist_entry").query(Long.class).single();
    }

    @Test
    void theKeepersSeeTheUploadOnTheHotlistPageOthersDoNot() {
        assertThat(mvc.get().uri("/hotlist").header("Accept-Language", "zh-CN").with(authentication(OFFICER)).exchange())
                .hasStatusOk().bodyText().contains("批量导入布控名单", "/hotlist/import/template.xlsx",
                        "action=\"/hotlist/import\"", "号牌或标签 *", "multipart/form-data");
        assertThat(mvc.get().uri("/hotlist").with(authentication(AUXILIARY)).exchange())
                .hasStatusOk().bodyText().doesNotContain("/hotlist/import");
        assertThat(post(xlsx(HEADER, new Object[]{"PLATE", "皖EAX001", "市局"}), AUXILIARY))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/hotlist/import/template.xlsx").with(authentication(AUXILIARY)).exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void anUploadListsTheGoodRowsReportsTheRestAndTheSameFileAgainListsNothingTwice() throws Exception {
        String plate = "皖E" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
        byte[] file = xlsx(HEADER,
                new Object[]{"PLATE", plate, "市公安局被盗车辆通报", "A2026-9"},
                new Object[]{"BUS", "皖E00001", "市局"},
                new Object[]{"TAG", "E2801160", null});
        long before = listed();
        MvcTestResult posted = post(file, OFFICER);
        assertThat(posted).hasStatus3xxRedirection();
        String location = posted.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/hotlist/import/");
        assertThat(mvc.get().uri(location).header("Accept-Language", "zh-CN").with(authentication(OFFICER)).exchange())
                .hasStatusOk().bodyText().contains("导入报告", "2 行未能导入", "类型", "来源", location + "/report.xlsx",
                        "/hotlist");
        assertThat(listed()).isEqualTo(before + 1);
        assertThat(mvc.get().uri("/hotlist").param("q", plate.substring(2)).with(authentication(OFFICER)).exchange())
                .hasStatusOk().bodyText().contains(plate);

        MvcTestResult report = mvc.get().uri(location + "/report.xlsx").with(authentication(OFFICER)).exchange();
        assertThat(report).hasStatusOk().hasContentType(XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report.getResponse().getContentAsByteArray()))) {
            StringBuilder text = new StringBuilder();
            wb.getSheetAt(0).forEach(r -> r.forEach(c -> text.append(c).append('|')));
            assertThat(text.toString()).contains("类型", "来源");
        }
        assertThat(mvc.get().uri(location).with(authentication(Residents.signedIn(Role.STATION_LEADER))).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);

        String again = post(file, OFFICER).getResponse().getRedirectedUrl();
        assertThat(listed()).isEqualTo(before + 1);
        assertThat(mvc.get().uri(again).header("Accept-Language", "zh-CN").with(authentication(OFFICER)).exchange())
                .hasStatusOk().bodyText().contains("2 行未能导入");
    }

    @Test
    void aFileThatIsNoXlsxShowsTheUploadAgainWithWhy() {
        MvcTestResult bad = post("类型,号牌或标签\nPLATE,皖A12345\n".getBytes(StandardCharsets.UTF_8), OFFICER);
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
                .contains("文件不是有效的 xlsx 表格", "批量导入布控名单", "/hotlist/import/template.xlsx");
        MvcTestResult template = mvc.get().uri("/hotlist/import/template.xlsx").with(authentication(OFFICER)).exchange();
        assertThat(template).hasStatusOk().hasContentType(XLSX);
    }
}
