package org.beatbook.dashboard;

import org.beatbook.address.AddressDemo;
import org.beatbook.address.AddressDemo.DemoTree;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.address.AddressFixtures.as;

@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class HomePageTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    AddressDemo demo;

    @Test
    void operationalRolesSeeTheirJurisdictionsFigures() {
        DemoTree tree = demo.load(42);
        String communityPath = "34.3405.340524.340524100.340524100001";
        assertThat(mvc.get().uri("/").with(as(Role.COMMUNITY_OFFICER, communityPath))).hasStatusOk().bodyText()
                .contains("测试COMMUNITY_OFFICER", "社区民警", "辖区地址", "class=\"stat\"", "小区", "户室")
                .contains(">16<", String.format(">%,d<", tree.rooms()));
        // one compound's officer sees only that compound's figures
        String compoundPath = communityPath + "." + tree.largeCompound();
        assertThat(mvc.get().uri("/").with(as(Role.AUXILIARY_POLICE, compoundPath))).hasStatusOk().bodyText()
                .contains(">1<", ">1,320<").doesNotContain(">16<");
    }

    @Test
    void auditorsAndSecurityAdminsSeeLinksToTheirWorkInstead() {
        assertThat(mvc.get().uri("/").with(as(Role.AUDITOR))).hasStatusOk().bodyText()
                .contains("href=\"/audit\"", "审计日志").doesNotContain("class=\"stat\"", "/admin/users");
        assertThat(mvc.get().uri("/").with(as(Role.SECURITY_ADMIN))).hasStatusOk().bodyText()
                .contains("href=\"/admin/users\"").doesNotContain("class=\"stat\"", "href=\"/audit\"");
    }
}
