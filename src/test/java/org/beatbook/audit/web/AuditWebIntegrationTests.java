package org.beatbook.audit.web;

import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.audit.AuditFixtures.event;
import static org.beatbook.audit.AuditFixtures.signedIn;
import static org.beatbook.audit.AuditFixtures.uniqueAction;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** The auditor's pages and API end to end on real PostgreSQL with the application's security. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditWebIntegrationTests {

    static final List<String> ENDPOINTS = List.of("/audit", "/audit/verify", "/audit/export.csv", "/api/v1/audit",
            "/api/v1/audit/verification");

    @Autowired MockMvcTester mvc;
    @Autowired ApplicationEventPublisher events;
    @Autowired JdbcClient jdbc;

    @ParameterizedTest
    @EnumSource(Role.class)
    void onlyAuditorsReadTheLog(Role role) {
        for (String uri : ENDPOINTS) {
            MvcTestResult result = mvc.get().uri(uri).with(authentication(signedIn(role))).exchange();
            if (role == Role.AUDITOR) {
                assertThat(result).as(uri).hasStatusOk();
            } else {
                assertThat(result).as(role + " " + uri).hasStatus(HttpStatus.FORBIDDEN);
            }
        }
    }

    @Test
    void nobodySignedInReadsNothing() throws Exception {
        for (String uri : ENDPOINTS) {
            MvcTestResult result = mvc.get().uri(uri).exchange();
            assertThat(result.getResponse().getStatus()).as(uri).isNotEqualTo(200);
            assertThat(result.getResponse().getContentAsString()).as(uri).doesNotContain("AUDIT_");
        }
    }

    @Test
    void theSearchPageListsMatchingRowsNewestFirstAndRecordsTheSearch() {
        String action = uniqueAction("PAGE");
        events.publishEvent(event(action).withDetail("first"));
        events.publishEvent(event(action).withDetail("second"));
        events.publishEvent(event(uniqueAction("OTHER")).withDetail("not me"));

        assertThat(mvc.get().uri("/audit").param("action", action).with(authentication(signedIn(Role.AUDITOR))))
                .hasStatusOk()
                .bodyText()
                .contains("second", "first", action, "审计日志")
                .doesNotContain("not me")
                .satisfies(html -> assertThat(html.indexOf("second")).isLessThan(html.indexOf("first")));

        assertThat(jdbc.sql("select actor || '|' || actor_role || '|' || detail from audit.audit_log "
                        + "where action = 'AUDIT_SEARCHED' order by id desc limit 1").query(String.class).single())
                .isEqualTo("auditor1|AUDITOR|action=" + action + "; rows=2");
    }

    @Test
    void theSearchPageNamesEachActionInTheReadersLanguageWithItsCodeBeside() {
        // a real row: the auditor's own search is recorded as AUDIT_SEARCHED by the audit module
        String marker = uniqueAction("LABEL");
        assertThat(mvc.get().uri("/audit").param("actor", marker).with(authentication(signedIn(Role.AUDITOR))))
                .hasStatusOk();
        String unlabelled = uniqueAction("NO_LABEL");
        events.publishEvent(event(unlabelled));

        assertThat(mvc.get().uri("/audit").param("action", "AUDIT_SEARCHED").param("size", "200")
                .with(authentication(signedIn(Role.AUDITOR))))
                .hasStatusOk()
                .bodyText()
                .contains("actor=" + marker, "<span class=\"action-label\">查询审计日志</span>",
                        "<code class=\"small muted\">AUDIT_SEARCHED</code>",
                        "<option value=\"PERSON_READ\">查看人员</option>",
                        "<option value=\"OUTBOX_REQUEUED\">被拒收数据重新推送</option>");
        assertThat(mvc.get().uri("/audit").param("action", "AUDIT_SEARCHED").param("lang", "en")
                .with(authentication(signedIn(Role.AUDITOR))))
                .hasStatusOk()
                .bodyText()
                .contains("<span class=\"action-label\">Audit log searched</span>",
                        "<option value=\"PERSON_READ\">Person viewed</option>");
        assertThat(mvc.get().uri("/audit").param("action", unlabelled).with(authentication(signedIn(Role.AUDITOR))))
                .as("a code without a label is shown bare")
                .hasStatusOk()
                .bodyText()
                .contains("<code>" + unlabelled + "</code>");
    }

    @Test
    void pagesFollowTheKeyset() throws Exception {
        String action = uniqueAction("PAGED");
        for (int i = 0; i < 5; i++) {
            events.publishEvent(event(action).withDetail("n" + i));
        }
        String first = mvc.get().uri("/api/v1/audit").param("action", action).param("size", "2")
                .with(authentication(signedIn(Role.AUDITOR))).exchange().getResponse().getContentAsString();
        assertThat(first).contains("\"n4\"", "\"n3\"").doesNotContain("\"n2\"");
        String nextBefore = first.replaceAll("(?s).*\"nextBefore\":(\\d+).*", "$1");
        String second = mvc.get().uri("/api/v1/audit").param("action", action).param("size", "2")
                .param("before", nextBefore).with(authentication(signedIn(Role.AUDITOR)))
                .exchange().getResponse().getContentAsString();
        assertThat(second).contains("\"n2\"", "\"n1\"").doesNotContain("\"n3\"", "\"n0\"");
    }

    @Test
    void theApiAnswersBadFiltersWithProblemJsonNamingTheField() {
        assertThat(mvc.get().uri("/api/v1/audit").param("from", "gestern").param("size", "0")
                .header("Accept-Language", "en").with(authentication(signedIn(Role.AUDITOR))))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[*].field").asArray().containsExactly("from", "size");
    }

    @Test
    void theCsvExportHasBomHeaderAndOnlyTheFilteredRowsAndIsRecorded() throws Exception {
        String action = uniqueAction("CSV");
        events.publishEvent(new AuditEvent(action, "PERSON", "9", null, null, AuditEvent.Result.DENIED,
                "=cmd|' /C calc'!A0, \"quoted\"", "李四"));
        events.publishEvent(event(action)); // SUCCESS: filtered out below
        events.publishEvent(event(uniqueAction("NOT_EXPORTED")));

        MvcTestResult result = mvc.get().uri("/audit/export.csv").param("action", action).param("result", "DENIED")
                .with(authentication(signedIn(Role.AUDITOR))).exchange();
        assertThat(result).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment; filename=\"audit-");
        byte[] body = result.getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("序号,时间（北京时间）,操作人,角色,操作");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(",李四,", "," + action + ",", ",拒绝,",
                "\"'=cmd|' /C calc'!A0, \"\"quoted\"\"\"");

        assertThat(jdbc.sql("select detail from audit.audit_log where action = 'AUDIT_EXPORTED' order by id desc limit 1")
                .query(String.class).single()).isEqualTo("action=" + action + "; result=DENIED; format=csv");
    }

    @Test
    void theVerifyPageShowsTheHeadToNoteAndChecksAnAnchor() throws Exception {
        events.publishEvent(event(uniqueAction("VERIFY")));
        String html = mvc.get().uri("/audit/verify").with(authentication(signedIn(Role.AUDITOR))).exchange()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("哈希链完整");
        String headId = html.replaceAll("(?s).*id=\"head-id\">(\\d+)<.*", "$1");
        String headHash = html.replaceAll("(?s).*id=\"head-hash\">([0-9a-f]{64})<.*", "$1");
        assertThat(headHash).hasSize(64);

        assertThat(mvc.get().uri("/audit/verify").param("anchorId", headId).param("anchorHash", headHash)
                .with(authentication(signedIn(Role.AUDITOR)))).hasStatusOk().bodyText().contains("哈希链完整");
        assertThat(mvc.get().uri("/audit/verify").param("anchorId", headId).param("anchorHash", "0".repeat(64))
                .with(authentication(signedIn(Role.AUDITOR)))).hasStatusOk().bodyText()
                .contains("哈希链在第 " + headId + " 号记录处断裂", "整条链可能被重写");
        assertThat(mvc.get().uri("/api/v1/audit/verification").param("anchorHash", "xyz")
                .with(authentication(signedIn(Role.AUDITOR)))).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("anchorId", "anchorHash");
    }
}
