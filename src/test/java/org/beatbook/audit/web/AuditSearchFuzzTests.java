package org.beatbook.audit.web;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.audit.AuditFixtures.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Whatever an auditor's tool sends as search parameters, {@code GET /api/v1/audit} answers 200 or a 400
 * problem naming fields, never 500, on real PostgreSQL. Jazzer drives it with {@code JAZZER_FUZZ=1}; in
 * the normal suite it replays its seeds, and a seeded random run of the same target fuzzes a bounded amount.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditSearchFuzzTests {

    static {
        // Replaying seeds (the normal suite) needs no agent. With one, Jazzer's hooks rewrite the application's
        // classes without their parameter names, and every later Spring context in this JVM fails to bind
        // records such as DatabaseProperties. JAZZER_FUZZ=1 keeps the agent for real fuzzing.
        if (System.getenv("JAZZER_FUZZ") == null) {
            System.setProperty("jazzer.hooks", "false");
        }
    }

    static final List<String> PARAMS = List.of("from", "to", "actor", "action", "objectType", "objectId", "result",
            "before", "size");
    static final List<String> DICTIONARY = List.of("", " ", "2026-11-03T08:30", "2026-11-03T08:30:00Z",
            "2026-11-03T08:30:00+08:00", "2026-02-30T00:00", "+999999999-12-31T23:59:59", "-1", "0", "1", "200", "201",
            "9223372036854775807", "99999999999999999999", "SUCCESS", "denied", "PERSON_READ", "34052419800101001X",
            "13812345678", "\u0000", "%00", "'; drop table audit.audit_log; --", "\\", "{x}", "张三", "\uD83D\uDE00",
            "\uD83D", "a".repeat(129), "1".repeat(5000), "\u202E", "::ltree", "%", "_");

    @Autowired MockMvcTester mvc;

    @FuzzTest(maxDuration = "20s")
    void searchNeverFails(byte[] data) throws Exception {
        Map<String, String> params = decode(data);
        var request = mvc.get().uri("/api/v1/audit").with(authentication(signedIn(Role.AUDITOR)));
        params.forEach(request::param);
        MvcTestResult result = request.exchange();
        MockHttpServletResponse response = result.getResponse();
        int status = response.getStatus();
        assertThat(status).as("%s -> %s", params, response.getContentAsString()).isIn(200, 400);
        if (status == 400) {
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("\"errors\"", "\"field\"");
        }
    }

    @Test
    void boundedRandomFuzzOfTheSameTarget() throws Exception {
        Random random = new Random(20261103L);
        long deadline = System.nanoTime() + 15_000_000_000L;
        for (int i = 0; i < 400 && System.nanoTime() < deadline; i++) {
            byte[] data = new byte[random.nextInt(200)];
            random.nextBytes(data);
            searchNeverFails(data);
        }
    }

    /** Bytes → parameters: per parameter a presence byte, then a dictionary word or raw characters. */
    static Map<String, String> decode(byte[] data) {
        Map<String, String> params = new LinkedHashMap<>();
        int[] pos = {0};
        for (String name : PARAMS) {
            int flag = next(data, pos);
            if (flag % 3 == 0) {
                continue;
            }
            if (flag % 3 == 1) {
                params.put(name, DICTIONARY.get(next(data, pos) % DICTIONARY.size()));
            } else {
                int length = next(data, pos) % 24;
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < length; i++) {
                    int hi = next(data, pos);
                    int lo = next(data, pos);
                    sb.append((char) (hi % 4 == 0 ? (hi << 8 | lo) : lo % 128));
                }
                params.put(name, sb.toString());
            }
        }
        return params;
    }

    private static int next(byte[] data, int[] pos) {
        return pos[0] < data.length ? data[pos[0]++] & 0xFF : 0;
    }
}
