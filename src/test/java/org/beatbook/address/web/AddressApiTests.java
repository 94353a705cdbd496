package org.beatbook.address.web;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressFixtures;
import org.beatbook.address.AddressFixtures.Tree;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeMoved;
import org.beatbook.address.AddressNodeRenamed;
import org.beatbook.address.internal.AddressService;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.address.AddressFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** /api/v1/addresses on the real embedded PostgreSQL, through the whole MVC and security stack. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class AddressApiTests {

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
    void ownNodeIsShownForeignAndMissingOnesLookTheSame() {
        Tree foreign = AddressFixtures.tree(addresses);
        assertThat(mvc.get().uri("/api/v1/addresses/{c}", tree.compound()).with(officer)).hasStatusOk()
                .bodyJson().extractingPath("$.name").isEqualTo("阳光新城");
        MvcTestResult foreignNode = mvc.get().uri("/api/v1/addresses/{c}", foreign.compound()).with(officer).exchange();
        MvcTestResult missing = mvc.get().uri("/api/v1/addresses/{c}", tree.compound() + "999").with(officer).exchange();
        assertThat(foreignNode).hasStatus(404);
        assertThat(missing).hasStatus(404);
        // identical apart from the request path the problem names as its instance
        assertThat(withoutInstance(foreignNode)).isEqualTo(withoutInstance(missing)).contains("\"status\":404");
        // an ancestor above the jurisdiction is outside it too
        assertThat(mvc.get().uri("/api/v1/addresses/{c}", tree.street()).with(officer)).hasStatus(404);
        assertThat(mvc.get().uri("/api/v1/addresses?parent={c}", foreign.community()).with(officer)).hasStatus(404);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void roleMatrix(Role role) {
        RequestPostProcessor who = as(role, tree.communityPath());
        boolean reads = role != Role.AUDITOR && role != Role.SECURITY_ADMIN;
        boolean writes = role == Role.SYSTEM_ADMIN || role == Role.STATION_LEADER || role == Role.COMMUNITY_OFFICER;
        assertThat(mvc.get().uri("/api/v1/addresses/{c}", tree.compound()).with(who)).hasStatus(reads ? 200 : 403);
        assertThat(mvc.get().uri("/api/v1/addresses?parent={c}", tree.compound()).with(who)).hasStatus(reads ? 200 : 403);
        assertThat(mvc.post().uri("/api/v1/addresses").with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"parentCode\":\"" + tree.compound() + "\",\"level\":\"BUILDING\",\"name\":\"3号楼\"}"))
                .hasStatus(writes ? 201 : 403);
        assertThat(mvc.post().uri("/api/v1/addresses/{c}/retire", tree.room501()).with(who).with(csrf()))
                .hasStatus(writes ? 200 : 403);
        assertThat(mvc.get().uri("/api/v1/imports/addresses/template").with(who)).hasStatus(writes ? 200 : 403);
    }

    @Test
    void createGeneratesTheNextCodeAndPublishesAnAuditEvent() {
        MvcTestResult result = post("/api/v1/addresses",
                "{\"parentCode\":\"" + tree.compound() + "\",\"level\":\"BUILDING\",\"name\":\"  5号楼 \"}");
        assertThat(result).hasStatus(201).bodyJson().extractingPath("$.code").isEqualTo(tree.compound() + "004");
        assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("5号楼");
        assertThat(result).bodyJson().extractingPath("$.path").isEqualTo(tree.compoundPath() + "." + tree.compound() + "004");
        assertThat(result.getResponse().getHeader("Location")).endsWith("/api/v1/addresses/" + tree.compound() + "004");
        assertThat(events.stream(AuditEvent.class))
                .anyMatch(e -> e.action().equals("ADDRESS_CREATED") && e.objectId().equals(tree.compound() + "004"));
    }

    @Test
    void givenCodesMustBeWellFormedAndUnique() {
        assertThat(post("/api/v1/addresses", "{\"parentCode\":\"" + tree.compound()
                + "\",\"level\":\"BUILDING\",\"name\":\"甲楼\",\"code\":\"" + tree.building1() + "\"}"))
                .hasStatus(409).bodyJson().extractingPath("$.errors[0].field").isEqualTo("code");
        assertThat(post("/api/v1/addresses", "{\"parentCode\":\"" + tree.compound()
                + "\",\"level\":\"BUILDING\",\"name\":\"甲楼\",\"code\":\"34-01\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("code");
        MvcTestResult ok = post("/api/v1/addresses", "{\"parentCode\":\"" + tree.compound()
                + "\",\"level\":\"BUILDING\",\"name\":\"甲楼\",\"code\":\"" + tree.compound().toLowerCase() + "a1\"}");
        assertThat(ok).hasStatus(201).bodyJson().extractingPath("$.code").isEqualTo(tree.compound() + "A1");
    }

    @Test
    void levelsMustLieBelowTheirParent() {
        MvcTestResult result = post("/api/v1/addresses",
                "{\"parentCode\":\"" + tree.community() + "\",\"level\":\"ROOM\",\"name\":\"101\"}");
        assertThat(result).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("level");
        assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("户室不能直接挂在社区之下");
        assertThat(post("/api/v1/addresses", "{\"parentCode\":\"" + tree.compound()
                + "\",\"level\":\"BUILDING\",\"name\":\"7号楼\",\"category\":\"SCHOOL\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("category");
    }

    @Test
    void badBodiesAnswer400NamingTheField() {
        assertThat(post("/api/v1/addresses", "{\"parentCode\":")).hasStatus(400);
        assertThat(post("/api/v1/addresses", "{\"parentCode\":\"" + tree.compound()
                + "\",\"level\":\"BUILDING\",\"name\":\"x\",\"admin\":true}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("admin");
        assertThat(post("/api/v1/addresses", "{\"parentCode\":\"" + tree.compound() + "\",\"level\":\"CASTLE\",\"name\":\"x\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("level");
        assertThat(post("/api/v1/addresses", "{\"parentCode\":\"" + tree.compound()
                + "\",\"level\":\"BUILDING\",\"name\":\"x\",\"latitude\":\"north\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("latitude");
        MvcTestResult missingName = post("/api/v1/addresses", "{\"parentCode\":\"" + tree.compound() + "\",\"level\":\"BUILDING\"}");
        assertThat(missingName).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(missingName).bodyJson().extractingPath("$.errors[0].message").isEqualTo("请填写名称");
        assertThat(post("/api/v1/addresses", "{\"parentCode\":\"" + tree.compound()
                + "\",\"level\":\"PLACE\",\"name\":\"x\",\"latitude\":91,\"longitude\":118}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("latitude");
        assertThat(post("/api/v1/addresses", "{\"parentCode\":\"" + tree.compound()
                + "\",\"level\":\"PLACE\",\"name\":\"x\",\"latitude\":31.7}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("longitude");
        assertThat(mvc.patch().uri("/api/v1/addresses/{c}", tree.compound()).with(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"   \"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void renameKeepsTheCodeAndHonoursIfMatch() {
        MvcTestResult got = mvc.get().uri("/api/v1/addresses/{c}", tree.compound()).with(officer).exchange();
        String etag = got.getResponse().getHeader("ETag");
        assertThat(etag).matches("\"v\\d+\"");
        assertThat(mvc.patch().uri("/api/v1/addresses/{c}", tree.compound()).with(officer).with(csrf())
                .header("If-Match", etag).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"阳光新城一期\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.code").isEqualTo(tree.compound());
        assertThat(api.find(tree.compound(), api.scopeOf(List.of(tree.community()))).orElseThrow().name())
                .isEqualTo("阳光新城一期");
        // the same ETag is stale now
        assertThat(mvc.patch().uri("/api/v1/addresses/{c}", tree.compound()).with(officer).with(csrf())
                .header("If-Match", etag).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"阳光新城二期\"}"))
                .hasStatus(409);
        assertThat(events.stream(AuditEvent.class)).anyMatch(e -> e.action().equals("ADDRESS_UPDATED")
                && e.objectId().equals(tree.compound()) && e.detail().equals("阳光新城 → 阳光新城一期"));
        assertThat(events.stream(AddressNodeRenamed.class)).containsExactly(new AddressNodeRenamed(tree.compound(),
                tree.compoundPath(), AddressLevel.COMPOUND, "阳光新城", "阳光新城一期"));
    }

    @Test
    void moveUnderItselfOrADescendantIsRefusedNamingParentCode() {
        MvcTestResult self = post("/api/v1/addresses/" + tree.compound() + "/move", "{\"parentCode\":\"" + tree.compound() + "\"}");
        assertThat(self).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("parentCode");
        MvcTestResult below = post("/api/v1/addresses/" + tree.building1() + "/move", "{\"parentCode\":\"" + tree.unit() + "\"}");
        assertThat(below).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("parentCode");
        assertThat(below).bodyJson().extractingPath("$.errors[0].message").asString().contains("不能把“1号楼”移动到");
        assertThat(events.stream(AddressNodeMoved.class)).isEmpty();
    }

    @Test
    void moveRepathsTheSubtreeAndTellsOtherModules() {
        String oldPath = tree.compoundPath() + "." + tree.building1();
        assertThat(api.scopeOf(List.of(tree.unit())).paths()).containsExactly(oldPath + "." + tree.unit());
        MvcTestResult moved = post("/api/v1/addresses/" + tree.building1() + "/move",
                "{\"parentCode\":\"" + tree.otherCompound() + "\"}");
        String newPath = tree.otherCompoundPath() + "." + tree.building1();
        assertThat(moved).hasStatusOk().bodyJson().extractingPath("$.path").isEqualTo(newPath);
        assertThat(moved).bodyJson().extractingPath("$.parentCode").isEqualTo(tree.otherCompound());
        assertThat(api.scopeOf(List.of(tree.unit())).paths()).containsExactly(newPath + "." + tree.unit());
        assertThat(api.find(tree.room501(), api.scopeOf(List.of(tree.otherCompound()))).orElseThrow().path())
                .isEqualTo(newPath + "." + tree.unit() + "." + tree.room501());
        assertThat(events.stream(AddressNodeMoved.class))
                .containsExactly(new AddressNodeMoved(tree.building1(), oldPath, newPath));
        assertThat(events.stream(AuditEvent.class)).anyMatch(e -> e.action().equals("ADDRESS_MOVED"));
        // the target parent must be in scope too
        Tree foreign = AddressFixtures.tree(addresses);
        assertThat(post("/api/v1/addresses/" + tree.building1() + "/move", "{\"parentCode\":\"" + foreign.compound() + "\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("parentCode");
        // a unit cannot hang under a compound
        assertThat(post("/api/v1/addresses/" + tree.unit() + "/move", "{\"parentCode\":\"" + tree.compound() + "\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("parentCode");
    }

    @Test
    void retiredNodesTakeNoChildrenAndCanBeRestored() {
        assertThat(post("/api/v1/addresses/" + tree.building1() + "/retire", "")).hasStatusOk()
                .bodyJson().extractingPath("$.retired").isEqualTo(true);
        // the subtree went with it; the node is still readable
        assertThat(mvc.get().uri("/api/v1/addresses/{c}", tree.room501()).with(officer)).hasStatusOk()
                .bodyJson().extractingPath("$.retired").isEqualTo(true);
        assertThat(api.scopeOf(List.of(tree.unit())).paths()).isEmpty();
        assertThat(api.children(tree.compound(), api.scopeOf(List.of(tree.community()))))
                .extracting(v -> v.code()).doesNotContain(tree.building1());
        MvcTestResult refused = post("/api/v1/addresses",
                "{\"parentCode\":\"" + tree.unit() + "\",\"level\":\"ROOM\",\"name\":\"601\"}");
        assertThat(refused).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("parentCode");
        assertThat(post("/api/v1/addresses/" + tree.unit() + "/restore", "")).hasStatus(409)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("parentCode");
        assertThat(post("/api/v1/addresses/" + tree.building1() + "/restore", "")).hasStatusOk()
                .bodyJson().extractingPath("$.retired").isEqualTo(false);
        assertThat(mvc.get().uri("/api/v1/addresses/{c}", tree.room501()).with(officer)).hasStatusOk()
                .bodyJson().extractingPath("$.retired").isEqualTo(false);
        assertThat(events.stream(AuditEvent.class).map(AuditEvent::action))
                .contains("ADDRESS_RETIRED", "ADDRESS_RESTORED");
    }

    @Test
    void childrenComeInNaturalOrder() {
        assertThat(mvc.get().uri("/api/v1/addresses?parent={c}", tree.compound()).with(officer)).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].name").isEqualTo(List.of("1号楼", "2号楼", "10号楼"));
        assertThat(mvc.get().uri("/api/v1/addresses?parent={c}", tree.unit()).with(officer)).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].name").isEqualTo(List.of("501", "1201"));
    }

    @Test
    void searchFindsOneOrTwoCharactersLongerNamesAndCodePrefixesWithinScopeOnly() {
        Tree foreign = AddressFixtures.tree(addresses);
        assertThat(mvc.get().uri("/api/v1/addresses?q=阳").with(officer)).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].code").isEqualTo(List.of(tree.compound()));
        assertThat(mvc.get().uri("/api/v1/addresses?q=小学").with(officer)).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].code").isEqualTo(List.of(tree.school()));
        assertThat(mvc.get().uri("/api/v1/addresses?q=御景花园").with(officer)).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].code").isEqualTo(List.of(tree.otherCompound()));
        assertThat(mvc.get().uri("/api/v1/addresses?q={c}", tree.unit()).with(officer)).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].code").isEqualTo(List.of(tree.unit(), tree.room501(), tree.room1201()));
        assertThat(mvc.get().uri("/api/v1/addresses?q={c}", foreign.compound()).with(officer)).hasStatusOk()
                .bodyJson().extractingPath("$.items").asArray().isEmpty();
        assertThat(mvc.get().uri("/api/v1/addresses?q=%").with(officer)).hasStatusOk()
                .bodyJson().extractingPath("$.items").asArray().isEmpty();
        assertThat(mvc.get().uri("/api/v1/addresses?q=号楼&limit=2").with(officer)).hasStatusOk()
                .bodyJson().extractingPath("$.more").isEqualTo(true);
        assertThat(mvc.get().uri("/api/v1/addresses?q=号楼&limit=101").with(officer)).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("limit");
    }

    @Test
    void countByLevelCountsLiveNodesWithinScope() {
        var counts = api.countByLevel(api.scopeOf(List.of(tree.compound())));
        assertThat(counts).containsEntry(org.beatbook.address.AddressLevel.BUILDING, 3L)
                .containsEntry(org.beatbook.address.AddressLevel.ROOM, 2L)
                .containsEntry(org.beatbook.address.AddressLevel.COMPOUND, 1L)
                .doesNotContainKey(org.beatbook.address.AddressLevel.PLACE);
    }

    @Test
    void randomBodiesNeverAnswer500() {
        Random random = new Random(20261129);
        String[] pieces = {"{", "}", "[", "]", ",", ":", "\"parentCode\"", "\"level\"", "\"name\"", "\"code\"",
                "\"latitude\"", "\"longitude\"", "\"category\"", "\"" + tree.compound() + "\"", "\"ROOM\"", "\"PLACE\"",
                "\"SCHOOL\"", "1e309", "-91", "null", "true", "\"\\u0000\"", "\"楼\"", "12345678901234567890", "\"\"",
                "\"" + "X".repeat(50) + "\""};
        for (int i = 0; i < 300; i++) {
            StringBuilder body = new StringBuilder();
            int n = random.nextInt(14);
            for (int j = 0; j < n; j++) {
                body.append(pieces[random.nextInt(pieces.length)]);
            }
            String uri = switch (i % 3) {
                case 0 -> "/api/v1/addresses";
                case 1 -> "/api/v1/addresses/" + tree.building2() + "/move";
                default -> "/api/v1/addresses/" + tree.building2();
            };
            MvcTestResult r = i % 3 == 2
                    ? mvc.patch().uri(uri).with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content(body.toString()).exchange()
                    : post(uri, body.toString());
            assertThat(r.getResponse().getStatus()).as("body %s", body).isLessThan(500);
        }
    }

    private static String withoutInstance(MvcTestResult r) {
        try {
            return r.getResponse().getContentAsString().replaceAll("\"instance\":\"[^\"]*\",?", "");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MvcTestResult post(String uri, String json) {
        return mvc.post().uri(uri).with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json)
                .exchange();
    }
}
