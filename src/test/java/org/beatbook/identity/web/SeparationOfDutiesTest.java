package org.beatbook.identity.web;

import org.beatbook.identity.IdentityIntegrationTest;
import org.beatbook.identity.internal.Accounts;
import org.beatbook.identity.internal.Accounts.TestUser;
import org.beatbook.shared.security.CallerAuthentication;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.identity.web.SignInFlowTest.body;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** 三员分立: who may create accounts, change roles, unlock, reset, disable — over the API and on the pages. */
@IdentityIntegrationTest
class SeparationOfDutiesTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Accounts accounts;

    MockHttpServletResponse api(String method, String uri, TestUser as, String json) {
        var req = switch (method) {
            case "POST" -> mvc.post().uri(uri);
            case "PUT" -> mvc.put().uri(uri);
            case "PATCH" -> mvc.patch().uri(uri);
            default -> mvc.get().uri(uri);
        };
        req.header("Authorization", "Bearer " + accounts.token(as, null));
        if (json != null) {
            req.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return req.exchange().getResponse();
    }

    static String newUser(String username, String role) {
        return """
                {"username":"%s","displayName":"新用户","role":"%s","jurisdiction":["C1"],"password":"Initial2026pw"}"""
                .formatted(username, role);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void onlyTheSystemAdministratorCreatesAccounts(Role role) {
        TestUser actor = accounts.create(role);
        String username = "n" + actor.username();
        MockHttpServletResponse r = api("POST", "/api/v1/users", actor, newUser(username, "COMMUNITY_WORKER"));
        assertThat(r.getStatus()).isEqualTo(role == Role.SYSTEM_ADMIN ? 201 : 403);
        if (role == Role.SYSTEM_ADMIN) {
            assertThat(body(r)).contains("\"username\":\"" + username + "\"").contains("\"passwordMustChange\":true")
                    .doesNotContain("password\":\"").doesNotContain("Hash");
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void onlyTheSecurityAdministratorChangesRolesUnlocksAndResets(Role role) {
        TestUser actor = accounts.create(role);
        TestUser target = accounts.create(Role.COMMUNITY_WORKER);
        int expected = role == Role.SECURITY_ADMIN ? 200 : 403;
        long version = accounts.load(target.id()).version();
        assertThat(api("PUT", "/api/v1/users/" + target.id() + "/role", actor,
                "{\"role\":\"AUXILIARY_POLICE\",\"version\":" + version + "}").getStatus()).isEqualTo(expected);
        assertThat(api("POST", "/api/v1/users/" + target.id() + "/unlock", actor, null).getStatus()).isEqualTo(expected);
        assertThat(api("POST", "/api/v1/users/" + target.id() + "/password-reset", actor,
                "{\"password\":\"Temporary2026x\"}").getStatus()).isEqualTo(expected);
        assertThat(api("POST", "/api/v1/users/" + target.id() + "/totp-reset", actor, null).getStatus()).isEqualTo(expected);
        if (role == Role.SECURITY_ADMIN) {
            var after = accounts.load(target.id());
            assertThat(after.role()).isEqualTo(Role.AUXILIARY_POLICE);
            assertThat(after.passwordMustChange()).isTrue();
            assertThat(after.totpEnrolled()).isFalse();
        } else {
            assertThat(accounts.load(target.id()).role()).isEqualTo(Role.COMMUNITY_WORKER);
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void onlyTheSystemAdministratorEditsAndDisablesAccounts(Role role) {
        TestUser actor = accounts.create(role);
        TestUser target = accounts.create(Role.COMMUNITY_WORKER);
        int expected = role == Role.SYSTEM_ADMIN ? 200 : 403;
        long version = accounts.load(target.id()).version();
        assertThat(api("PATCH", "/api/v1/users/" + target.id(), actor,
                "{\"displayName\":\"改名\",\"jurisdiction\":[\"C2\"],\"version\":" + version + "}").getStatus())
                .isEqualTo(expected);
        assertThat(api("POST", "/api/v1/users/" + target.id() + "/disable", actor, null).getStatus()).isEqualTo(expected);
        assertThat(accounts.load(target.id()).enabled()).isEqualTo(role != Role.SYSTEM_ADMIN);
    }

    @Test
    void theAuditorAndOperationalRolesCannotEvenListAccounts() {
        Set<Role> admins = EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN);
        for (Role role : Role.values()) {
            TestUser actor = accounts.create(role);
            assertThat(api("GET", "/api/v1/users", actor, null).getStatus()).as(role.name())
                    .isEqualTo(admins.contains(role) ? 200 : 403);
            MockHttpServletResponse page = mvc.get().uri("/admin/users")
                    .with(authentication(new CallerAuthentication(accounts.caller(actor)))).exchange().getResponse();
            assertThat(page.getStatus()).as(role.name()).isEqualTo(admins.contains(role) ? 200 : 403);
        }
    }

    @Test
    void nobodyChangesTheirOwnRoleOrDisablesThemselves() {
        TestUser security = accounts.create(Role.SECURITY_ADMIN);
        long version = accounts.load(security.id()).version();
        assertThat(api("PUT", "/api/v1/users/" + security.id() + "/role", security,
                "{\"role\":\"SYSTEM_ADMIN\",\"version\":" + version + "}").getStatus()).isEqualTo(403);
        assertThat(api("POST", "/api/v1/users/" + security.id() + "/totp-reset", security, null).getStatus()).isEqualTo(403);
        assertThat(accounts.load(security.id()).role()).isEqualTo(Role.SECURITY_ADMIN);

        TestUser system = accounts.create(Role.SYSTEM_ADMIN);
        assertThat(api("POST", "/api/v1/users/" + system.id() + "/disable", system, null).getStatus()).isEqualTo(403);
        assertThat(accounts.load(system.id()).enabled()).isTrue();

        // on the page: the refusal is explained, nothing changes
        MockHttpServletResponse page = mvc.post().uri("/admin/users/" + security.id() + "/role")
                .param("role", "SYSTEM_ADMIN").param("version", String.valueOf(version)).with(csrf())
                .with(authentication(new CallerAuthentication(accounts.caller(security)))).exchange().getResponse();
        assertThat(page.getRedirectedUrl()).isEqualTo("/admin/users/" + security.id());
        assertThat(accounts.load(security.id()).role()).isEqualTo(Role.SECURITY_ADMIN);
    }

    @Test
    void theSecurityAdministratorUnlocksALockedAccount() {
        TestUser user = accounts.create(Role.COMMUNITY_OFFICER);
        Browser b = new Browser(mvc);
        for (int i = 0; i < 5; i++) {
            b.password(user.username(), "wrong-" + i + "x");
        }
        assertThat(b.password(user.username(), user.password()).getRedirectedUrl()).isNull();
        TestUser security = accounts.create(Role.SECURITY_ADMIN);
        String list = body(api("GET", "/api/v1/users?state=LOCKED", security, null));
        assertThat(list).contains(user.username());
        assertThat(api("POST", "/api/v1/users/" + user.id() + "/unlock", security, null).getStatus()).isEqualTo(200);
        new Browser(mvc).signIn(user, accounts);
    }

    @Test
    void createdAccountsAreValidatedFieldByField() {
        TestUser system = accounts.create(Role.SYSTEM_ADMIN);
        MockHttpServletResponse r = api("POST", "/api/v1/users", system,
                "{\"username\":\"a b\",\"displayName\":\"\",\"role\":\"AUXILIARY_POLICE\",\"jurisdiction\":[\"XNOPE\"],\"password\":\"short\"}");
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(body(r)).contains("\"field\":\"username\"").contains("\"field\":\"displayName\"")
                .contains("\"field\":\"jurisdiction\"").contains("地址节点“XNOPE”不存在")
                .contains("\"field\":\"password\"");
        MockHttpServletResponse noJurisdiction = api("POST", "/api/v1/users", system,
                "{\"username\":\"nojur1\",\"displayName\":\"x\",\"role\":\"AUXILIARY_POLICE\",\"jurisdiction\":[],\"password\":\"Initial2026pw\"}");
        assertThat(body(noJurisdiction)).contains("业务角色至少需要一个管辖范围");
        MockHttpServletResponse badRole = api("POST", "/api/v1/users", system,
                "{\"username\":\"nojur1\",\"displayName\":\"x\",\"role\":\"KING\",\"jurisdiction\":[],\"password\":\"Initial2026pw\"}");
        assertThat(badRole.getStatus()).isEqualTo(400);
        assertThat(body(badRole)).contains("\"field\":\"role\"");

        String username = "dup" + system.username();
        assertThat(api("POST", "/api/v1/users", system, newUser(username, "AUDITOR")).getStatus()).isEqualTo(201);
        MockHttpServletResponse dup = api("POST", "/api/v1/users", system, newUser(username.toUpperCase(), "AUDITOR"));
        assertThat(dup.getStatus()).isEqualTo(409);
        assertThat(body(dup)).contains("该用户名已被使用");
    }

    @Test
    void theAdminPagesShowEachDutyOnlyItsActions() {
        TestUser system = accounts.create(Role.SYSTEM_ADMIN);
        TestUser security = accounts.create(Role.SECURITY_ADMIN);
        TestUser target = accounts.create(Role.COMMUNITY_OFFICER);
        String asSystem = body(mvc.get().uri("/admin/users/" + target.id())
                .with(authentication(new CallerAuthentication(accounts.caller(system)))).exchange().getResponse());
        assertThat(asSystem).contains("系统管理员操作").contains("停用账户").doesNotContain("重置验证器");
        String asSecurity = body(mvc.get().uri("/admin/users/" + target.id())
                .with(authentication(new CallerAuthentication(accounts.caller(security)))).exchange().getResponse());
        assertThat(asSecurity).contains("安全管理员操作").contains("重置验证器").doesNotContain("停用账户");

        String list = body(mvc.get().uri("/admin/users?q=" + target.username()).header("HX-Request", "true")
                .with(authentication(new CallerAuthentication(accounts.caller(system)))).exchange().getResponse());
        assertThat(list).contains(target.username()).doesNotContain("<html");
    }

    @Test
    void theCreateFormRedisplaysErrorsAndCreatesTheAccount() {
        TestUser system = accounts.create(Role.SYSTEM_ADMIN);
        var auth = authentication(new CallerAuthentication(accounts.caller(system)));
        String bad = body(mvc.post().uri("/admin/users").with(auth).with(csrf())
                .param("username", "x").param("displayName", "张三").param("role", "AUXILIARY_POLICE")
                .param("jurisdiction", "C1").param("password", "abc").exchange().getResponse());
        assertThat(bad).contains("用户名须为 3 到 40 个字符").contains("密码至少需要 10 个字符").contains("value=\"张三\"");
        MockHttpServletResponse ok = mvc.post().uri("/admin/users").with(auth).with(csrf())
                .param("username", "z" + system.username()).param("displayName", "张三").param("role", "AUXILIARY_POLICE")
                .param("jurisdiction", "C1, C2").param("password", "Initial2026pw").exchange().getResponse();
        assertThat(ok.getRedirectedUrl()).startsWith("/admin/users/");
        accounts.clock().advance(Duration.ofSeconds(1));
    }
}
