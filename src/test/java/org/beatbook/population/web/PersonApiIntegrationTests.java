package org.beatbook.population.web;

import org.beatbook.population.AddressFake;
import org.beatbook.population.Residents;
import org.beatbook.population.Residents.Body;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.population.AddressFake.OTHER_ROOM;
import static org.beatbook.population.AddressFake.R2;
import static org.beatbook.population.AddressFake.ROOM_501;
import static org.beatbook.population.AddressFake.ROOM_502;
import static org.beatbook.population.Residents.signedIn;
import static org.beatbook.population.Residents.tenant;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The person API end to end on real PostgreSQL, with the address tree faked (see {@link AddressFake}). */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
class PersonApiIntegrationTests {

    static final Authentication OFFICER = signedIn(Role.COMMUNITY_OFFICER);

    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;

    MvcTestResult post(String uri, String json, Authentication who) {
        return mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json)
                .header("Accept-Language", "zh-CN").with(authentication(who)).with(csrf()).exchange();
    }

    MvcTestResult get(String uri, Authentication who) {
        return mvc.get().uri(uri).with(authentication(who)).exchange();
    }

    long register(Body body) {
        MvcTestResult r = post("/api/v1/persons", body.json(), OFFICER);
        assertThat(r).as(body(r)).hasStatus(HttpStatus.CREATED);
        return ((Number) json(r).read("$.person.id")).longValue();
    }

    static com.jayway.jsonpath.DocumentContext json(MvcTestResult r) {
        return com.jayway.jsonpath.JsonPath.parse(body(r));
    }

    static String body(MvcTestResult r) {
        try {
            return r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> audit(long personId, String action) {
        return jdbc.sql("select coalesce(scope_path, '') || '|' || coalesce(purpose, '') || '|' || result || '|' || coalesce(detail, '')"
                        + " from audit.audit_log where object_type = 'PERSON' and object_id = ? and action = ? order by id")
                .param(Long.toString(personId)).param(action).query(String.class).list();
    }

    @Test
    void registersAMaskedPersonWithResidenceVersionAndAudit() {
        Body body = tenant().sex("2");
        MvcTestResult r = post("/api/v1/persons", body.json(), OFFICER);
        assertThat(r).hasStatus(HttpStatus.CREATED);
        String id18 = body.idNumber();
        assertThat(r).bodyJson().extractingPath("$.person.idNumber").isEqualTo(id18.substring(0, 3) + "*".repeat(11) + id18.substring(14));
        assertThat(r).bodyJson().extractingPath("$.person.phones[0]").isEqualTo(body.phone().substring(0, 3) + "****" + body.phone().substring(7));
        assertThat(r).bodyJson().extractingPath("$.person.residences[0].addressLabel").isEqualTo("阳光小区 3号楼2单元501室");
        assertThat(r).bodyJson().extractingPath("$.person.residences[0].roomKey").isEqualTo("3-2-501");
        assertThat(r).bodyJson().extractingPath("$.person.birthDate").isEqualTo(
                LocalDate.parse(id18.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE).toString());
        // sequence is odd (male) or even (female): typed 2 warns when the number says male
        boolean male = (id18.charAt(16) - '0') % 2 == 1;
        assertThat(body(r).contains("性别与公民身份号码不符")).isEqualTo(male);
        assertThat(body(r)).doesNotContain(id18, body.phone());
        long id = ((Number) json(r).read("$.person.id")).longValue();

        assertThat(get("/api/v1/persons/" + id, OFFICER)).hasStatusOk().bodyJson()
                .extractingPath("$.name").isEqualTo(body.name());
        assertThat(audit(id, "PERSON_REGISTERED")).singleElement().asString()
                .startsWith("R1.R1C1.R1C1B3.R1C1B3U2.R1C1B3U2R501||SUCCESS|").doesNotContain(id18);
        assertThat(audit(id, "PERSON_READ")).singleElement().asString().startsWith("R1.R1C1.R1C1B3.R1C1B3U2.R1C1B3U2R501||SUCCESS");
        String version = jdbc.sql("select version || ' ' || change || ' ' || changes::text from population.person_version where person_id = ?")
                .param(id).query(String.class).single();
        assertThat(version).startsWith("1 REGISTERED").contains(body.name(), "3-2-501".isEmpty() ? "" : "R1C1B3U2R501")
                .doesNotContain(id18, body.phone());
    }

    @Test
    void theSameDocumentIsAConflictListingTheExistingPersonAndCanBeLinked() {
        Body first = tenant();
        long id = register(first);
        MvcTestResult again = post("/api/v1/persons", first.name("另一人").phone(Residents.phone()).room(ROOM_502).json(), OFFICER);
        assertThat(again).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].field").isEqualTo("idNumber");
        assertThat(again).bodyJson().extractingPath("$.duplicates[0].id").isEqualTo((int) id);
        assertThat(again).bodyJson().extractingPath("$.duplicates[0].name").isEqualTo(first.name());
        assertThat(again).bodyJson().extractingPath("$.duplicates[0].matchedOn[0]").isEqualTo("DOCUMENT");
        assertThat(body(again)).doesNotContain(first.idNumber());

        MvcTestResult linked = post("/api/v1/persons", first.room(ROOM_502).extra("\"linkExisting\":true").json(), OFFICER);
        assertThat(linked).hasStatusOk().bodyJson().extractingPath("$.created").isEqualTo(false);
        assertThat(linked).bodyJson().extractingPath("$.person.id").isEqualTo((int) id);
        assertThat(linked).bodyJson().extractingPath("$.person.residences.length()").isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from population.person where document_number = ?").param(first.idNumber())
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void theSameNameAndBirthDateIsAConflictUnlessConfirmed() {
        LocalDate born = Residents.randomBirthDate();
        Body first = tenant().idNumber(Residents.idNumber(born));
        long id = register(first);
        Body twin = tenant().idNumber(Residents.idNumber(born)).name(first.name());
        MvcTestResult r = post("/api/v1/persons", twin.json(), OFFICER);
        assertThat(r).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(r).bodyJson().extractingPath("$.duplicates[0].id").isEqualTo((int) id);
        assertThat(r).bodyJson().extractingPath("$.duplicates[0].matchedOn[0]").isEqualTo("NAME_AND_BIRTH_DATE");
        assertThat(post("/api/v1/persons", twin.extra("\"confirmNew\":true").json(), OFFICER)).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void aSharedPhoneIsAConflictShowingTheMaskedPhone() {
        Body first = tenant();
        long id = register(first);
        MvcTestResult r = post("/api/v1/persons", tenant().phone(first.phone()).json(), OFFICER);
        assertThat(r).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].field").isEqualTo("phone");
        assertThat(r).bodyJson().extractingPath("$.duplicates[0].id").isEqualTo((int) id);
        assertThat(r).bodyJson().extractingPath("$.duplicates[0].phone").isEqualTo(first.phone().substring(0, 3) + "****" + first.phone().substring(7));
        assertThat(r).bodyJson().extractingPath("$.duplicates[0].matchedOn[0]").isEqualTo("PHONE");
    }

    @Test
    void movingOutEndsTheResidenceAndKeepsIt() {
        long id = register(tenant());
        assertThat(post("/api/v1/persons/" + id + "/residences",
                "{\"addressCode\":\"" + ROOM_502 + "\",\"residenceType\":\"OWNER\"}", OFFICER)).hasStatus(HttpStatus.CREATED);
        MvcTestResult opened = get("/api/v1/persons/" + id, OFFICER);
        int first = json(opened).read("$.residences[?(@.addressCode=='" + ROOM_501 + "')].id", List.class).stream()
                .mapToInt(o -> ((Number) o).intValue()).findFirst().orElseThrow();
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        MvcTestResult ended = post("/api/v1/persons/" + id + "/residences/" + first + "/end", "{\"moveOutDate\":\"" + today + "\"}", OFFICER);
        assertThat(ended).hasStatusOk().bodyJson().extractingPath("$.residences.length()").isEqualTo(2);
        assertThat(ended).bodyJson().extractingPath("$.residences[1].moveOutDate").isEqualTo(today);
        assertThat(ended).bodyJson().extractingPath("$.residences[1].current").isEqualTo(false);
        assertThat(ended).bodyJson().extractingPath("$.residences[0].current").isEqualTo(true);
        assertThat(post("/api/v1/persons/" + id + "/residences/" + first + "/end", "{}", OFFICER))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].field").isEqualTo("residenceId");
        assertThat(jdbc.sql("select string_agg(change, ',' order by version) from population.person_version where person_id = ?")
                .param(id).query(String.class).single()).isEqualTo("REGISTERED,RESIDENCE_STARTED,RESIDENCE_ENDED");
        assertThat(audit(id, "RESIDENCE_STARTED")).hasSize(1);
        assertThat(audit(id, "RESIDENCE_ENDED")).singleElement().asString().startsWith("R1.R1C1.R1C1B3.R1C1B3U2.R1C1B3U2R501|");
        assertThat(jdbc.sql("select count(*) from population.residence where person_id = ?").param(id).query(Long.class).single())
                .isEqualTo(2L);
    }

    @Test
    void searchFindsByEveryKind() {
        Body jiang = tenant().name("江浩");
        long jiangId = register(jiang);
        Body zeng = tenant().name("曾小明").room(ROOM_502).type("OWNER");
        long zengId = register(zeng);

        Map<String, Long> expected = new java.util.LinkedHashMap<>();
        expected.put("jh", jiangId);
        expected.put("jianghao", jiangId);
        expected.put("江", jiangId);
        expected.put("浩", jiangId);
        expected.put("江浩", jiangId);
        expected.put("zeng", zengId);
        expected.put("ceng", zengId);
        expected.put("zxm", zengId);
        expected.put("cxm", zengId);
        expected.put("小明", zengId);
        expected.put("曾小明", zengId);
        expected.put(jiang.idNumber().substring(12), jiangId);
        expected.put(jiang.idNumber().substring(14), jiangId);
        expected.put(jiang.idNumber(), jiangId);
        expected.put(zeng.phone().substring(7), zengId);
        expected.put(zeng.phone().substring(5), zengId);
        expected.put(zeng.phone(), zengId);
        expected.put("3-2-501", jiangId);
        expected.put("3栋2单元502", zengId);
        for (var e : expected.entrySet()) {
            MvcTestResult r = mvc.get().uri("/api/v1/persons").param("q", e.getKey()).param("size", "100")
                    .with(authentication(OFFICER)).exchange();
            assertThat(r).as(e.getKey()).hasStatusOk();
            List<Integer> ids = json(r).read("$.items[*].id");
            assertThat(ids).as(e.getKey()).contains(e.getValue().intValue());
            assertThat(body(r)).as(e.getKey()).doesNotContain(jiang.idNumber(), zeng.phone());
        }
        MvcTestResult exact = mvc.get().uri("/api/v1/persons").param("q", "江浩").with(authentication(OFFICER)).exchange();
        assertThat(exact).bodyJson().extractingPath("$.items[0].name").isEqualTo("江浩");
        assertThat(exact).bodyJson().extractingPath("$.kind").isEqualTo("CHINESE");
        assertThat(exact).bodyJson().extractingPath("$.items[0].addressCode").isNotNull();

        List<Integer> owners = json(mvc.get().uri("/api/v1/persons").param("q", "曾小明").param("residenceType", "OWNER")
                .with(authentication(OFFICER)).exchange()).read("$.items[*].id");
        assertThat(owners).contains((int) zengId);
        List<Integer> tenants = json(mvc.get().uri("/api/v1/persons").param("q", "曾小明").param("residenceType", "TENANT")
                .with(authentication(OFFICER)).exchange()).read("$.items[*].id");
        assertThat(tenants).doesNotContain((int) zengId);
        List<Integer> notJiang = json(mvc.get().uri("/api/v1/persons").param("q", "jh").param("size", "100")
                .with(authentication(OFFICER)).exchange()).read("$.items[*].id");
        assertThat(notJiang).doesNotContain((int) zengId);
    }

    @Test
    void tagsAreFiltersAndChangesAreVersioned() {
        Body body = tenant();
        long id = register(body);
        String newPhone = Residents.phone();
        MvcTestResult changed = mvc.patch().uri("/api/v1/persons/" + id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"tags\":[\"独居老人\"],\"phones\":[\"" + newPhone + "\"],\"occupation\":\"教师\"}")
                .with(authentication(OFFICER)).with(csrf()).exchange();
        assertThat(changed).hasStatusOk().bodyJson().extractingPath("$.version").isEqualTo(2);
        List<Integer> tagged = json(mvc.get().uri("/api/v1/persons").param("q", body.name()).param("tag", "独居老人")
                .with(authentication(OFFICER)).exchange()).read("$.items[*].id");
        assertThat(tagged).containsExactly((int) id);
        List<Integer> otherTag = json(mvc.get().uri("/api/v1/persons").param("q", body.name()).param("tag", "需关爱")
                .with(authentication(OFFICER)).exchange()).read("$.items[*].id");
        assertThat(otherTag).isEmpty();
        String v2 = jdbc.sql("select changes::text from population.person_version where person_id = ? and version = 2")
                .param(id).query(String.class).single();
        assertThat(v2).contains("独居老人", "教师", newPhone.substring(7)).doesNotContain(newPhone, body.phone());
        assertThat(audit(id, "PERSON_UPDATED")).singleElement().asString().contains("tags", "phones", "occupation");
        // birth date and sex belong to the ID number
        assertThat(mvc.patch().uri("/api/v1/persons/" + id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"birthDate\":\"1990-01-01\"}").with(authentication(OFFICER)).with(csrf()))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("birthDate");
    }

    @Test
    void aPersonInAnotherSubtreeIsNotFoundAndNeverInResults() {
        Body elsewhere = tenant().room(OTHER_ROOM);
        MvcTestResult created = post("/api/v1/persons", elsewhere.json(), signedIn(Role.COMMUNITY_OFFICER, R2));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        long id = ((Number) json(created).read("$.person.id")).longValue();

        MvcTestResult outOfScope = get("/api/v1/persons/" + id, OFFICER);
        MvcTestResult missing = get("/api/v1/persons/999999999", OFFICER);
        assertThat(outOfScope).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(body(outOfScope).replace("/" + id + "\"", "/999999999\"")).isEqualTo(body(missing));
        assertThat(post("/api/v1/persons/" + id + "/reveal", "{\"purpose\":\"核查\"}", OFFICER)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("/api/v1/persons/" + id + "/residences", "{\"addressCode\":\"" + ROOM_501 + "\",\"residenceType\":\"TENANT\"}", OFFICER))
                .hasStatus(HttpStatus.NOT_FOUND);
        for (String q : List.of(elsewhere.name(), elsewhere.idNumber().substring(12), elsewhere.phone(), "1-1-101")) {
            List<Integer> ids = json(mvc.get().uri("/api/v1/persons").param("q", q).param("size", "100")
                    .with(authentication(OFFICER)).exchange()).read("$.items[*].id");
            assertThat(ids).as(q).doesNotContain((int) id);
        }
        // and a room outside the scope is no room at all for the caller
        assertThat(post("/api/v1/persons", tenant().room(OTHER_ROOM).json(), OFFICER))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("addressCode");
    }

    @Test
    void anAuxiliaryPoliceMemberNeverSeesAnotherJurisdictionsResidents() {
        Body own = tenant();
        long ownId = register(own);
        Body elsewhere = tenant().room(OTHER_ROOM);
        MvcTestResult created = post("/api/v1/persons", elsewhere.json(), signedIn(Role.COMMUNITY_OFFICER, R2));
        long foreignId = ((Number) json(created).read("$.person.id")).longValue();
        var auxiliary = signedIn(Role.AUXILIARY_POLICE);
        for (String q : List.of(elsewhere.name(), elsewhere.idNumber().substring(12), elsewhere.phone().substring(5), "1-1-101")) {
            List<Integer> ids = json(mvc.get().uri("/api/v1/persons").param("q", q).param("size", "100")
                    .with(authentication(auxiliary)).exchange()).read("$.items[*].id");
            assertThat(ids).as(q).doesNotContain((int) foreignId);
        }
        List<Integer> found = json(mvc.get().uri("/api/v1/persons").param("q", own.name())
                .with(authentication(auxiliary)).exchange()).read("$.items[*].id");
        assertThat(found).contains((int) ownId);
        assertThat(get("/api/v1/persons/" + foreignId, auxiliary)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get("/persons/rooms/" + OTHER_ROOM, auxiliary)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void revealShowsTheFullNumbersToOfficersAndRecordsThePurpose() {
        Body body = tenant();
        long id = register(body);
        MvcTestResult r = post("/api/v1/persons/" + id + "/reveal", "{\"purpose\":\"入户走访核实身份\"}", OFFICER);
        assertThat(r).hasStatusOk().bodyJson().extractingPath("$.idNumber").isEqualTo(body.idNumber());
        assertThat(r).bodyJson().extractingPath("$.phones[0]").isEqualTo(body.phone());
        assertThat(audit(id, "PERSON_REVEALED")).singleElement().asString()
                .startsWith("R1.R1C1.R1C1B3.R1C1B3U2.R1C1B3U2R501|入户走访核实身份|SUCCESS").doesNotContain(body.idNumber());

        assertThat(post("/api/v1/persons/" + id + "/reveal", "{\"purpose\":\" \"}", OFFICER))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("purpose");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"AUXILIARY_POLICE", "COMMUNITY_WORKER"})
    void revealIsDeniedToOtherOperationalRolesAndTheRefusalIsRecorded(Role role) {
        Body body = tenant();
        long id = register(body);
        MvcTestResult r = post("/api/v1/persons/" + id + "/reveal", "{\"purpose\":\"想看看\"}", signedIn(role));
        assertThat(r).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(body(r)).doesNotContain(body.idNumber());
        assertThat(audit(id, "PERSON_REVEALED")).singleElement().asString().contains("|DENIED|");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDITOR"})
    void administratorsAndAuditorsDoNotReadResidents(Role role) {
        long id = register(tenant());
        assertThat(get("/api/v1/persons?q=jh", signedIn(role))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(get("/api/v1/persons/" + id, signedIn(role))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post("/api/v1/persons", tenant().json(), signedIn(role))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void communityWorkersRegisterAtTheGate() {
        assertThat(post("/api/v1/persons", tenant().json(), signedIn(Role.COMMUNITY_WORKER))).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void aWrongCheckCharacterNamesIdNumberAndTheExpectedCharacter() {
        String id = Residents.idNumber(LocalDate.of(1985, 6, 15));
        char wrong = id.charAt(17) == '0' ? '1' : '0';
        MvcTestResult r = post("/api/v1/persons", tenant().idNumber(id.substring(0, 17) + wrong).json(), OFFICER);
        assertThat(r).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(r).bodyJson().extractingPath("$.errors[0].field").isEqualTo("idNumber");
        assertThat(r).bodyJson().extractingPath("$.errors[0].message")
                .isEqualTo("公民身份号码校验码错误：应为“" + id.charAt(17) + "”，填写的是“" + wrong + "”，请核对号码");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        String future = LocalDate.now().plusDays(3).toString();
        MvcTestResult r = post("/api/v1/persons", tenant().document("CHINESE_PASSPORT", "E12345678").birthDate(future)
                .phone("12345").type("LANDLORD").json(), OFFICER);
        assertThat(r).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactly("birthDate", "phone", "residenceType");
        assertThat(body(r)).contains("晚于今天");
    }

    @Test
    void anUnknownRoomIsNamed() {
        assertThat(post("/api/v1/persons", tenant().room("NO-SUCH-ROOM").json(), OFFICER))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("addressCode");
        // a unit is not a room
        assertThat(post("/api/v1/persons", tenant().room(AddressFake.UNIT).json(), OFFICER))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("addressCode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"idNumber\":", "not json", "[]", "{\"idNumber\":[1,2]}", "{\"unknown\":1}", ""})
    void malformedBodiesAreProblemsNot500(String body) {
        MvcTestResult r = post("/api/v1/persons", body, OFFICER);
        assertThat(r).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "a1b2", "!!!"})
    void unsearchableQueriesAreNamed(String q) {
        assertThat(mvc.get().uri("/api/v1/persons").param("q", q).with(authentication(OFFICER)))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("q");
    }

    @Test
    void badPagingAndFiltersAreNamed() {
        assertThat(mvc.get().uri("/api/v1/persons").param("size", "1000").with(authentication(OFFICER)))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
        assertThat(mvc.get().uri("/api/v1/persons").param("residenceType", "LANDLORD").with(authentication(OFFICER)))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("residenceType");
    }
}
