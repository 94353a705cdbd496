package org.beatbook.identity.internal;

import org.beatbook.identity.IdentityTestConfiguration;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** A clean installation of its own (no account yet): the one-time setup code creates the first system admin. */
@SpringBootTest(properties = {"beatbook.identity.bcrypt-cost=10", "beatbook.demo=false"})
@AutoConfigureMockMvc
@Import({IdentityTestConfiguration.class, AccountsConfiguration.class})
class FirstRunSetupTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    FirstRunSetup setup;
    @Autowired
    UserRepository users;
    @Autowired
    Accounts accounts;

    MockHttpServletResponse post(String code, String username, String password) {
        return mvc.post().uri("/setup").with(csrf()).param("code", code).param("username", username)
                .param("displayName", "首任管理员").param("password", password).param("repeat", password)
                .param("jurisdiction", "").exchange().getResponse();
    }

    static String body(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theSetupCodeCreatesTheFirstSystemAdministratorOnce() throws Exception {
        assertThat(users.anyExists()).isFalse();
        String code = setup.currentCode();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

        assertThat(body(mvc.get().uri("/setup").exchange().getResponse())).contains("一次性设置码");

        assertThat(body(post("WRONG-CODE-0000", "chief", "FirstAdmin2026"))).contains("设置码不正确");
        assertThat(users.anyExists()).isFalse();
        assertThat(body(post(code.toLowerCase(), "chief", "short"))).contains("密码至少需要 10 个字符");
        assertThat(users.anyExists()).isFalse();

        MockHttpServletResponse done = post(code.replace("-", " "), "chief", "FirstAdmin2026");
        assertThat(done.getRedirectedUrl()).isEqualTo("/login?setup");
        UserAccount chief = users.findByUsername("CHIEF").orElseThrow();
        assertThat(chief.role()).isEqualTo(Role.SYSTEM_ADMIN);
        assertThat(chief.jurisdiction()).isEmpty();
        assertThat(chief.passwordMustChange()).isFalse();
        assertThat(chief.totpEnrolled()).isFalse();

        // the code stops working, and the page is closed
        assertThat(post(code, "second", "SecondAdmin2026").getRedirectedUrl()).isEqualTo("/login");
        assertThat(users.findByUsername("second")).isEmpty();
        assertThat(mvc.get().uri("/setup").exchange().getResponse().getRedirectedUrl()).isEqualTo("/login");

        // the new administrator signs in and is sent to TOTP enrolment
        MockHttpServletResponse login = mvc.post().uri("/login").with(csrf()).param("username", "chief")
                .param("password", "FirstAdmin2026").exchange().getResponse();
        assertThat(login.getRedirectedUrl()).isEqualTo("/login/enrol");
    }
}
