package org.beatbook.audit.web;

import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.beatbook.audit.AuditFixtures.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Not a test: with {@code -Dbeatbook.screenshots=true} writes the audit pages, rendered with some rows and the
 * CSS inlined, to {@code target/screens/} for a headless-browser screenshot.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EnabledIfSystemProperty(named = "beatbook.screenshots", matches = "true")
class AuditPageSnapshots {

    @Autowired MockMvcTester mvc;
    @Autowired ApplicationEventPublisher events;

    @Test
    void writePages() throws Exception {
        String[][] rows = {
                {"COMMUNITY_OFFICER", "PERSON_READ", "PERSON", "34052419800101001X", "SUCCESS", "查看实有人口档案"},
                {"AUXILIARY_POLICE", "PERSON_REVEALED", "PERSON", "1024", "SUCCESS", "显示完整证件号，电话 13812345678"},
                {"COMMUNITY_WORKER", "ADDRESS_CREATED", "ADDRESS_NODE", "340524001001002", "SUCCESS", "新增 3 号楼 2 单元"},
                {"AUXILIARY_POLICE", "HOUSE_REVEALED", "HOUSE", "340524001001002", "DENIED", "role=AUXILIARY_POLICE"},
                {"COMMUNITY_OFFICER", "ALERT_CLOSED", "ALERT", "88", "SUCCESS", "outcome=RECOVERED"},
                {"STATION_LEADER", "OUTBOX_REQUEUED", "OUTBOX", null, "SUCCESS", "3 parked rows requeued"},
                {"STATION_LEADER", "LEGACY_EXPORT", "HOUSE", "77", "SUCCESS", "没有标签的旧操作代码"},
        };
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.20.1.15");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        for (String[] r : rows) {
            SecurityContextHolder.getContext().setAuthentication(signedIn(Role.valueOf(r[0])));
            events.publishEvent(new AuditEvent(r[1], r[2], r[3], "340524.340524001", r[1].contains("REVEAL") ? "入户走访核实" : null,
                    AuditEvent.Result.valueOf(r[4]), r[5], null));
        }
        SecurityContextHolder.clearContext();
        events.publishEvent(new AuditEvent("SIGN_IN", "USER", null, null, null, AuditEvent.Result.FAILURE,
                "密码错误（第 2 次）", "liuyang"));
        RequestContextHolder.resetRequestAttributes();

        String css = Files.readString(Path.of("src/main/resources/static/css/beatbook.css"))
                + Files.readString(Path.of("src/main/resources/static/css/audit.css"));
        Path dir = Files.createDirectories(Path.of("target/screens"));
        for (String[] page : new String[][]{{"/audit", "audit.html"}, {"/audit/verify", "verify.html"}}) {
            String html = mvc.get().uri(page[0]).with(authentication(signedIn(Role.AUDITOR))).exchange()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            html = html.replace("<link rel=\"stylesheet\" href=\"/css/beatbook.css\">", "<style>" + css + "</style>")
                    .replace("<link rel=\"stylesheet\" href=\"/css/audit.css\">", "");
            Files.writeString(dir.resolve(page[1]), html);
        }
    }
}
