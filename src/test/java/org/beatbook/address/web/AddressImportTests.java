package org.beatbook.address.web;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressFixtures;
import org.beatbook.address.AddressFixtures.Tree;
import org.beatbook.address.AddressNodeView;
import org.beatbook.address.internal.AddressService;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.address.AddressFixtures.as;
import static org.beatbook.address.Workbooks.HEADER;
import static org.beatbook.address.Workbooks.xlsx;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The xlsx import end to end: template, upload through the API and the page, report, idempotent re-import. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class AddressImportTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    AddressService addresses;
    @Autowired
    AddressApi api;
    @Autowired
    ApplicationEvents events;

    Tree tree;
    RequestPostProcessor officer;

    @BeforeEach
    void tree() {
        tree = AddressFixtures.tree(addresses);
        officer = as(Role.COMMUNITY_OFFICER, tree.communityPath());
    }

    @Test
    void everyBadRowIsReportedGoodRowsAreImportedOnceAndReimportChangesNothing() throws Exception {
        Tree foreign = AddressFixtures.tree(addresses);
        String c = tree.community();
        byte[] file = xlsx(HEADER,
                new Object[]{c + "901", c, "小区", "新建小区"},                                    // 2 created
                new Object[]{null, c + "901", "楼栋", "1号楼"},                                     // 3 created, code generated
                new Object[]{c + "901002", c + "901", "BUILDING", "2号楼"},                        // 4 created
                new Object[]{c + "90100201", c + "901002", "单元", "1单元"},                        // 5 created
                new Object[]{null, c + "90100201", "户室", "101"},                                  // 6 created
                new Object[]{"AB-12", c, "小区", "坏编码小区"},                                      // 7 bad code
                new Object[]{null, "ZZ999999", "小区", "无上级小区"},                                // 8 unknown parent
                new Object[]{null, c, null, null, null},                                           // 9 level and name empty
                new Object[]{null, c, "场所", "坏坐标小学", "学校", 200.0, 118.1},                    // 10 bad latitude
                new Object[]{c + "901", c, "小区", "重复小区"},                                       // 11 duplicate of row 2
                new Object[]{null, c, "场所", "新城中学", "学校", 31.7123456, 118.1045678},            // 12 created
                new Object[]{tree.compound(), c, "小区", "阳光新城"},                                 // 13 unchanged
                new Object[]{tree.otherCompound(), c, "小区", "御景花园二期"},                          // 14 updated
                new Object[]{null, c, "户室", "1001"},                                               // 15 room under community
                new Object[]{null, foreign.community(), "小区", "越界小区"},                           // 16 parent out of scope
                new Object[]{null, c, "宫殿", "故宫"},                                                // 17 bad level
                new Object[]{null, c, "小区", "坐标不全小区", null, 31.7}                               // 18 longitude missing
        );
        MvcTestResult first = upload(file);
        assertThat(first).hasStatusOk();
        assertThat(first).bodyJson().extractingPath("$.rows").isEqualTo(17);
        assertThat(first).bodyJson().extractingPath("$.created").isEqualTo(6);
        assertThat(first).bodyJson().extractingPath("$.unchanged").isEqualTo(1);
        assertThat(first).bodyJson().extractingPath("$.updated").isEqualTo(1);
        assertThat(first).bodyJson().extractingPath("$.rejected").isEqualTo(9);
        assertThat(first).bodyJson().extractingPath("$.problems[*].row")
                .isEqualTo(List.of(7, 8, 9, 9, 10, 11, 15, 16, 17, 18));
        assertThat(first).bodyJson().extractingPath("$.problems[*].field").isEqualTo(List.of(
                "code", "parentCode", "level", "name", "latitude", "code", "level", "parentCode", "level", "longitude"));
        assertThat(first).bodyJson().extractingPath("$.problems[0].column").isEqualTo("编码");
        assertThat(first).bodyJson().extractingPath("$.problems[5].message").isEqualTo("与第 2 行重复");
        assertThat(first).bodyJson().extractingPath("$.problems[6].message").isEqualTo("户室不能直接挂在社区之下");

        var scope = api.scopeOf(List.of(c));
        assertThat(api.children(c + "901", scope)).extracting(AddressNodeView::name).containsExactly("1号楼", "2号楼");
        // the generated code skips 901002, which a later row of the same file claims
        assertThat(api.children(c + "901", scope).get(0).code()).isEqualTo(c + "901003");
        assertThat(api.children(c + "90100201", scope)).extracting(AddressNodeView::code).containsExactly(c + "901002010001");
        AddressNodeView school = api.search("新城中学", scope, 0, 10).get(0);
        assertThat(school.category()).isEqualTo("SCHOOL");
        assertThat(school.latitude()).isEqualTo(31.7123456);
        assertThat(api.find(tree.otherCompound(), scope).orElseThrow().name()).isEqualTo("御景花园二期");
        assertThat(events.stream(AuditEvent.class)).anyMatch(e -> e.action().equals("ADDRESS_IMPORTED")
                && e.detail().contains("created=6"));

        MvcTestResult second = upload(file);
        assertThat(second).bodyJson().extractingPath("$.created").isEqualTo(0);
        assertThat(second).bodyJson().extractingPath("$.updated").isEqualTo(0);
        assertThat(second).bodyJson().extractingPath("$.unchanged").isEqualTo(8);
        assertThat(second).bodyJson().extractingPath("$.rejected").isEqualTo(9);
        assertThat(api.children(c, scope)).filteredOn(n -> n.name().equals("新建小区")).hasSize(1);
        assertThat(api.children(c + "901", scope)).hasSize(2);

        // the report, as a page and as xlsx
        String id = com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(), "$.id");
        assertThat(mvc.get().uri("/addresses/import/{id}", id).with(officer)).hasStatusOk()
                .bodyText().contains("9 行未导入", "与第 2 行重复", "户室不能直接挂在社区之下");
        MvcTestResult report = mvc.get().uri("/addresses/import/{id}/report.xlsx", id).with(officer).exchange();
        assertThat(report).hasStatusOk().hasContentType(XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report.getResponse().getContentAsByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(5).getCell(1).getStringCellValue()).isEqualTo("9");
            assertThat(sheet.getRow(8).getCell(0).getNumericCellValue()).isEqualTo(7);
            assertThat(sheet.getRow(8).getCell(2).getStringCellValue()).startsWith("编码只能由数字和大写字母组成");
            assertThat(sheet.getLastRowNum()).isEqualTo(8 + 9);
        }
        // another user cannot read it
        assertThat(mvc.get().uri("/api/v1/imports/addresses/{id}", id)
                .with(as(AddressFixtures.caller(Role.STATION_LEADER, tree.communityPath())) ))
                .hasStatus(404);
    }

    @Test
    void aParentMustComeBeforeItsChildren() throws Exception {
        String c = tree.community();
        MvcTestResult r = upload(xlsx(HEADER,
                new Object[]{null, c + "950", "楼栋", "1号楼"},
                new Object[]{c + "950", c, "小区", "后来的小区"}));
        assertThat(r).bodyJson().extractingPath("$.problems[0].message").isEqualTo("上级在第 3 行，须放在本行之前");
        assertThat(r).bodyJson().extractingPath("$.created").isEqualTo(1);
    }

    @Test
    void aFileThatIsNotXlsxGetsAClear400() throws Exception {
        MvcTestResult text = mvc.post().multipart().uri("/api/v1/imports/addresses").with(officer).with(csrf())
                .file(new MockMultipartFile("file", "addresses.xlsx", XLSX, "编码,上级编码\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                .exchange();
        assertThat(text).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
        assertThat(text).bodyJson().extractingPath("$.errors[0].message").asString().startsWith("文件不是有效的 xlsx 表格");

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("hello.txt"));
            z.write("not a spreadsheet".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(upload(zip.toByteArray())).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
        // a zip bomb: one entry of 50 MB of zeros inflating far past the allowed ratio
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bomb)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 50; i++) {
                z.write(zeros);
            }
        }
        assertThat(upload(bomb.toByteArray())).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
        assertThat(upload(xlsx(new Object[]{"名字", "别的"}, new Object[]{"x", "y"}))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].message").isEqualTo("表头缺少“上级编码”列，请使用模板");
        assertThat(mvc.post().multipart().uri("/api/v1/imports/addresses").with(officer).with(csrf())
                .param("nothing", "here").exchange()).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
        // the upload page shows the same error next to the file field
        assertThat(mvc.post().multipart().uri("/addresses/import").with(officer).with(csrf())
                .file(new MockMultipartFile("file", "a.xlsx", XLSX, "hello".getBytes(StandardCharsets.UTF_8))))
                .hasStatus(400).bodyText().contains("文件不是有效的 xlsx 表格");
    }

    @Test
    void theTemplateHasTheChineseHeaderAndInstructions() throws Exception {
        for (String uri : List.of("/api/v1/imports/addresses/template", "/addresses/import/template.xlsx")) {
            MvcTestResult r = mvc.get().uri(uri).with(officer).exchange();
            assertThat(r).hasStatusOk().hasContentType(XLSX);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
                var header = wb.getSheetAt(0).getRow(0);
                assertThat(List.of(0, 1, 2, 3, 4, 5, 6)).map(i -> header.getCell(i).getStringCellValue())
                        .containsExactly(HEADER);
                StringBuilder help = new StringBuilder();
                wb.getSheetAt(1).forEach(row -> row.forEach(cell -> help.append(cell.getStringCellValue()).append('|')));
                assertThat(help).contains("户室|ROOM|楼栋、单元、楼层", "重点部位|KEY_SITE");
            }
        }
        // the template itself imports cleanly (no rows)
        MvcTestResult empty = upload(mvc.get().uri("/api/v1/imports/addresses/template").with(officer).exchange()
                .getResponse().getContentAsByteArray());
        assertThat(empty).hasStatusOk().bodyJson().extractingPath("$.rows").isEqualTo(0);
    }

    @Test
    void onlyWritersImport() {
        for (Role role : List.of(Role.AUXILIARY_POLICE, Role.COMMUNITY_WORKER, Role.AUDITOR, Role.SECURITY_ADMIN)) {
            assertThat(mvc.post().multipart().uri("/api/v1/imports/addresses").with(as(role, tree.communityPath())).with(csrf())
                    .file(new MockMultipartFile("file", "a.xlsx", XLSX, xlsx(HEADER)))).hasStatus(403);
        }
    }

    private MvcTestResult upload(byte[] file) {
        return mvc.post().multipart().uri("/api/v1/imports/addresses").with(officer).with(csrf())
                .file(new MockMultipartFile("file", "addresses.xlsx", XLSX, file)).exchange();
    }
}
