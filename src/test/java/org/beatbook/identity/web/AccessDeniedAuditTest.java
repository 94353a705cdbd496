package org.beatbook.identity.web;

import org.beatbook.identity.IdentityIntegrationTest;
import org.beatbook.identity.internal.Accounts;
import org.beatbook.identity.internal.Accounts.TestUser;
import org.beatbook.shared.security.CallerAuthentication;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** A refused signed-in caller leaves an ACCESS_DENIED row; an anonymous visitor does not. */
@IdentityIntegrationTest
class AccessDeniedAuditTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    List<Map<String, Object>> denials(String actor) {
        return jdbc.sql("""
                        SELECT actor, actor_role, object_type, object_id, result, detail FROM audit.audit_log
                         WHERE action = 'ACCESS_DENIED' AND actor IS NOT DISTINCT FROM ? ORDER BY id""")
                .param(actor).query().listOfRows();
    }

    @Test
    void aWorkerCreatingAnAccountOverTheApiIsRefusedAndAudited() {
        TestUser worker = accounts.create(Role.COMMUNITY_WORKER);
        var r = mvc.post().uri("/api/v1/users?note=13812345678")
                .header("Authorization", "Bearer " + accounts.token(worker, null))
                .contentType(MediaType.APPLICATION_JSON)
                .content(SeparationOfDutiesTest.newUser("x" + worker.username(), "COMMUNITY_WORKER")).exchange();
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
        List<Map<String, Object>> rows = denials(worker.username());
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("actor_role")).isEqualTo("COMMUNITY_WORKER");
        assertThat(row.get("result")).isEqualTo("DENIED");
        assertThat(row.get("object_id")).isEqualTo("POST /api/v1/users"); // never the query string
        assertThat((String) row.get("detail")).contains("UsersApiController.").contains("rule=")
                .doesNotContain("13812345678");
    }

    @Test
    void aWorkerOpeningTheAccountPagesIsRefusedAndAudited() {
        TestUser worker = accounts.create(Role.COMMUNITY_WORKER);
        var r = mvc.get().uri("/admin/users").with(authentication(new CallerAuthentication(accounts.caller(worker))))
                .exchange();
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
        assertThat(denials(worker.username())).singleElement()
                .satisfies(row -> assertThat(row.get("object_id")).isEqualTo("GET /admin/users"));
    }

    @Test
    void anAnonymousVisitorIsNotAudited() {
        long before = jdbc.sql("SELECT count(*) FROM audit.audit_log WHERE action = 'ACCESS_DENIED'")
                .query(Long.class).single();
        assertThat(mvc.get().uri("/api/v1/users").exchange().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.get().uri("/admin/users").exchange().getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_log WHERE action = 'ACCESS_DENIED'")
                .query(Long.class).single()).isEqualTo(before);
    }
}
