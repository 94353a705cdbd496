package org.beatbook.organisation.web;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beatbook.organisation.Organisations;
import org.beatbook.organisation.Organisations.Body;
import org.beatbook.population.AddressFake;
import org.beatbook.population.Residents;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.security.Scope;
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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.population.Residents.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The organisation API end to end on real PostgreSQL, with the address tree faked (see {@link AddressFake}). */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
class OrganisationApiIntegrationTests {

    static final Authentication OFFICER = signedIn(Role.COMMUNITY_OFFICER);
    /** An auxiliary police officer whose beat is the compound of the other community. */
    static final Authentication OTHER_AUX = signedIn(Role.AUXILIARY_POLICE, new Scope(List.of("R2.R2C1")));
    static final Authentication AUX = signedIn(Role.AUXILIARY_POLICE);

    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;

    MvcTestResult send(String method, String uri, String json, Authentication who) {
        var request = switch (method) {
            case "PATCH" -> mvc.patch();
            default -> mvc.post();
        };
        return request.uri(uri).contentType(MediaType.APPLICATION_JSON).content(json)
                .header("Accept-Language", "zh-CN").with(authentication(who)).with(csrf()).exchange();
    }

    MvcTestResult post(String uri, String json, Authentication who) {
        return send("POST", uri, json, who);
    }

    MvcTestResult get(String uri, Authentication who) {
        return mvc.get().uri(uri).header("Accept-Language", "zh-CN").with(authentication(who)).exchange();
    }

    long create(Body body) {
        MvcTestResult r = post("/api/v1/organisations", body.json(), OFFICER);
        assertThat(r).as(text(r)).hasStatus(HttpStatus.CREATED);
        return ((Number) com.jayway.jsonpath.JsonPath.read(text(r), "$.id")).longValue();
    }

    static String text(MvcTestResult r) {
        try {
            return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> audit(long id, String action) {
        return jdbc.sql("select coalesce(scope_path, '') || '|' || coalesce(purpose, '') || '|' || result || '|' || coalesce(detail, '')"
                        + " from audit.audit_log where object_type = 'ORGANISATION' and object_id = ? and action = ? order by id")
                .param(Long.toString(id)).param(action).query(String.class).list();
    }

    @Test
    void registersAMaskedOrganisationWithVersionAndAudit() {
        Body body = Organisations.shop();
        MvcTestResult r = post("/api/v1/organisations", body.json(), OFFICER);
        assertThat(r).hasStatus(HttpStatus.CREATED);
        assertThat(r).bodyJson().extractingPath("$.creditCode").isEqualTo(body.get("creditCode"));
        assertThat(r).bodyJson().extractingPath("$.legalRepresentativeDocument").isEqualTo("340***********001X");
        assertThat(r).bodyJson().extractingPath("$.phone").isEqualTo("138****5678");
        assertThat(r).bodyJson().extractingPath("$.securityPhone").isEqualTo("055****1234");
        assertThat(r).bodyJson().extractingPath("$.addressLabel").isEqualTo("阳光小区 3号楼");
        assertThat(r).bodyJson().extractingPath("$.compoundCode").isEqualTo("R1C1");
        assertThat(r).bodyJson().extractingPath("$.status").isEqualTo("OPERATING");
        assertThat(text(r)).doesNotContain("34052419800101001X", "13812345678", "5321234");
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(text(r), "$.id")).longValue();

        assertThat(get("/api/v1/organisations/" + id, OFFICER)).hasStatusOk().bodyJson()
                .extractingPath("$.name").isEqualTo(body.get("name"));
        assertThat(audit(id, "ORGANISATION_REGISTERED")).singleElement().asString()
                .startsWith("R1.R1C1.R1C1B3||SUCCESS|node=R1C1B3; type=SHOP");
        assertThat(audit(id, "ORGANISATION_READ")).singleElement().asString().startsWith("R1.R1C1.R1C1B3||SUCCESS");
        String version = jdbc.sql("select version || ' ' || change || ' ' || changes::text from organisation.organisation_version where organisation_id = ?")
                .param(id).query(String.class).single();
        assertThat(version).startsWith("1 REGISTERED").contains(body.get("name"), "340***********001X")
                .doesNotContain("34052419800101001X", "13812345678");
    }

    @Test
    void everyBrokenRuleIsNamedWithItsField() {
        Body bad = Organisations.shop().with("creditCode", "91350100M000100Y44").with("addressCode", "NOPE")
                .with("type", "工厂").with("phone", "12345").with("legalRepresentativeDocument", "340524198001010010");
        MvcTestResult r = post("/api/v1/organisations", bad.json(), OFFICER);
        assertThat(r).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(r).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("creditCode", "addressCode", "type", "phone", "legalRepresentativeDocument");
        assertThat(text(r)).contains("统一社会信用代码校验码错误：应为“3”", "地址编码“NOPE”不存在", "单位类型“工厂”无效");
        assertThat(post("/api/v1/organisations", "{\"type\":\"SHOP\"}", OFFICER)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[*].field").asArray().contains("name", "addressCode");
        assertThat(post("/api/v1/organisations", "{not json", OFFICER)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.sql("select count(*) from organisation.organisation where name = ?").param(bad.get("name"))
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCreditCodeOrANameAtTheSameNodeIsRegisteredOnce() {
        Body first = Organisations.shop();
        create(first);
        assertThat(post("/api/v1/organisations", first.with("name", "另一家").json(), OFFICER))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].field").isEqualTo("creditCode");
        assertThat(post("/api/v1/organisations", first.with("creditCode", null).json(), OFFICER))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void staffComeAndGoAndTheHistoryStays() {
        long id = create(Organisations.shop());
        long person = registerResident();
        MvcTestResult guard = post("/api/v1/organisations/" + id + "/employees",
                "{\"name\":\"王保安\",\"role\":\"保安\",\"startDate\":\"2024-03-01\",\"phone\":\"13900001111\"}", OFFICER);
        assertThat(guard).hasStatus(HttpStatus.CREATED);
        MvcTestResult resident = post("/api/v1/organisations/" + id + "/employees",
                "{\"personId\":" + person + ",\"role\":\"HEAD\"}", OFFICER);
        assertThat(resident).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.employees[?(@.role=='HEAD')].personId")
                .asArray().containsExactly((int) person);
        long job = ((Number) com.jayway.jsonpath.JsonPath.<List<Object>>read(text(guard), "$.employees[?(@.role=='SECURITY')].id").get(0)).longValue();

        MvcTestResult ended = post("/api/v1/organisations/" + id + "/employees/" + job + "/end",
                "{\"endDate\":\"" + LocalDate.now() + "\"}", OFFICER);
        assertThat(ended).hasStatusOk().bodyJson().extractingPath("$.employees[?(@.role=='SECURITY')].endDate")
                .asArray().containsExactly(LocalDate.now().toString());
        assertThat(ended).bodyJson().extractingPath("$.employees[?(@.role=='SECURITY')].phone").asArray()
                .containsExactly("139****1111");
        assertThat(post("/api/v1/organisations/" + id + "/employees/" + job + "/end", "{}", OFFICER))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].field").isEqualTo("employmentId");
        assertThat(post("/api/v1/organisations/" + id + "/employees", "{\"role\":\"员工\"}", OFFICER))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(post("/api/v1/organisations/" + id + "/employees", "{\"personId\":999999999,\"role\":\"员工\"}", OFFICER))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("personId");

        assertThat(get("/api/v1/organisations/" + id + "/versions", OFFICER)).hasStatusOk().bodyJson()
                .extractingPath("$[*].change").asArray().containsExactly("STAFF_ENDED", "STAFF_STARTED", "STAFF_STARTED", "REGISTERED");
        assertThat(audit(id, "ORGANISATION_STAFF_STARTED")).hasSize(2);
        assertThat(audit(id, "ORGANISATION_STAFF_ENDED")).singleElement().asString().contains("employment=" + job);
    }

    @Test
    void changesAreVersionedAndAFieldLeftOutStays() {
        Body body = Organisations.shop();
        long id = create(body);
        MvcTestResult r = send("PATCH", "/api/v1/organisations/" + id, "{\"status\":\"CLOSED\",\"industry\":\"零售\"}", OFFICER);
        assertThat(r).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("CLOSED");
        assertThat(r).bodyJson().extractingPath("$.name").isEqualTo(body.get("name"));
        assertThat(r).bodyJson().extractingPath("$.legalRepresentativeDocument").isEqualTo("340***********001X");
        assertThat(r).bodyJson().extractingPath("$.version").isEqualTo(2);
        String changes = jdbc.sql("select changes::text from organisation.organisation_version where organisation_id = ? and version = 2")
                .param(id).query(String.class).single();
        assertThat(changes).contains("status", "CLOSED", "industry").doesNotContain("legalRepresentative\"");
        assertThat(audit(id, "ORGANISATION_UPDATED")).singleElement().asString().contains("fields=industry,status");
        assertThat(send("PATCH", "/api/v1/organisations/" + id, "{\"phone\":\"\"}", OFFICER)).hasStatusOk()
                .bodyJson().extractingPath("$.phone").isNull();
    }

    @Test
    void anotherCompoundsAuxiliarySeesNothingOfIt() {
        Body body = Organisations.shop();
        long id = create(body);
        MvcTestResult foreign = get("/api/v1/organisations/" + id, OTHER_AUX);
        MvcTestResult missing = get("/api/v1/organisations/999999999", OTHER_AUX);
        assertThat(foreign).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(text(foreign).replace("/organisations/" + id + "\"", "/organisations/{id}\""))
                .isEqualTo(text(missing).replace("/organisations/999999999\"", "/organisations/{id}\""));
        assertThat(send("PATCH", "/api/v1/organisations/" + id, "{\"industry\":\"x\"}", OTHER_AUX)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("/api/v1/organisations/" + id + "/employees", "{\"name\":\"某\",\"role\":\"员工\"}", OTHER_AUX))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(text(get("/api/v1/organisations?q=" + body.get("name"), OTHER_AUX))).doesNotContain(body.get("name"));
        assertThat(post("/api/v1/organisations", Organisations.shop().json(), OTHER_AUX)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("addressCode");
        assertThat(audit(id, "ORGANISATION_READ")).isEmpty();
        assertThat(get("/api/v1/organisations/" + id, AUX)).hasStatusOk();
    }

    @Test
    void searchFindsByPartOfTheNameByPinyinInitialsAndByCode() {
        Body body = Organisations.shop().with("name", "含山县江浩五金店");
        long id = create(body);
        for (String q : List.of("江浩", "jhwjd", "wjd", "jianghao", body.get("creditCode").toLowerCase())) {
            assertThat(get("/api/v1/organisations?q=" + q, OFFICER)).as(q).hasStatusOk().bodyJson()
                    .extractingPath("$.items[*].id").asArray().contains((int) id);
        }
        assertThat(get("/api/v1/organisations?q=江浩&type=SCHOOL", OFFICER)).hasStatusOk().bodyJson()
                .extractingPath("$.items[*].id").asArray().doesNotContain((int) id);
        assertThat(get("/api/v1/organisations?compound=R1C1&type=个体工商户", OFFICER)).hasStatusOk().bodyJson()
                .extractingPath("$.items[*].id").asArray().contains((int) id);
        assertThat(get("/api/v1/organisations?node=R1C1B5", OFFICER)).hasStatusOk().bodyJson()
                .extractingPath("$.items[*].id").asArray().doesNotContain((int) id);
        assertThat(get("/api/v1/organisations?type=FACTORY", OFFICER)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("type");
        assertThat(get("/api/v1/organisations?size=1000", OFFICER)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void theRosterIsMaskedUnlessAnAllowedRoleStatesAPurpose() throws Exception {
        Body body = Organisations.shop();
        create(body);
        List<String> masked = rosterLine(get("/api/v1/organisations/roster?compound=R1C1", OFFICER), body.get("name"));
        assertThat(masked).contains("340***********001X", "138****5678").doesNotContain("34052419800101001X");

        List<String> full = rosterLine(get("/api/v1/organisations/roster?compound=R1C1&purpose=年度检查", OFFICER), body.get("name"));
        assertThat(full).contains("34052419800101001X", "13812345678", "0555-5321234");
        assertThat(jdbc.sql("select count(*) from audit.audit_log where action = 'ORGANISATION_ROSTER_EXPORTED' and purpose = '年度检查' and result = 'SUCCESS'")
                .query(Long.class).single()).isEqualTo(1);

        assertThat(get("/api/v1/organisations/roster?purpose=看看", AUX)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("select count(*) from audit.audit_log where action = 'ORGANISATION_ROSTER_EXPORTED' and purpose = '看看' and result = 'DENIED'")
                .query(Long.class).single()).isEqualTo(1);
    }

    private static List<String> rosterLine(MvcTestResult r, String name) throws Exception {
        assertThat(r).hasStatusOk();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
            DataFormatter f = new DataFormatter();
            for (Row row : wb.getSheetAt(0)) {
                if (name.equals(f.formatCellValue(row.getCell(0)))) {
                    List<String> cells = new ArrayList<>();
                    row.forEach(c -> cells.add(f.formatCellValue(c)));
                    return cells;
                }
            }
        }
        throw new AssertionError(name + " not in the roster");
    }

    private long registerResident() {
        MvcTestResult r = post("/api/v1/persons", Residents.tenant().json(), OFFICER);
        assertThat(r).as(text(r)).hasStatus(HttpStatus.CREATED);
        return ((Number) com.jayway.jsonpath.JsonPath.read(text(r), "$.person.id")).longValue();
    }
}
