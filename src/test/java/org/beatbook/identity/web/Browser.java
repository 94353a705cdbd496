package org.beatbook.identity.web;

import org.beatbook.identity.internal.Accounts;
import org.beatbook.identity.internal.Accounts.TestUser;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** One browser session against MockMvc: keeps the session across requests, sends CSRF tokens on forms. */
class Browser {

    final MockMvcTester mvc;
    final MockHttpSession session = new MockHttpSession();

    Browser(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    MockHttpServletResponse get(String uri) {
        return mvc.get().uri(uri).session(session).exchange().getResponse();
    }

    MockHttpServletResponse post(String uri, String... params) {
        var req = mvc.post().uri(uri).session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            req.param(params[i], params[i + 1]);
        }
        return req.exchange().getResponse();
    }

    MockHttpServletResponse password(String username, String password) {
        return post("/login", "username", username, "password", password);
    }

    /** Password and current TOTP code (clock moved to a fresh step); asserts the session is signed in. */
    Browser signIn(TestUser user, Accounts accounts) {
        assertThat(password(user.username(), user.password()).getRedirectedUrl()).isEqualTo("/login/totp");
        MockHttpServletResponse done = post("/login/totp", "code", accounts.nextCode(user.totpSecret()));
        assertThat(done.getRedirectedUrl()).isEqualTo("/");
        return this;
    }
}
