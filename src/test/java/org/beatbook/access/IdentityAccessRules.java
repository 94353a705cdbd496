package org.beatbook.access;

import org.beatbook.shared.security.Role;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.function.Function;

import static org.beatbook.access.AccessRule.everyRole;
import static org.beatbook.access.AccessRule.open;
import static org.beatbook.access.AccessRule.roles;
import static org.beatbook.access.AccessRule.scoped;
import static org.beatbook.access.AccessRule.unscoped;
import static org.beatbook.shared.security.Role.SECURITY_ADMIN;
import static org.beatbook.shared.security.Role.SYSTEM_ADMIN;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Sign-in pages are public; every role manages its own tokens; the system administrator manages accounts and
 * the security administrator roles, locks and credentials (三员分立). Accounts are station-wide, so user ids
 * have no foreign case; a token of another user is foreign.
 */
class IdentityAccessRules implements AccessRules {

    @Override
    public List<AccessRule> rules(AccessFixture f) {
        String json = MediaType.APPLICATION_JSON_VALUE;
        AccessRule.Ids user = new AccessRule.Ids(String.valueOf(f.targetUserId()), null, "999999999");
        long version = f.targetUserVersion();
        String community = f.users().get(Role.STATION_LEADER).jurisdiction().get(0);
        var admins = roles(SYSTEM_ADMIN, SECURITY_ADMIN);
        var system = roles(SYSTEM_ADMIN);
        var security = roles(SECURITY_ADMIN);
        Function<String, String> u = id -> "/admin/users/" + id;
        Function<String, String> api = id -> "/api/v1/users/" + id;
        return List.of(
                open(GET, "/login", c -> get("/login")),
                open(POST, "/login", c -> post("/login").param("username", "nobody").param("password", "wrong")),
                open(GET, "/login/totp", c -> get("/login/totp")),
                open(POST, "/login/totp", c -> post("/login/totp").param("code", "000000")),
                open(GET, "/login/enrol", c -> get("/login/enrol")),
                open(POST, "/login/enrol", c -> post("/login/enrol").param("code", "000000")),
                open(GET, "/login/password", c -> get("/login/password")),
                open(POST, "/login/password", c -> post("/login/password").param("password", "x")),
                open(GET, "/setup", c -> get("/setup")),
                open(POST, "/setup", c -> post("/setup").param("code", "wrong")),

                unscoped(GET, "/api/v1/me", everyRole(), c -> get("/api/v1/me")),
                unscoped(GET, "/account/tokens", everyRole(), c -> get("/account/tokens")),
                unscoped(POST, "/account/tokens", everyRole(), c -> post("/account/tokens").param("name", "测试令牌")),
                new AccessRule(POST, "/account/tokens/{id}/revoke", everyRole(), f::tokenIds,
                        id -> post("/account/tokens/" + id + "/revoke")),
                unscoped(GET, "/api/v1/tokens", everyRole(), c -> get("/api/v1/tokens")),
                unscoped(POST, "/api/v1/tokens", everyRole(),
                        c -> post("/api/v1/tokens").contentType(json).content("{\"name\":\"脚本\"}")),
                new AccessRule(DELETE, "/api/v1/tokens/{id}", everyRole(), f::tokenIds,
                        id -> delete("/api/v1/tokens/" + id)),

                unscoped(GET, "/admin/users", admins, c -> get("/admin/users")),
                unscoped(GET, "/admin/users/new", system, c -> get("/admin/users/new")),
                unscoped(POST, "/admin/users", system, c -> post("/admin/users").param("username", "new.worker")
                        .param("displayName", "新网格员").param("role", "COMMUNITY_WORKER")
                        .param("jurisdiction", community).param("password", "Changeme2026x")),
                scoped(GET, "/admin/users/{id}", admins, user, id -> get(u.apply(id))),
                scoped(POST, "/admin/users/{id}", system, user, id -> post(u.apply(id))
                        .param("displayName", "改名网格员").param("jurisdiction", community)
                        .param("version", String.valueOf(version))),
                scoped(POST, "/admin/users/{id}/enabled", system, user,
                        id -> post(u.apply(id) + "/enabled").param("enabled", "false")),
                scoped(POST, "/admin/users/{id}/role", security, user, id -> post(u.apply(id) + "/role")
                        .param("role", "COMMUNITY_OFFICER").param("version", String.valueOf(version))),
                scoped(POST, "/admin/users/{id}/unlock", security, user, id -> post(u.apply(id) + "/unlock")),
                scoped(POST, "/admin/users/{id}/password", security, user,
                        id -> post(u.apply(id) + "/password").param("password", "Temporary2026x")),
                scoped(POST, "/admin/users/{id}/totp-reset", security, user, id -> post(u.apply(id) + "/totp-reset")),

                unscoped(GET, "/api/v1/users", admins, c -> get("/api/v1/users")),
                unscoped(POST, "/api/v1/users", system, c -> post("/api/v1/users").contentType(json).content("""
                        {"username":"api.worker","displayName":"接口网格员","role":"COMMUNITY_WORKER",
                         "jurisdiction":["%s"],"password":"Changeme2026x"}""".formatted(community))),
                scoped(GET, "/api/v1/users/{id}", admins, user, id -> get(api.apply(id))),
                scoped(PATCH, "/api/v1/users/{id}", system, user, id -> patch(api.apply(id)).contentType(json)
                        .content("{\"displayName\":\"改名网格员\",\"jurisdiction\":[\"%s\"],\"version\":%d}"
                                .formatted(community, version))),
                scoped(POST, "/api/v1/users/{id}/disable", system, user, id -> post(api.apply(id) + "/disable")),
                scoped(POST, "/api/v1/users/{id}/enable", system, user, id -> post(api.apply(id) + "/enable")),
                scoped(PUT, "/api/v1/users/{id}/role", security, user, id -> put(api.apply(id) + "/role")
                        .contentType(json).content("{\"role\":\"COMMUNITY_OFFICER\",\"version\":%d}".formatted(version))),
                scoped(POST, "/api/v1/users/{id}/unlock", security, user, id -> post(api.apply(id) + "/unlock")),
                scoped(POST, "/api/v1/users/{id}/password-reset", security, user, id -> post(api.apply(id)
                        + "/password-reset").contentType(json).content("{\"password\":\"Temporary2026x\"}")),
                scoped(POST, "/api/v1/users/{id}/totp-reset", security, user,
                        id -> post(api.apply(id) + "/totp-reset")));
    }

}
