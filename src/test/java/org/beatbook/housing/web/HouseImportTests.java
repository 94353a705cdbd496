package org.beatbook.housing.web;

import com.jayway.jsonpath.DocumentContext;
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

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.address.Workbooks.xlsx;
import static org.beatbook.housing.web.HouseApiIntegrationTests.body;
import static org.beatbook.housing.web.HouseApiIntegrationTests.json;
import static org.beatbook.population.AddressFake.OTHER_ROOM;
import static org.beatbook.population.AddressFake.ROOM_501;
import static org.beatbook.population.AddressFake.ROOM_502;
import static org.beatbook.population.AddressFake.ROOM_5_101;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The houses/tenancies import on real PostgreSQL: a file mixing good rows with every kind of bad one; the good rows
 * land once, the bad ones are reported by row and column, and importing it again changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
class HouseImportTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final Authentication OFFICER = Residents.signedIn(Role.COMMUNITY_OFFICER, AddressFake.R1);
    static final String[] HEADER = {"地址编码", "房屋用途", "房主姓名", "房主证件号码", "出租人电话", "承租人姓名",
            "承租人证件号码", "租赁开始日期", "租赁结束日期", "合同编号", "核查日期", "核查结果", "核查备注"};

    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;

    /** The test classes share one context (and database): each test starts from no houses. */
    @org.junit.jupiter.api.BeforeEach
    void noHouses() {
        jdbc.sql("DELETE FROM housing.house_version; DELETE FROM housing.guest; DELETE FROM housing.tenancy; "
                + "DELETE FROM housing.house").update();
    }

    MvcTestResult upload(String name, byte[] file) {
        return mvc.post().multipart().uri("/api/v1/imports/houses").with(authentication(OFFICER)).with(csrf())
                .header("Accept-Language", "zh-CN").file(new MockMultipartFile("file", name, XLSX, file)).exchange();
    }

    Map<String, Object> counts() {
        return jdbc.sql("""
                select (select count(*) from housing.house) as houses, (select count(*) from housing.tenancy) as tenancies,
                       (select count(*) from housing.house_version) as versions,
                       (select string_agg(room_code || ':' || usage || ':' || coalesce(verified_on::text, '-'), ',' order by room_code)
                          from housing.house) as state""").query().singleRow();
    }

    @Test
    void goodRowsOnceBadRowsReportedAndAReimportChangesNothing() {
        String tenant1 = Residents.idNumber(LocalDate.of(1990, 4, 5));
        String tenant2 = Residents.idNumber(LocalDate.of(1988, 7, 8));
        String owner = Residents.idNumber(LocalDate.of(1960, 2, 3));
        byte[] file = xlsx(HEADER,
                // 2: a rented house with a tenancy and a verification
                new Object[]{ROOM_501, "出租", "王建国", owner, "13955550101", "李明", tenant1, "2026-03-01", "2027-02-28",
                        "ZL-1", "2026-11-01", "正常", null},
                // 3: a second tenant of the same house
                new Object[]{ROOM_501, "出租", "王建国", owner, "13955550101", "张芳", tenant2, "2026/3/1", null, null,
                        "2026-11-01", "正常", null},
                // 4: the same row again
                new Object[]{ROOM_501, "出租", "王建国", owner, "13955550101", "李明", tenant1, "2026-03-01", "2027-02-28",
                        "ZL-1", "2026-11-01", "正常", null},
                // 5: a bad ID number
                new Object[]{ROOM_502, "出租", null, null, null, "赵六", "340524198001010010", "2026-03-01", null, null,
                        null, null, null},
                // 6: an unknown address code
                new Object[]{"R1C9B9U9R999", "自住", null, null, null, null, null, null, null, null, null, null, null},
                // 7: a room outside the caller's scope looks unknown too
                new Object[]{OTHER_ROOM, "自住", null, null, null, null, null, null, null, null, null, null, null},
                // 8: empty required cell (usage)
                new Object[]{ROOM_502, null, "钱七", null, null, null, null, null, null, null, null, null, null},
                // 9: a wrong date format
                new Object[]{ROOM_502, "出租", null, null, null, "孙八", Residents.idNumber(LocalDate.of(1991, 1, 1)),
                        "03/01/2026", null, null, null, null, null},
                // 10: a plain vacant house
                new Object[]{ROOM_5_101, "空置", null, null, null, null, null, null, null, null, null, null, null},
                // 11: the same house contradicted
                new Object[]{ROOM_5_101, "自住", null, null, null, null, null, null, null, null, null, null, null});
        MvcTestResult first = upload("houses.xlsx", file);
        assertThat(first).as(body(first)).hasStatus(HttpStatus.OK);
        DocumentContext report = json(first);
        assertThat(report.read("$.rows", Integer.class)).isEqualTo(10);
        assertThat(report.read("$.created", Integer.class)).isEqualTo(3);
        assertThat(report.read("$.rejected", Integer.class)).isEqualTo(7);
        List<Integer> rows = report.read("$.problems[*].row");
        assertThat(rows).containsExactlyInAnyOrder(4, 5, 6, 7, 8, 9, 11);
        List<String> columns = report.read("$.problems[*].column");
        assertThat(columns).contains("承租人证件号码", "地址编码", "房屋用途", "租赁开始日期");
        assertThat(body(first)).doesNotContain("340524198001010010");
        Map<String, Object> after = counts();
        assertThat(after.get("houses")).isEqualTo(2L);
        assertThat(after.get("tenancies")).isEqualTo(2L);
        assertThat((String) after.get("state")).isEqualTo(ROOM_501 + ":RENTED:2026-11-01," + ROOM_5_101 + ":VACANT:-");

        MvcTestResult second = upload("houses.xlsx", file);
        assertThat(json(second).read("$.created", Integer.class)).isZero();
        assertThat(json(second).read("$.updated", Integer.class)).isZero();
        assertThat(json(second).read("$.unchanged", Integer.class)).isEqualTo(3);
        assertThat(counts()).isEqualTo(after);

        String id = report.read("$.id");
        assertThat(mvc.get().uri("/api/v1/imports/houses/" + id).with(authentication(OFFICER)).exchange())
                .hasStatus(HttpStatus.OK);
        assertThat(mvc.get().uri("/api/v1/imports/houses/" + id + "/report").with(authentication(OFFICER)).exchange())
                .hasStatus(HttpStatus.OK).hasContentType(XLSX);
        MvcTestResult page = mvc.get().uri("/houses/import/" + id).with(authentication(OFFICER)).exchange();
        assertThat(page).hasStatus(HttpStatus.OK);
        assertThat(body(page)).contains("与第 2 行重复", "地址编码 R1C9B9U9R999 不是您辖区内的房间");
    }

    @Test
    void aFileThatIsNotXlsxIsRefusedAndWritesNothing() {
        Map<String, Object> before = counts();
        MvcTestResult r = upload("houses.xlsx", "地址编码,房屋用途\nX,出租\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json(r).read("$.errors[0].field", String.class)).isEqualTo("file");
        MvcTestResult missing = upload("houses.xlsx", xlsx(new Object[]{"房主姓名"}, new Object[]{"王"}));
        assertThat(missing).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(counts()).isEqualTo(before);
        MvcTestResult page = mvc.post().multipart().uri("/houses/import").with(authentication(OFFICER)).with(csrf())
                .file(new MockMultipartFile("file", "a.xlsx", XLSX, "hello".getBytes(StandardCharsets.UTF_8))).exchange();
        assertThat(page).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theTemplateCarriesTheChineseHeaders() throws Exception {
        MvcTestResult r = mvc.get().uri("/api/v1/imports/houses/template").with(authentication(OFFICER)).exchange();
        assertThat(r).hasStatus(HttpStatus.OK).hasContentType(XLSX);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                r.getResponse().getContentAsByteArray()))) {
            var header = wb.getSheetAt(0).getRow(0);
            List<String> cells = new java.util.ArrayList<>();
            header.forEach(c -> cells.add(c.getStringCellValue()));
            assertThat(cells).contains("地址编码", "房屋用途", "房主姓名", "房主证件号码", "出租人电话", "承租人证件号码",
                    "租赁开始日期", "租赁结束日期", "合同编号", "核查日期", "核查结果");
        }
    }
}
