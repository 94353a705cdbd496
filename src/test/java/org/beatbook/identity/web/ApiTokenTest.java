package org.beatbook.identity.web;

import org.beatbook.identity.IdentityIntegrationTest;
import org.beatbook.identity.internal.Accounts;
import org.beatbook.identity.internal.Accounts.TestUser;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.identity.web.SignInFlowTest.body;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@IdentityIntegrationTest
class ApiTokenTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Accounts accounts;

    MockHttpServletResponse bearer(String method, String uri, String token, String json) {
        var req = switch (method) {
            case "POST" -> mvc.post().uri(uri);
            case "DELETE" -> mvc.delete().uri(uri);
            default -> mvc.get().uri(uri);
        };
        req.header("Authorization", "Bearer " + token);
        if (json != null) {
            req.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return req.exchange().getResponse();
    }

    @Test
    void aTokenCreatedOnThePageIsShownOnceWorksAndStopsWorkingWhenRevoked() {
        TestUser user = accounts.create(s -> s.role(Role.AUXILIARY_POLICE).jurisdiction("T1", "T2"));
        Browser b = new Browser(mvc).signIn(user, accounts);

        String created = body(b.post("/account/tokens", "name", "手机", "expiresOn", ""));
        Matcher m = Pattern.compile("<code class=\"secret token\">(bb_[A-Za-z0-9_-]{43})</code>").matcher(created);
        assertThat(m.find()).isTrue();
        String token = m.group(1);

        String list = body(b.get("/account/tokens"));
        assertThat(list).contains("手机").contains(token.substring(0, 9)).doesNotContain(token);

        MockHttpServletResponse me = bearer("GET", "/api/v1/me", token, null);
        assertThat(me.getStatus()).isEqualTo(200);
        assertThat(body(me)).contains("\"role\":\"AUXILIARY_POLICE\"").contains("\"jurisdiction\":[\"T1\",\"T2\"]")
                .contains("\"scope\":[\"R.T1\",\"R.T2\"]");
        assertThat(me.getCookie("JSESSIONID")).isNull();

        Matcher id = Pattern.compile("/account/tokens/(\\d+)/revoke").matcher(list);
        assertThat(id.find()).isTrue();
        assertThat(b.post("/account/tokens/" + id.group(1) + "/revoke").getRedirectedUrl()).isEqualTo("/account/tokens");

        MockHttpServletResponse revoked = bearer("GET", "/api/v1/me", token, null);
        assertThat(revoked.getStatus()).isEqualTo(401);
        assertThat(revoked.getContentType()).startsWith("application/problem+json");
        assertThat(body(revoked)).contains("\"title\":\"需要登录\"").contains("\"status\":401");
        assertThat(body(mvc.get().uri("/api/v1/me?lang=en").header("Authorization", "Bearer " + token)
                .exchange().getResponse())).contains("\"title\":\"Sign-in required\"");
    }

    @Test
    void missingMalformedAndUnknownTokensAnswer401ProblemJson() {
        for (String header : new String[] {null, "Bearer ", "Bearer nonsense", "Bearer bb_" + "A".repeat(43), "Basic eDp5"}) {
            var req = mvc.get().uri("/api/v1/tokens");
            if (header != null) {
                req.header("Authorization", header);
            }
            MockHttpServletResponse r = req.exchange().getResponse();
            assertThat(r.getStatus()).as(String.valueOf(header)).isEqualTo(401);
            assertThat(r.getContentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void anExpiredTokenAnswers401() {
        TestUser user = accounts.create(Role.COMMUNITY_OFFICER);
        String token = accounts.token(user, Duration.ofHours(1));
        assertThat(bearer("GET", "/api/v1/me", token, null).getStatus()).isEqualTo(200);
        accounts.clock().advance(Duration.ofHours(2));
        assertThat(bearer("GET", "/api/v1/me", token, null).getStatus()).isEqualTo(401);
    }

    @Test
    void aDisabledOwnersTokenAnswers401() {
        TestUser user = accounts.create(Role.COMMUNITY_OFFICER);
        String token = accounts.token(user, null);
        TestUser admin = accounts.create(Role.SYSTEM_ADMIN);
        String adminToken = accounts.token(admin, null);
        assertThat(bearer("POST", "/api/v1/users/" + user.id() + "/disable", adminToken, null).getStatus()).isEqualTo(200);
        assertThat(bearer("GET", "/api/v1/me", token, null).getStatus()).isEqualTo(401);
    }

    @Test
    void aBearerWithTheWrongRoleGets403ProblemJson() {
        TestUser officer = accounts.create(Role.COMMUNITY_OFFICER);
        MockHttpServletResponse r = bearer("GET", "/api/v1/users", accounts.token(officer, null), null);
        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getContentType()).startsWith("application/problem+json");
        assertThat(body(r)).contains("\"title\":\"无权访问\"");
    }

    @Test
    void theTokenApiCreatesListsAndRevokesOwnTokensWithoutCsrfForBearers() {
        TestUser user = accounts.create(Role.STATION_LEADER);
        String token = accounts.token(user, null);
        MockHttpServletResponse created = bearer("POST", "/api/v1/tokens", token, "{\"name\":\"script\",\"expiresOn\":\"2099-12-31\"}");
        assertThat(created.getStatus()).isEqualTo(201);
        String json = body(created);
        assertThat(json).contains("\"name\":\"script\"").containsPattern("\"token\":\"bb_[A-Za-z0-9_-]{43}\"");
        String newToken = json.replaceAll(".*\"token\":\"(bb_[^\"]+)\".*", "$1");
        String newId = json.replaceAll(".*\"id\":(\\d+).*", "$1");

        assertThat(body(bearer("GET", "/api/v1/tokens", newToken, null))).contains("\"name\":\"script\"")
                .doesNotContain(newToken);
        MockHttpServletResponse bad = bearer("POST", "/api/v1/tokens", token, "{\"name\":\"\",\"expiresOn\":\"2001-01-01\"}");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(body(bad)).contains("\"field\":\"name\"").contains("\"field\":\"expiresOn\"").contains("请输入令牌名称");

        // someone else's token id answers like a missing one
        TestUser other = accounts.create(Role.STATION_LEADER);
        assertThat(bearer("DELETE", "/api/v1/tokens/" + newId, accounts.token(other, null), null).getStatus()).isEqualTo(404);
        assertThat(bearer("DELETE", "/api/v1/tokens/" + newId, token, null).getStatus()).isEqualTo(204);
        assertThat(bearer("GET", "/api/v1/me", newToken, null).getStatus()).isEqualTo(401);
    }

    @Test
    void aSignedInBrowserMayCallTheApiButNeedsCsrfForWrites() {
        TestUser user = accounts.create(Role.COMMUNITY_OFFICER);
        Browser b = new Browser(mvc).signIn(user, accounts);
        assertThat(b.get("/api/v1/tokens").getStatus()).isEqualTo(200);
        MockHttpServletResponse noCsrf = mvc.post().uri("/api/v1/tokens").session(b.session)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}").exchange().getResponse();
        assertThat(noCsrf.getStatus()).isEqualTo(403);
        assertThat(noCsrf.getContentType()).startsWith("application/problem+json");
        MockHttpServletResponse withCsrf = mvc.post().uri("/api/v1/tokens").session(b.session).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}").exchange().getResponse();
        assertThat(withCsrf.getStatus()).isEqualTo(201);
    }

    @Test
    void theTokenPageNamesBadInput() {
        TestUser user = accounts.create(Role.COMMUNITY_WORKER);
        Browser b = new Browser(mvc).signIn(user, accounts);
        String html = body(b.post("/account/tokens", "name", " ", "expiresOn", "31.12.2030"));
        assertThat(html).contains("请输入令牌名称").doesNotContain("bb_");
        html = body(b.post("/account/tokens", "name", "ok", "expiresOn", "31.12.2030"));
        assertThat(html).contains("日期格式应为");
    }
}
