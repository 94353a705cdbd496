package org.beatbook.identity.web;

import org.beatbook.identity.IdentityIntegrationTest;
import org.beatbook.identity.IdentityTestConfiguration.FakeAddressApi;
import org.beatbook.identity.internal.Accounts;
import org.beatbook.identity.internal.Accounts.TestUser;
import org.beatbook.identity.internal.PendingSignIn;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.CallerAuthentication;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@IdentityIntegrationTest
class SignInFlowTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    FakeAddressApi address;
    @Autowired
    ApplicationEvents events;

    Browser browser() {
        return new Browser(mvc);
    }

    @Test
    void firstSignInEnrolsTotpThenAsksForOwnPasswordThenSignsIn() {
        TestUser user = accounts.create(s -> s.role(Role.AUXILIARY_POLICE).jurisdiction("C7").fresh());
        Browser b = browser();

        MockHttpServletResponse afterPassword = b.password(user.username(), user.password());
        assertThat(afterPassword.getRedirectedUrl()).isEqualTo("/login/enrol");
        assertThat(signedIn(b)).isFalse();

        MockHttpServletResponse enrolPage = b.get("/login/enrol");
        String html = body(enrolPage);
        assertThat(html).contains("src=\"data:image/png;base64,").contains("绑定手机验证器");
        Matcher secretShown = Pattern.compile("<code class=\"secret\">([A-Z2-7 ]+)</code>").matcher(html);
        assertThat(secretShown.find()).isTrue();
        String secret = secretShown.group(1).replace(" ", "");
        assertThat(secret).hasSize(32);
        assertThat(qrText(html)).startsWith("otpauth://totp/Beatbook:" + user.username())
                .contains("secret=" + secret).contains("issuer=Beatbook").contains("digits=6").contains("period=30");

        MockHttpServletResponse wrong = b.post("/login/enrol", "code", "000000".equals(accounts.codeNow(secret)) ? "111111" : "000000");
        assertThat(body(wrong)).contains("验证码不正确");

        MockHttpServletResponse enrolled = b.post("/login/enrol", "code", accounts.nextCode(secret));
        assertThat(enrolled.getRedirectedUrl()).isEqualTo("/login/password");
        assertThat(signedIn(b)).isFalse();
        assertThat(b.get("/account/tokens").getRedirectedUrl()).isEqualTo("/login");

        MockHttpServletResponse weak = b.post("/login/password", "password", "short1", "repeat", "short1");
        assertThat(body(weak)).contains("密码至少需要 10 个字符");
        MockHttpServletResponse same = b.post("/login/password", "password", user.password(), "repeat", user.password());
        assertThat(body(same)).contains("新密码不能与当前密码相同");

        MockHttpServletResponse done = b.post("/login/password", "password", "NewSecret2026", "repeat", "NewSecret2026");
        assertThat(done.getRedirectedUrl()).isEqualTo("/");
        assertThat(signedIn(b)).isTrue();
        assertThat(body(b.get("/api/v1/me"))).contains("\"username\":\"" + user.username() + "\"")
                .contains("\"scope\":[\"R.C7\"]");
        assertThat(auditActions()).contains("TOTP_ENROLLED", "PASSWORD_CHANGED", "SIGN_IN");

        // the enrolled secret is the one used from now on, and the new password works
        Browser again = browser();
        assertThat(again.password(user.username(), "NewSecret2026").getRedirectedUrl()).isEqualTo("/login/totp");
        assertThat(again.post("/login/totp", "code", accounts.nextCode(secret)).getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void aTotpCodeWorksOnlyOnce() {
        TestUser user = accounts.create(Role.COMMUNITY_OFFICER);
        String code = accounts.nextCode(user.totpSecret());

        Browser first = browser();
        first.password(user.username(), user.password());
        assertThat(first.post("/login/totp", "code", code).getRedirectedUrl()).isEqualTo("/");

        Browser second = browser();
        second.password(user.username(), user.password());
        MockHttpServletResponse replay = second.post("/login/totp", "code", code);
        assertThat(replay.getRedirectedUrl()).isNull();
        assertThat(body(replay)).contains("验证码不正确或已使用");
        assertThat(signedIn(second)).isFalse();
        // the next code (next time step) is accepted
        assertThat(second.post("/login/totp", "code", accounts.nextCode(user.totpSecret())).getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightCredentialsUntilTheLockExpires() {
        TestUser user = accounts.create(Role.AUXILIARY_POLICE);
        Browser b = browser();
        for (int i = 0; i < 5; i++) {
            assertThat(body(b.password(user.username(), "wrongPassword" + i))).contains("用户名或密码错误");
        }
        assertThat(auditActions()).contains("ACCOUNT_LOCKED");
        assertThat(accounts.load(user.id()).lockedUntil()).isNotNull();

        MockHttpServletResponse locked = b.password(user.username(), user.password());
        assertThat(locked.getRedirectedUrl()).isNull();
        assertThat(body(locked)).contains("用户名或密码错误");

        accounts.clock().advance(Duration.ofMinutes(14));
        assertThat(b.password(user.username(), user.password()).getRedirectedUrl()).isNull();

        accounts.clock().advance(Duration.ofMinutes(2));
        browser().signIn(user, accounts);
    }

    @Test
    void wrongTotpCodesCountTowardsTheLock() {
        TestUser user = accounts.create(Role.COMMUNITY_WORKER);
        Browser b = browser();
        b.password(user.username(), user.password());
        String wrong = accounts.codeNow(user.totpSecret()).equals("123456") ? "654321" : "123456";
        for (int i = 0; i < 4; i++) {
            assertThat(body(b.post("/login/totp", "code", wrong))).contains("验证码不正确");
        }
        MockHttpServletResponse fifth = b.post("/login/totp", "code", wrong);
        assertThat(fifth.getRedirectedUrl()).isEqualTo("/login");
        assertThat(accounts.load(user.id()).lockedUntil()).isAfter(accounts.clock().instant());
        // the pending state is gone, and the right password no longer helps
        assertThat(b.get("/login/totp").getRedirectedUrl()).isEqualTo("/login");
        assertThat(b.password(user.username(), user.password()).getRedirectedUrl()).isNull();
        accounts.clock().advance(Duration.ofMinutes(16));
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswerInTheSameTime() {
        TestUser user = accounts.create(Role.COMMUNITY_OFFICER);
        MockHttpServletResponse unknown = browser().password("nobody-" + user.username(), "whatever123");
        MockHttpServletResponse wrong = browser().password(user.username(), "whatever123");
        assertThat(unknown.getStatus()).isEqualTo(wrong.getStatus()).isEqualTo(200);
        assertThat(withoutCsrf(body(unknown)).replace("nobody-" + user.username(), "X"))
                .isEqualTo(withoutCsrf(body(wrong)).replace(user.username(), "X"));

        List<Long> unknownNanos = new ArrayList<>();
        List<Long> wrongNanos = new ArrayList<>();
        TestUser other = accounts.create(Role.COMMUNITY_OFFICER);
        for (int i = 0; i < 5; i++) {
            unknownNanos.add(time(() -> browser().password("nobody-" + other.username(), "whatever123")));
            wrongNanos.add(time(() -> browser().password(other.username(), "whatever123")));
        }
        Collections.sort(unknownNanos);
        Collections.sort(wrongNanos);
        // both answers include one bcrypt hash: the unknown user costs at least about as much as a wrong password
        // (without the dummy hash an unknown user answers in about a millisecond; the machine is shared, so the
        // bound is loose)
        assertThat(unknownNanos.get(2)).isGreaterThan(wrongNanos.get(2) / 4);
    }

    @Test
    void aPendingPasswordOnlySessionOpensNoPage() {
        TestUser user = accounts.create(Role.SYSTEM_ADMIN);
        Browser b = browser();
        assertThat(b.password(user.username(), user.password()).getRedirectedUrl()).isEqualTo("/login/totp");
        assertThat(b.session.getAttribute(PendingSignIn.SESSION_ATTRIBUTE)).isNotNull();
        for (String page : List.of("/", "/admin/users", "/account/tokens", "/admin/users/new")) {
            assertThat(b.get(page).getRedirectedUrl()).as(page).isEqualTo("/login");
        }
        MockHttpServletResponse api = b.get("/api/v1/me");
        assertThat(api.getStatus()).isEqualTo(401);
        assertThat(api.getContentType()).startsWith("application/problem+json");
        assertThat(signedIn(b)).isFalse();
    }

    @Test
    void theSessionIdChangesAtSignIn() {
        TestUser user = accounts.create(Role.COMMUNITY_OFFICER);
        Browser b = browser();
        b.get("/login");
        String before = b.session.getId();
        b.password(user.username(), user.password());
        String pending = b.session.getId();
        b.post("/login/totp", "code", accounts.nextCode(user.totpSecret()));
        assertThat(List.of(before, pending, b.session.getId())).doesNotHaveDuplicates();
    }

    @Test
    void formsNeedTheCsrfToken() {
        TestUser user = accounts.create(Role.COMMUNITY_OFFICER);
        Browser b = browser();
        b.get("/login");
        MockHttpServletResponse r = mvc.post().uri("/login").session(b.session).param("username", user.username())
                .param("password", user.password()).exchange().getResponse();
        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(b.session.getAttribute(PendingSignIn.SESSION_ATTRIBUTE)).isNull();
        // a form posted after the session timed out (so without a valid token) goes back to the login page
        MockHttpServletResponse stale = mvc.post().uri("/login").param("username", user.username())
                .param("password", user.password()).exchange().getResponse();
        assertThat(stale.getRedirectedUrl()).isEqualTo("/login?expired");
    }

    @Test
    void signOutEndsTheSession() {
        TestUser user = accounts.create(Role.COMMUNITY_OFFICER);
        Browser b = browser().signIn(user, accounts);
        assertThat(b.get("/account/tokens").getStatus()).isEqualTo(200);
        MockHttpServletResponse out = b.post("/logout");
        assertThat(out.getRedirectedUrl()).isEqualTo("/login?signedOut");
        assertThat(auditActions()).contains("SIGN_OUT");
        assertThat(b.session.isInvalid()).isTrue();
    }

    @Test
    void anExpiredSessionGoesBackToTheLoginPage() {
        var result = mvc.get().uri("/account/tokens").with(req -> {
            req.setRequestedSessionId("expired-session-id");
            req.setRequestedSessionIdValid(false);
            return req;
        }).exchange();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?expired");
        // with a fresh session, so the login page itself does not bounce again
        assertThat(result.getRequest().getSession(false)).isNotNull();
        assertThat(body(mvc.get().uri("/login?expired").exchange().getResponse())).contains("会话已过期");
    }

    @Test
    void htmxRequestsWithoutSessionAreToldToLoadTheLoginPage() {
        MockHttpServletResponse r = mvc.get().uri("/account/tokens").header("HX-Request", "true").exchange().getResponse();
        assertThat(r.getStatus()).isEqualTo(401);
        assertThat(r.getHeader("HX-Redirect")).isEqualTo("/login");
    }

    @Test
    void theCallerFollowsAMovedNodeAndADisabledAccountLosesItsSession() {
        TestUser user = accounts.create(s -> s.role(Role.AUXILIARY_POLICE).jurisdiction("M1"));
        Browser b = browser().signIn(user, accounts);
        assertThat(body(b.get("/api/v1/me"))).contains("\"scope\":[\"R.M1\"]");

        address.move("M1", "R.C2.M1");
        assertThat(body(b.get("/api/v1/me"))).contains("\"scope\":[\"R.C2.M1\"]");

        TestUser admin = accounts.create(Role.SYSTEM_ADMIN);
        Browser adminBrowser = browser().signIn(admin, accounts);
        assertThat(adminBrowser.post("/admin/users/" + user.id() + "/enabled", "enabled", "false").getRedirectedUrl())
                .isEqualTo("/admin/users/" + user.id());
        assertThat(b.get("/account/tokens").getRedirectedUrl()).startsWith("/login");
        assertThat(b.get("/api/v1/me").getStatus()).isEqualTo(401);
    }

    @Test
    void pagesCarrySecurityHeaders() {
        MockHttpServletResponse r = mvc.get().uri("/login").exchange().getResponse();
        assertThat(r.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("default-src 'self'");
        assertThat(r.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theLoginPageSpeaksEnglishOnRequest() {
        String html = body(mvc.get().uri("/login?lang=en").exchange().getResponse());
        assertThat(html).contains("Sign in to Beatbook").contains("Username");
    }

    private boolean signedIn(Browser b) {
        Object ctx = b.session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return ctx instanceof SecurityContext c && c.getAuthentication() instanceof CallerAuthentication;
    }

    private List<String> auditActions() {
        return events.stream(AuditEvent.class).map(AuditEvent::action).toList();
    }

    static String body(MockHttpServletResponse r) {
        try {
            return r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withoutCsrf(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
                .replaceAll("<meta name=\"_csrf\" content=\"[^\"]*\">", "");
    }

    /** What an authenticator app reads from the page's QR code. */
    private static String qrText(String html) {
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(
                    new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(m.group(1))));
            com.google.zxing.BinaryBitmap bitmap = new com.google.zxing.BinaryBitmap(
                    new com.google.zxing.common.HybridBinarizer(
                            new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image)));
            return java.net.URLDecoder.decode(new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new AssertionError("the QR code does not decode", e);
        }
    }

    private static long time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return System.nanoTime() - start;
    }
}
