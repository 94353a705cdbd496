package org.beatbook.vehicle.web;

import com.jayway.jsonpath.JsonPath;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.address.Workbooks.xlsx;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The vehicle import end to end on real PostgreSQL: a file mixing good rows with every kind of bad one, imported
 * twice (the second run changes nothing); a renamed file that is no spreadsheet; the page, its report and template.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
class VehicleImportIntegrationTests {

    static final Authentication OFFICER = Residents.signedIn(Role.COMMUNITY_OFFICER);
    static final Authentication OTHER = Residents.signedIn(Role.COMMUNITY_OFFICER, AddressFake.R2);
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final Object[] HEADER = {"车辆类型（机动车/电动自行车）", "号牌号码", "号牌颜色", "车辆种类", "电子标签（RFID）",
            "品牌", "车身颜色", "车主公民身份号码", "地址编码"};
    /** The headers as someone typed them again: half-width brackets, lower case. */
    static final Object[] RETYPED = {"车辆类型(机动车/电动自行车)", "号牌号码", "号牌颜色", "车辆种类", "电子标签(rfid)",
            "品牌", "车身颜色", "车主公民身份号码", "地址编码"};

    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;

    MvcTestResult upload(byte[] file, String name, Authentication who) {
        return mvc.post().multipart().uri("/api/v1/imports/vehicles").header("Accept-Language", "zh-CN")
                .with(authentication(who)).with(csrf())
                .file(new MockMultipartFile("file", name, XLSX, file)).exchange();
    }

    /** A registered resident's ID number. */
    String resident(String room, Authentication who) {
        Residents.Body body = Residents.tenant().room(room);
        assertThat(mvc.post().uri("/api/v1/persons").contentType(MediaType.APPLICATION_JSON).content(body.json())
                .with(authentication(who)).with(csrf()).exchange()).hasStatus(HttpStatus.CREATED);
        return body.idNumber();
    }

    long personId(String idNumber) {
        return jdbc.sql("SELECT id FROM population.person WHERE document_number = ?").param(idNumber)
                .query(Long.class).single();
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    static String plate() {
        return "皖K" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
    }

    static String tag() {
        return String.format("E280%012X", ThreadLocalRandom.current().nextLong(1L << 48));
    }

    static String body(MvcTestResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void goodRowsAreRegisteredOnceBadRowsReportedAndASecondImportChangesNothing() throws Exception {
        String owner = resident(AddressFake.ROOM_501, OFFICER);
        String neighbour = resident(AddressFake.ROOM_502, OFFICER);
        String foreigner = resident(AddressFake.OTHER_ROOM, OTHER);
        String unknown = Residents.idNumber(LocalDate.of(1966, 6, 6));
        String badCheck = owner.substring(0, 17) + (owner.charAt(17) == '1' ? '2' : '1');
        String car = plate();
        String ebike = tag();
        String neighboursCar = plate();
        assertThat(mvc.post().uri("/api/v1/vehicles").contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind":"MOTOR","plate":"%s","ownerId":%d}""".formatted(neighboursCar, personId(neighbour)))
                .with(authentication(OFFICER)).with(csrf()).exchange()).hasStatus(HttpStatus.CREATED);

        byte[] file = xlsx(HEADER,
                /* 2 */ new Object[]{"机动车", car.substring(0, 2) + "·" + car.substring(2), "蓝", "小型汽车", null, "大众",
                        "白", owner, AddressFake.ROOM_501},
                /* 3 */ new Object[]{"电动自行车", null, null, null, ebike.toLowerCase(), "雅迪", "蓝", owner, null},
                /* 4 */ new Object[]{"机动车", "皖AI2345", "蓝", null, null, null, null, owner, null},   // I is no plate letter
                /* 5 */ new Object[]{"电动自行车", null, null, null, tag(), null, null, unknown, null},
                /* 6 */ new Object[]{"电动自行车", null, null, null, tag(), null, null, foreigner, null},
                /* 7 */ new Object[]{null, plate(), "蓝", null, null, "丰田", null, owner, null},     // kind empty
                /* 8 */ new Object[]{"机动车", car, "蓝", "小型汽车", null, "大众", "白", owner, AddressFake.ROOM_501},
                /* 9 */ new Object[]{"机动车", neighboursCar, "黄", null, null, null, null, owner, null},
                /* 10 */ new Object[]{"电动自行车", null, null, null, tag(), null, null, badCheck, null},
                /* 11 */ new Object[]{"机动车", plate(), "紫", null, null, null, null, owner, null},
                /* 12 */ new Object[]{"电动自行车", null, null, null, tag(), null, null, owner, AddressFake.ROOM_502},
                /* 13 */ new Object[]{"MOTOR", neighboursCar, null, null, null, null, null, neighbour, null});
        long vehiclesBefore = count("vehicle.vehicle");

        MvcTestResult first = upload(file, "车辆.xlsx", OFFICER);
        assertThat(first).as(body(first)).hasStatusOk();
        assertThat(first).bodyJson().extractingPath("$.kind").isEqualTo("vehicles");
        assertThat(first).bodyJson().extractingPath("$.rows").isEqualTo(12);
        assertThat(first).bodyJson().extractingPath("$.created").isEqualTo(2);
        assertThat(first).bodyJson().extractingPath("$.unchanged").isEqualTo(1);
        assertThat(first).bodyJson().extractingPath("$.rejected").isEqualTo(9);
        assertThat(first).bodyJson().extractingPath("$.problems[*].row")
                .isEqualTo(List.of(4, 5, 6, 7, 8, 9, 10, 11, 12));
        assertThat(first).bodyJson().extractingPath("$.problems[*].field").isEqualTo(List.of("plate", "ownerIdNumber",
                "ownerIdNumber", "kind", "plate", "plate", "ownerIdNumber", "plateColor", "addressCode"));
        assertThat(first).bodyJson().extractingPath("$.problems[*].message").isEqualTo(List.of(
                "号牌号码格式不正确",
                "车主未登记，或不是您辖区内的现住人员",
                "车主未登记，或不是您辖区内的现住人员",       // outside the jurisdiction answers like unknown
                "必填",
                "与第 2 行重复",
                "该号牌已登记在其他车主名下",
                JsonPath.read(body(first), "$.problems[6].message"),
                "号牌颜色“紫”无效，可填 蓝、黄、绿、黄绿、白、黑",
                "该房屋不是车主在您辖区内的现住址"));
        assertThat((String) JsonPath.read(body(first), "$.problems[6].message")).contains("校验");
        assertThat(first).bodyJson().extractingPath("$.problems[0].column").isEqualTo("号牌号码");
        assertThat(count("vehicle.vehicle")).isEqualTo(vehiclesBefore + 2);

        // the registered vehicles: canonical plate and tag, the owner, the room (given, or the owner's home)
        long ownerId = personId(owner);
        MvcTestResult mine = mvc.get().uri("/api/v1/vehicles?ownerId=" + ownerId).with(authentication(OFFICER)).exchange();
        assertThat(mine).hasStatusOk();
        assertThat(mine).bodyJson().extractingPath("$.items[*].plate").asArray().contains(car);
        assertThat(mine).bodyJson().extractingPath("$.items[*].tag").asArray().contains(ebike);
        assertThat(mine).bodyJson().extractingPath("$.items[*].addressCode").asArray()
                .containsOnly(AddressFake.ROOM_501);
        String id = JsonPath.read(body(first), "$.id");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_log WHERE action = 'VEHICLES_IMPORTED' AND object_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);

        MvcTestResult second = upload(file, "车辆.xlsx", OFFICER);
        assertThat(second).hasStatusOk();
        assertThat(second).bodyJson().extractingPath("$.created").isEqualTo(0);
        assertThat(second).bodyJson().extractingPath("$.unchanged").isEqualTo(3);
        assertThat(second).bodyJson().extractingPath("$.rejected").isEqualTo(9);
        assertThat(count("vehicle.vehicle")).isEqualTo(vehiclesBefore + 2);

        // the report again, as JSON and xlsx, for the one who ran it only
        assertThat(mvc.get().uri("/api/v1/imports/vehicles/" + id).with(authentication(OFFICER)).exchange())
                .hasStatusOk().bodyJson().extractingPath("$.created").isEqualTo(2);
        MvcTestResult report = mvc.get().uri("/api/v1/imports/vehicles/" + id + "/report")
                .with(authentication(OFFICER)).exchange();
        assertThat(report).hasStatusOk().hasContentType(XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report.getResponse().getContentAsByteArray()))) {
            StringBuilder text = new StringBuilder();
            wb.getSheetAt(0).forEach(r -> r.forEach(c -> text.append(c).append('|')));
            assertThat(text.toString()).contains("号牌号码", "与第 2 行重复", "车主公民身份号码", "该号牌已登记在其他车主名下");
        }
        assertThat(mvc.get().uri("/api/v1/imports/vehicles/" + id).with(authentication(OTHER)).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aRenamedFileThatIsNoXlsxIsRefusedWholeWithAProblem() throws Exception {
        long runs = count("import_run");
        long vehicles = count("vehicle.vehicle");
        MvcTestResult csv = upload("车辆类型,号牌号码\n机动车,皖A12345\n".getBytes(StandardCharsets.UTF_8), "vehicles.xlsx",
                OFFICER);
        assertThat(csv).hasStatus(HttpStatus.BAD_REQUEST).hasContentType("application/problem+json");
        assertThat(csv).bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
        assertThat(csv).bodyJson().extractingPath("$.errors[0].message").asString().startsWith("文件不是有效的 xlsx 表格");
        MvcTestResult noOwnerColumn = upload(xlsx(new Object[]{"车辆类型（机动车/电动自行车）", "号牌号码"},
                new Object[]{"机动车", plate()}), "old.xlsx", OFFICER);
        assertThat(noOwnerColumn).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].message")
                .asString().contains("车主公民身份号码");
        assertThat(mvc.post().multipart().uri("/api/v1/imports/vehicles").with(authentication(OFFICER)).with(csrf())
                .exchange()).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(count("import_run")).isEqualTo(runs);
        assertThat(count("vehicle.vehicle")).isEqualTo(vehicles);
    }

    @Test
    void thePageOffersTheTemplateUploadsAndShowsTheReport() throws Exception {
        String owner = resident(AddressFake.ROOM_501, OFFICER);
        assertThat(mvc.get().uri("/vehicles").with(authentication(OFFICER)).exchange()).hasStatusOk()
                .bodyText().contains("/vehicles/import");
        assertThat(mvc.get().uri("/vehicles/import").header("Accept-Language", "zh-CN").with(authentication(OFFICER))
                .exchange()).hasStatusOk().bodyText()
                .contains("批量导入车辆", "/vehicles/import/template.xlsx", "车主公民身份号码 *", "multipart/form-data");

        MvcTestResult template = mvc.get().uri("/vehicles/import/template.xlsx").with(authentication(OFFICER)).exchange();
        assertThat(template).hasStatusOk().hasContentType(XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.getResponse().getContentAsByteArray()))) {
            var header = wb.getSheetAt(0).getRow(0);
            for (int c = 0; c < HEADER.length; c++) {
                assertThat(header.getCell(c).getStringCellValue()).isEqualTo(HEADER[c]);
            }
            assertThat(wb.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).startsWith("每行一辆车");
        }

        MvcTestResult posted = mvc.post().multipart().uri("/vehicles/import").with(authentication(OFFICER)).with(csrf())
                .file(new MockMultipartFile("file", "车辆.xlsx", XLSX, xlsx(RETYPED,
                        new Object[]{"电动自行车", null, null, null, tag(), "爱玛", null, owner, null},
                        new Object[]{"机动车", "12345", null, null, null, null, null, owner, null}))).exchange();
        assertThat(posted).hasStatus3xxRedirection();
        String location = posted.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/vehicles/import/");
        assertThat(mvc.get().uri(location).header("Accept-Language", "zh-CN").with(authentication(OFFICER)).exchange())
                .hasStatusOk().bodyText().contains("导入报告", "1 行未能导入", "号牌号码", "号牌号码格式不正确",
                        location + "/report.xlsx", "/vehicles");
        assertThat(mvc.get().uri(location + "/report.xlsx").with(authentication(OFFICER)).exchange())
                .hasStatusOk().hasContentType(XLSX);
        assertThat(mvc.get().uri(location).with(authentication(OTHER)).exchange()).hasStatus(HttpStatus.NOT_FOUND);

        MvcTestResult bad = mvc.post().multipart().uri("/vehicles/import").with(authentication(OFFICER)).with(csrf())
                .file(new MockMultipartFile("file", "a.xlsx", XLSX, "not a spreadsheet".getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "zh-CN").exchange();
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("文件不是有效的 xlsx 表格", "批量导入车辆");
    }
}
