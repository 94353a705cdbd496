package org.beatbook.population.web;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.population.AddressFake.OTHER_ROOM;
import static org.beatbook.population.AddressFake.ROOM_501;
import static org.beatbook.population.AddressFake.ROOM_502;
import static org.beatbook.population.AddressFake.ROOM_5_101;
import static org.beatbook.population.ResidentFiles.full;
import static org.beatbook.population.ResidentFiles.row;
import static org.beatbook.population.ResidentFiles.xlsx;
import static org.beatbook.population.Residents.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The resident import end to end on real PostgreSQL: a file mixing good and bad rows, imported twice; conflicts
 * with registered persons; files that are no spreadsheet; the report as page and xlsx.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
class ResidentImportIntegrationTests {

    static final Authentication OFFICER = signedIn(Role.COMMUNITY_OFFICER);
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;

    MvcTestResult upload(byte[] file, String name, Authentication who) {
        return mvc.post().multipart().uri("/api/v1/imports/residents").header("Accept-Language", "zh-CN")
                .with(authentication(who)).with(csrf())
                .file(new MockMultipartFile("file", name, XLSX, file)).exchange();
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    Map<String, Long> counts() {
        return Map.of("person", count("population.person"), "residence", count("population.residence"),
                "phone", count("population.person_phone"), "version", count("population.person_version"));
    }

    @Test
    void goodRowsAreImportedOnceBadRowsReportedAndASecondImportChangesNothing() throws Exception {
        String owner = Residents.idNumber(LocalDate.of(1961, 3, 4));
        String wife = Residents.idNumber(LocalDate.of(1963, 5, 6));
        String tenant = Residents.idNumber(LocalDate.of(1990, 7, 8));
        String badCheck = Residents.idNumber(LocalDate.of(1985, 1, 2));
        badCheck = badCheck.substring(0, 17) + (badCheck.charAt(17) == '1' ? '2' : '1');
        String ownerName = Residents.name();
        List<List<String>> rows = new ArrayList<>(List.of(
                /* 2 */ full(ownerName, "", owner, Residents.phone(), ROOM_501, "业主", "汉族", "", "2010-05-01", "教师",
                        "幸福小学", "独居老人、需关爱"),
                /* 3 */ full(Residents.name(), "居民身份证", wife, "", ROOM_501, "家庭成员", "回族", "配偶", "2010-05-01",
                        "", "", ""),
                /* 4 */ row(Residents.name(), tenant, Residents.phone(), ROOM_502, "TENANT"),
                /* 5 */ row(ownerName, owner, "", ROOM_5_101, "OWNER"),                     // second home: a residence
                /* 6 */ row(Residents.name(), badCheck, "", ROOM_502, "租户"),               // bad check character
                /* 7 */ row(Residents.name(), Residents.idNumber(LocalDate.of(1970, 1, 1)), "", "R1C1B9U9R999", "租户"),
                /* 8 */ row(Residents.name(), Residents.idNumber(LocalDate.of(1971, 1, 1)), "", OTHER_ROOM, "租户"),
                /* 9 */ row("", Residents.idNumber(LocalDate.of(1972, 1, 1)), "", ROOM_502, "租户"),   // no name
                /* 10 */ full(Residents.name(), "", Residents.idNumber(LocalDate.of(1973, 1, 1)), "", ROOM_502, "租户",
                        "", "", "2024/03/01", "", "", ""),                                             // date format
                /* 11 */ row(Residents.name(), tenant, Residents.phone(), ROOM_502, "TENANT"),     // repeats row 4's person+room
                /* 12 */ row(Residents.name(), Residents.idNumber(LocalDate.of(1974, 1, 1)), "", ROOM_502, "房东"),
                /* 13 */ row(Residents.name(), Residents.idNumber(LocalDate.of(1975, 1, 1)), "12345", ROOM_502, "租户"),
                /* 14 */ row(Residents.name(), Residents.idNumber(LocalDate.of(1976, 1, 1)), "", ROOM_502, "家庭成员")));
        byte[] file = xlsx(rows);
        Map<String, Long> before = counts();

        MvcTestResult first = upload(file, "住户.xlsx", OFFICER);
        assertThat(first).as(PersonApiIntegrationTests.body(first)).hasStatusOk();
        var report = PersonApiIntegrationTests.json(first);
        assertThat((Integer) report.read("$.rows")).isEqualTo(13);
        assertThat((Integer) report.read("$.created")).isEqualTo(3);
        assertThat((Integer) report.read("$.updated")).isEqualTo(1);
        assertThat((Integer) report.read("$.unchanged")).isZero();
        assertThat((Integer) report.read("$.rejected")).isEqualTo(9);
        List<Map<String, Object>> list = report.read("$.problems");
        assertThat(list).extracting(p -> p.get("row") + ":" + p.get("column")).containsExactly(
                "6:公民身份号码", "7:地址编码", "8:地址编码", "9:姓名", "10:入住日期", "11:—", "12:居住类型", "13:联系电话",
                "14:与户主关系");
        assertThat(list).extracting(p -> (String) p.get("message")).allSatisfy(m -> assertThat(m).isNotBlank()
                .doesNotStartWith("population."));
        assertThat(list.get(5).get("message")).isEqualTo("与第 4 行重复");
        assertThat(PersonApiIntegrationTests.body(first)).doesNotContain(owner, tenant);

        Map<String, Long> after = counts();
        assertThat(after.get("person") - before.get("person")).isEqualTo(3);
        assertThat(after.get("residence") - before.get("residence")).isEqualTo(4);
        assertThat(after.get("phone") - before.get("phone")).isEqualTo(2);
        assertThat(after.get("version") - before.get("version")).isEqualTo(4);

        // the owner: one person, two homes, two versions, search keys, tags and the facts of the row
        long ownerId = jdbc.sql("select id from population.person where document_number = ?").param(owner)
                .query(Long.class).single();
        MvcTestResult opened = mvc.get().uri("/api/v1/persons/" + ownerId).with(authentication(OFFICER)).exchange();
        assertThat(opened).hasStatusOk().bodyJson().extractingPath("$.version").isEqualTo(2);
        assertThat(opened).bodyJson().extractingPath("$.residences.length()").isEqualTo(2);
        assertThat(opened).bodyJson().extractingPath("$.tags").asList().containsExactly("独居老人", "需关爱");
        assertThat(opened).bodyJson().extractingPath("$.ethnicity").isEqualTo("HAN");
        assertThat(opened).bodyJson().extractingPath("$.occupation").isEqualTo("教师");
        assertThat(jdbc.sql("select string_agg(change, ',' order by version) from population.person_version where person_id = ?")
                .param(ownerId).query(String.class).single()).isEqualTo("REGISTERED,RESIDENCE_STARTED");
        assertThat(mvc.get().uri("/api/v1/persons").param("q", ownerName).with(authentication(OFFICER)).exchange())
                .bodyJson().extractingPath("$.items[*].id").asList().contains((int) ownerId);
        String wifeFacts = jdbc.sql("""
                        select r.residence_type || ' ' || r.relationship || ' ' || r.moved_in || ' ' || p.ethnicity
                        from population.person p join population.residence r on r.person_id = p.id
                        where p.document_number = ?""").param(wife).query(String.class).single();
        assertThat(wifeFacts).isEqualTo("FAMILY 10 2010-05-01 03");
        assertThat(jdbc.sql("select count(*) from audit.audit_log where action = 'PERSONS_IMPORTED' and object_id = ?")
                .param(report.read("$.id").toString()).query(Long.class).single()).isEqualTo(1);

        // the same file again: nothing new, the same rows rejected
        MvcTestResult second = upload(file, "住户.xlsx", OFFICER);
        assertThat(second).hasStatusOk();
        assertThat(second).bodyJson().extractingPath("$.created").isEqualTo(0);
        assertThat(second).bodyJson().extractingPath("$.updated").isEqualTo(0);
        assertThat(second).bodyJson().extractingPath("$.unchanged").isEqualTo(4);
        assertThat(second).bodyJson().extractingPath("$.rejected").isEqualTo(9);
        assertThat(counts()).isEqualTo(after);

        // the report as xlsx, for the one who ran it only
        String id = report.read("$.id");
        MvcTestResult xlsx = mvc.get().uri("/api/v1/imports/residents/" + id + "/report").with(authentication(OFFICER)).exchange();
        assertThat(xlsx).hasStatusOk().hasContentType(XLSX);
        var sheet = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(
                xlsx.getResponse().getContentAsByteArray())).getSheetAt(0);
        StringBuilder text = new StringBuilder();
        sheet.forEach(r -> r.forEach(c -> text.append(c.toString()).append('|')));
        assertThat(text.toString()).contains("公民身份号码", "与第 4 行重复", "地址编码");
        assertThat(mvc.get().uri("/api/v1/imports/residents/" + id)
                .with(authentication(signedIn(Role.STATION_LEADER))).exchange()).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aRegisteredDocumentWithAnotherNameIsAConflictNotAnOverwrite() {
        Residents.Body registered = Residents.tenant();
        assertThat(mvc.post().uri("/api/v1/persons").contentType("application/json").content(registered.json())
                .with(authentication(OFFICER)).with(csrf()).exchange()).hasStatus(HttpStatus.CREATED);
        Map<String, Long> before = counts();
        MvcTestResult r = upload(xlsx(List.of(
                row("别的名字", registered.idNumber(), "", ROOM_502, "租户"),
                row(registered.name(), registered.idNumber(), "", ROOM_501, "租户"))), "x.xlsx", OFFICER);
        assertThat(r).hasStatusOk().bodyJson().extractingPath("$.problems[0].column").isEqualTo("姓名");
        assertThat(r).bodyJson().extractingPath("$.problems[0].message").asString().contains("另一姓名");
        assertThat(r).bodyJson().extractingPath("$.unchanged").isEqualTo(1);
        assertThat(counts()).isEqualTo(before);
        assertThat(jdbc.sql("select name from population.person where document_number = ?").param(registered.idNumber())
                .query(String.class).single()).isEqualTo(registered.name());
    }

    @Test
    void aFileThatIsNotAnXlsxIsRefusedWholeAndWritesNothing() {
        long runs = count("import_run");
        Map<String, Long> before = counts();
        MvcTestResult csv = upload("姓名,公民身份号码\n江浩,34052419800101001X\n".getBytes(StandardCharsets.UTF_8),
                "renamed.xlsx", OFFICER);
        assertThat(csv).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
        assertThat(csv).bodyJson().extractingPath("$.errors[0].message").asString().startsWith("文件不是有效的 xlsx 表格");
        MvcTestResult noColumn = upload(xlsx(List.of("姓名", "联系电话"), List.of(List.of("江浩", "13800138000"))),
                "old.xlsx", OFFICER);
        assertThat(noColumn).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].message")
                .asString().contains("公民身份号码");
        assertThat(mvc.post().multipart().uri("/api/v1/imports/residents").with(authentication(OFFICER)).with(csrf())
                .exchange()).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(counts()).isEqualTo(before);
        assertThat(count("import_run")).isEqualTo(runs);
    }

    @Test
    void thePageUploadsAndShowsTheReportWithItsDownload() {
        String idNumber = Residents.idNumber(LocalDate.of(1980, 2, 3));
        MvcTestResult posted = mvc.post().multipart().uri("/persons/import").with(authentication(OFFICER)).with(csrf())
                .file(new MockMultipartFile("file", "住户.xlsx", XLSX, xlsx(List.of(
                        row(Residents.name(), idNumber, "", ROOM_502, "暂住人员"),
                        row(Residents.name(), "123", "", ROOM_502, "暂住人员"))))).exchange();
        assertThat(posted).hasStatus3xxRedirection();
        String location = posted.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/persons/import/");
        MvcTestResult page = mvc.get().uri(location).header("Accept-Language", "zh-CN").with(authentication(OFFICER)).exchange();
        assertThat(page).hasStatusOk().bodyText().contains("导入报告", "1 行未能导入", "公民身份号码", location + "/report.xlsx");
        assertThat(mvc.get().uri(location + "/report.xlsx").with(authentication(OFFICER)).exchange())
                .hasStatusOk().hasContentType(XLSX);
        MvcTestResult bad = mvc.post().multipart().uri("/persons/import").with(authentication(OFFICER)).with(csrf())
                .file(new MockMultipartFile("file", "a.xlsx", XLSX, "not a spreadsheet".getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "zh-CN").exchange();
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("文件不是有效的 xlsx 表格");
        assertThat(mvc.get().uri("/persons/import/template.xlsx").with(authentication(OFFICER)).exchange())
                .hasStatusOk().hasContentType(XLSX);
    }
}
