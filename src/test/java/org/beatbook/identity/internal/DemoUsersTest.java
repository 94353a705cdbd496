package org.beatbook.identity.internal;

import org.beatbook.identity.DemoCredential;
import org.beatbook.identity.DemoJurisdictions;
import org.beatbook.identity.IdentityDemo;
import org.beatbook.identity.IdentityIntegrationTest;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@IdentityIntegrationTest
class DemoUsersTest {

    @Autowired
    IdentityDemo demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    Accounts accounts;

    static final DemoJurisdictions CODES = new DemoJurisdictions(List.of("D0"), List.of("D1"), List.of("D2"));

    @Autowired
    UserRepository users;

    @Test
    void totpSecretsAreSealedInTheDatabaseAndOldClearOnesAreSealedAtStartUp() {
        jdbc.sql("DELETE FROM identity.app_user").update();
        List<DemoCredential> created = demo.createDemoUsers(CODES, 7);
        List<String> stored = jdbc.sql("SELECT totp_secret FROM identity.app_user WHERE totp_secret IS NOT NULL")
                .query(String.class).list();
        assertThat(stored).hasSize(created.size()).allSatisfy(s -> assertThat(s).startsWith("gcm1:"));
        assertThat(String.join(" ", stored)).doesNotContain(created.get(0).totpSecret());

        // a row written by a version that stored the seed in the clear: still usable, then sealed
        String name = created.get(0).username();
        jdbc.sql("UPDATE identity.app_user SET totp_secret = ? WHERE username = ?")
                .params(created.get(0).totpSecret(), name).update();
        assertThat(users.findByUsername(name).orElseThrow().totpSecret()).isEqualTo(created.get(0).totpSecret());
        assertThat(users.sealClearSecrets()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT totp_secret FROM identity.app_user WHERE username = ?").param(name)
                .query(String.class).single()).startsWith("gcm1:");
        assertThat(users.findByUsername(name).orElseThrow().totpSecret()).isEqualTo(created.get(0).totpSecret());
        assertThat(users.sealClearSecrets()).isZero();
    }

    @Test
    void createsOneUserPerRoleAndTwoAuxiliariesThatCanSignInAndUseTheirTokens() throws Exception {
        jdbc.sql("DELETE FROM identity.app_user").update();
        assertThat(demo.anyUserExists()).isFalse();

        List<DemoCredential> created = demo.createDemoUsers(CODES, 42);

        assertThat(created).extracting(DemoCredential::role).containsAll(EnumSet.allOf(Role.class));
        assertThat(created).filteredOn(c -> c.role() == Role.AUXILIARY_POLICE).extracting(DemoCredential::jurisdiction)
                .contains(List.of("D1"), List.of("D2"));
        assertThat(created).extracting(DemoCredential::username).doesNotHaveDuplicates();
        assertThat(created).allSatisfy(c -> {
            assertThat(c.password()).hasSize(12);
            assertThat(PasswordPolicy.check("p", c.password(), c.username())).isEmpty();
            assertThat(c.totpSecret()).matches("[A-Z2-7]{32}");
            assertThat(c.apiToken()).startsWith("bb_");
        });
        assertThatThrownBy(() -> demo.createDemoUsers(CODES, 42)).isInstanceOf(IllegalStateException.class);

        // the same seed gives the same passwords
        List<String> passwords = created.stream().map(DemoCredential::password).toList();
        jdbc.sql("DELETE FROM identity.app_user").update();
        assertThat(demo.createDemoUsers(CODES, 42).stream().map(DemoCredential::password).toList()).isEqualTo(passwords);
        jdbc.sql("DELETE FROM identity.app_user").update();
        List<DemoCredential> again = demo.createDemoUsers(CODES, 42);

        DemoCredential aux2 = again.stream().filter(c -> c.username().equals("aux2")).findFirst().orElseThrow();
        MockHttpServletResponse me = mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + aux2.apiToken())
                .exchange().getResponse();
        assertThat(me.getContentAsString(StandardCharsets.UTF_8)).contains("\"scope\":[\"R.D2\"]");

        MockHttpServletResponse password = mvc.post().uri("/login").with(csrf()).param("username", "aux2")
                .param("password", aux2.password()).exchange().getResponse();
        assertThat(password.getRedirectedUrl()).isEqualTo("/login/totp");
    }
}
