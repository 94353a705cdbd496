package org.beatbook.audit.web;

import org.beatbook.audit.internal.AuditEntry;
import org.beatbook.audit.internal.AuditPage;
import org.beatbook.audit.internal.AuditQuery;
import org.beatbook.audit.internal.AuditReading;
import org.beatbook.shared.AuditEvent.Result;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.audit.AuditFixtures.signedIn;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

@WebMvcTest(AuditPageController.class)
class AuditPageControllerTests {

    /** Stands in for the identity module's chain: signed-in only, and method security for @PreAuthorize. */
    @TestConfiguration
    @EnableWebSecurity
    @EnableMethodSecurity
    static class Security {
        @Bean
        SecurityFilterChain chain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).build();
        }
    }

    @Autowired MockMvcTester mvc;
    @MockitoBean AuditReading reading;

    static final AuditEntry ROW = new AuditEntry(41, Instant.parse("2026-11-03T00:30:05Z"), "wang", "COMMUNITY_OFFICER",
            "PERSON_READ", "PERSON", "340***********001X", "340524.1", "回访", Result.SUCCESS, "查看档案",
            "10.0.0.8", "0".repeat(64), "a".repeat(64));

    @Test
    void rendersTheWholePageWithTimesInBeijingTime() {
        given(reading.search(any(AuditQuery.class))).willReturn(new AuditPage(List.of(ROW), 41L));
        assertThat(mvc.get().uri("/audit").param("actor", "wang").with(authentication(signedIn(Role.AUDITOR))))
                .hasStatusOk()
                .hasViewName("audit/search")
                .bodyText()
                .contains("<html", "审计日志", "2026-11-03 08:30:05", "查看人员", "PERSON_READ", "340***********001X", "成功",
                        "href=\"/audit/export.csv?actor=wang\"", "href=\"/audit?actor=wang&amp;before=41\"");
    }

    @Test
    void anHtmxRequestGetsOnlyTheResults() {
        given(reading.search(any(AuditQuery.class))).willReturn(new AuditPage(List.of(ROW), null));
        assertThat(mvc.get().uri("/audit").header("HX-Request", "true").with(authentication(signedIn(Role.AUDITOR))))
                .hasStatusOk()
                .hasViewName("audit/search :: results")
                .bodyText()
                .contains("id=\"audit-results\"", "PERSON_READ")
                .doesNotContain("<html", "<form", "更早的记录");
    }

    @Test
    void badFiltersAnswer400WithTheFieldAndRuleAndSearchNothing() {
        assertThat(mvc.get().uri("/audit").param("to", "2026-13-01T00:00").param("result", "MAYBE")
                .header("HX-Request", "true").with(authentication(signedIn(Role.AUDITOR))))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("结束时间（北京时间，不含）", "时间格式应为", "结果", "应为 SUCCESS、FAILURE 或 DENIED 之一");
        verify(reading, never()).search(any());
    }

    @Test
    void speaksEnglishWhenAsked() {
        given(reading.search(any(AuditQuery.class))).willReturn(new AuditPage(List.of(), null));
        assertThat(mvc.get().uri("/audit").param("lang", "en").with(authentication(signedIn(Role.AUDITOR))))
                .hasStatusOk().bodyText().contains("Audit log", "No entries match these filters.");
    }

    @Test
    void administratorsAreRefused() {
        for (Role role : List.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.STATION_LEADER)) {
            assertThat(mvc.get().uri("/audit").with(authentication(signedIn(role)))).hasStatus(HttpStatus.FORBIDDEN);
        }
        verify(reading, never()).search(any());
    }
}
