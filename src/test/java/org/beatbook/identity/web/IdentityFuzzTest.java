package org.beatbook.identity.web;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.beatbook.identity.IdentityIntegrationTest;
import org.beatbook.identity.internal.Accounts;
import org.beatbook.identity.internal.Accounts.TestUser;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Whatever arrives in the sign-in form or the identity API bodies, the answer is never a 500. Jazzer drives it
 * (seeds only, unless JAZZER_FUZZ=1); a seeded random run of mutated valid bodies does a bounded real fuzz in
 * every build.
 */
@IdentityIntegrationTest
class IdentityFuzzTest {

    static final List<String> TEMPLATES = List.of(
            "{\"username\":\"fz1\",\"displayName\":\"模糊\",\"role\":\"AUDITOR\",\"jurisdiction\":[\"C1\"],\"password\":\"Fuzzing2026ab\"}",
            "{\"name\":\"tok\",\"expiresOn\":\"2030-01-31\"}",
            "{\"displayName\":\"x\",\"jurisdiction\":[\"C1\",\"C2\"],\"version\":0}",
            "{\"role\":\"COMMUNITY_WORKER\",\"version\":1}",
            "{\"password\":\"Another2026pw\"}");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Accounts accounts;

    private String systemToken;
    private String securityToken;
    private TestUser target;

    private void init() {
        if (systemToken == null) {
            systemToken = accounts.token(accounts.create(Role.SYSTEM_ADMIN), null);
            securityToken = accounts.token(accounts.create(Role.SECURITY_ADMIN), null);
            target = accounts.create(Role.COMMUNITY_WORKER);
        }
    }

    @FuzzTest(maxDuration = "20s")
    void requests(FuzzedDataProvider data) {
        one(data.consumeInt(0, 6), data.consumeString(60), data.consumeRemainingAsString());
    }

    @Test
    void seededRandomRequestsNeverAnswer500() {
        Random random = new Random(20261129L);
        for (int i = 0; i < 240; i++) {
            int target = random.nextInt(7);
            String body = mutate(TEMPLATES.get(random.nextInt(TEMPLATES.size())), random);
            one(target, mutate("user" + i, random), body);
        }
    }

    void one(int which, String text, String body) {
        init();
        MockHttpServletResponse r = switch (which) {
            case 0 -> mvc.post().uri("/login").with(csrf()).param("username", text).param("password", body)
                    .exchange().getResponse();
            case 1 -> json(mvc.post().uri("/api/v1/users"), systemToken, body);
            case 2 -> json(mvc.post().uri("/api/v1/tokens"), systemToken, body);
            case 3 -> json(mvc.patch().uri("/api/v1/users/" + target.id()), systemToken, body);
            case 4 -> json(mvc.put().uri("/api/v1/users/" + target.id() + "/role"), securityToken, body);
            case 5 -> json(mvc.post().uri("/api/v1/users/" + target.id() + "/password-reset"), securityToken, body);
            default -> mvc.get().uri("/api/v1/users").param("q", text).param("role", body).param("state", text)
                    .header("Authorization", "Bearer " + systemToken).exchange().getResponse();
        };
        assertThat(r.getStatus()).as("%d %s %s", which, text, body).isLessThan(500);
    }

    private static MockHttpServletResponse json(MockMvcTester.MockMvcRequestBuilder req, String token, String body) {
        return req.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange().getResponse();
    }

    /** A few random edits: replaced, inserted and deleted characters, some of them JSON syntax or odd Unicode. */
    static String mutate(String s, Random random) {
        String alphabet = "{}[]\":,0123456789-eE.truefalsnul \\u00警\uD83D\uDE00\u0000\n\t";
        StringBuilder sb = new StringBuilder(s);
        int edits = random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int pos = sb.isEmpty() ? 0 : random.nextInt(sb.length());
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(4)) {
                case 0 -> sb.insert(pos, c);
                case 1 -> { if (!sb.isEmpty()) sb.setCharAt(pos, c); }
                case 2 -> { if (!sb.isEmpty()) sb.deleteCharAt(pos); }
                default -> sb.insert(pos, "9".repeat(random.nextInt(30)));
            }
        }
        return sb.toString();
    }
}
