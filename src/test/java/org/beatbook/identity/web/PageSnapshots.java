package org.beatbook.identity.web;

import org.beatbook.identity.IdentityIntegrationTest;
import org.beatbook.identity.internal.Accounts;
import org.beatbook.identity.internal.Accounts.TestUser;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the identity pages as self-contained HTML (CSS inlined) for screenshots:
 * {@code ./mvnw -o -q test -Dtest=PageSnapshots -Dbeatbook.snapshots=target/snapshots}.
 */
@IdentityIntegrationTest
@EnabledIfSystemProperty(named = "beatbook.snapshots", matches = ".+")
class PageSnapshots {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Accounts accounts;

    @Test
    void writePages() throws Exception {
        Path dir = Path.of(System.getProperty("beatbook.snapshots"));
        Files.createDirectories(dir);
        write(dir, "login", new Browser(mvc).get("/login"));

        TestUser fresh = accounts.create(s -> s.role(Role.AUXILIARY_POLICE).fresh());
        Browser enrol = new Browser(mvc);
        enrol.password(fresh.username(), fresh.password());
        write(dir, "enrol", enrol.get("/login/enrol"));

        TestUser officer = accounts.create(s -> s.role(Role.COMMUNITY_OFFICER).jurisdiction("340524001", "340524002"));
        Browser totp = new Browser(mvc);
        totp.password(officer.username(), officer.password());
        write(dir, "totp", totp.get("/login/totp"));
        totp.post("/login/totp", "code", accounts.nextCode(officer.totpSecret()));
        totp.post("/account/tokens", "name", "巡逻手机", "expiresOn", "2027-06-30");
        write(dir, "tokens", totp.post("/account/tokens", "name", "数据同步脚本", "expiresOn", ""));

        TestUser admin = accounts.create(Role.SYSTEM_ADMIN);
        Browser adminBrowser = new Browser(mvc).signIn(admin, accounts);
        write(dir, "users", adminBrowser.get("/admin/users"));
        write(dir, "user", adminBrowser.get("/admin/users/" + officer.id()));
        write(dir, "user-new", adminBrowser.get("/admin/users/new"));
    }

    private static void write(Path dir, String name, MockHttpServletResponse r) throws Exception {
        String html = r.getContentAsString(StandardCharsets.UTF_8);
        for (String css : new String[] {"beatbook.css", "identity.css"}) {
            String text = Files.readString(Path.of("src/main/resources/static/css/" + css));
            html = html.replace("<link rel=\"stylesheet\" href=\"/css/" + css + "\">", "<style>" + text + "</style>");
        }
        html = html.replaceAll("<script[^>]*></script>", "");
        Files.writeString(dir.resolve(name + ".html"), html);
    }
}
