package org.beatbook.address.web;

import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeNotFound;
import org.beatbook.address.AddressNodeView;
import org.beatbook.address.internal.AddressChild;
import org.beatbook.address.internal.AddressNode;
import org.beatbook.address.internal.AddressService;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.InvalidInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.address.AddressFixtures.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@WebMvcTest(AddressPageController.class)
@Import({AddressNavigation.class, AddressPageControllerTests.MethodSecurity.class})
class AddressPageControllerTests {

    /** Stands in for the identity module's chain: signed-in only, and method security for @PreAuthorize. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    @EnableMethodSecurity
    static class MethodSecurity {
        @Bean
        SecurityFilterChain chain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).build();
        }
    }

    static final String SCOPE = "34.3405.340524.340524100.340524100001";

    @Autowired
    MockMvcTester mvc;
    @MockitoBean
    AddressService addresses;

    final AddressNode compound = node("340524100001002", "340524100001", SCOPE + ".340524100001002", AddressLevel.COMPOUND, "阳光新城");
    final AddressNode community = node("340524100001", "340524100", SCOPE, AddressLevel.COMMUNITY, "高铁新城社区");

    @BeforeEach
    void tree() {
        given(addresses.get(eq(compound.code()), any())).willReturn(compound);
        given(addresses.get(eq("NOPE"), any())).willThrow(new AddressNodeNotFound("NOPE"));
        given(addresses.ancestors(eq(compound.code()), any())).willReturn(List.of(community.view()));
        given(addresses.childrenWithCounts(eq(compound.code()), any(), anyBoolean())).willReturn(List.of(
                new AddressChild(node("340524100001002001", compound.code(), compound.path() + ".340524100001002001",
                        AddressLevel.BUILDING, "1号楼"), 2),
                new AddressChild(node("340524100001002002", compound.code(), compound.path() + ".340524100001002002",
                        AddressLevel.BUILDING, "2号楼"), 0)));
    }

    @Test
    void aNodePageShowsCrumbsChildrenAndTheWritersForms() {
        MvcTestResult page = mvc.get().uri("/addresses/{c}", compound.code()).with(as(Role.COMMUNITY_OFFICER, SCOPE)).exchange();
        assertThat(page).hasStatusOk().bodyText()
                .contains("<html", "高铁新城社区", "阳光新城", "1号楼", "2 个下级", "2号楼", "新建下级地址", "移动到其他上级", "停用")
                .contains("href=\"/addresses/340524100001002001\"");
    }

    @Test
    void readersWhoMayNotWriteSeeNoForms() {
        assertThat(mvc.get().uri("/addresses/{c}", compound.code()).with(as(Role.AUXILIARY_POLICE, SCOPE)))
                .hasStatusOk().bodyText().contains("1号楼").doesNotContain("新建下级地址", "移动到其他上级");
        assertThat(mvc.post().uri("/addresses/{c}/retire", compound.code()).with(as(Role.AUXILIARY_POLICE, SCOPE)).with(csrf()))
                .hasStatus(403);
        verify(addresses, never()).retire(any(), any());
    }

    @Test
    void auditorsAndSecurityAdminsHaveNoAccess() {
        assertThat(mvc.get().uri("/addresses/{c}", compound.code()).with(as(Role.AUDITOR, SCOPE))).hasStatus(403);
        assertThat(mvc.get().uri("/addresses").with(as(Role.SECURITY_ADMIN, SCOPE))).hasStatus(403);
    }

    @Test
    void aMissingOrForeignNodeIs404() {
        assertThat(mvc.get().uri("/addresses/NOPE").with(as(Role.COMMUNITY_OFFICER, SCOPE))).hasStatus(404);
    }

    @Test
    void htmxSearchGetsOnlyTheResultsFragment() {
        given(addresses.search(eq("阳光"), any(), eq(0), anyInt())).willReturn(List.of(compound.view()));
        MvcTestResult fragment = mvc.get().uri("/addresses/search?q=阳光").header("HX-Request", "true")
                .with(as(Role.COMMUNITY_WORKER, SCOPE)).exchange();
        assertThat(fragment).hasStatusOk().bodyText().contains("id=\"results\"", "阳光新城", "小区")
                .doesNotContain("<html", "<header");
        assertThat(mvc.get().uri("/addresses/search?q=阳光").with(as(Role.COMMUNITY_WORKER, SCOPE)))
                .hasStatusOk().bodyText().contains("<html", "阳光新城");
    }

    @Test
    void aCycleIsShownNextToTheParentCodeField() {
        given(addresses.move(eq(compound.code()), eq("340524100001002001"), any())).willThrow(
                InvalidInput.of("parentCode", "address.error.move.cycle", "1号楼", "阳光新城"));
        MvcTestResult htmx = mvc.post().uri("/addresses/{c}/move", compound.code()).param("parentCode", "340524100001002001")
                .header("HX-Request", "true").with(as(Role.COMMUNITY_OFFICER, SCOPE)).with(csrf()).exchange();
        assertThat(htmx).hasStatusOk().bodyText()
                .contains("id=\"move-form\"", "value=\"340524100001002001\"", "aria-invalid=\"true\"",
                        "不能把“阳光新城”移动到它自己或它的下级“1号楼”之下")
                .doesNotContain("<html");
        MvcTestResult full = mvc.post().uri("/addresses/{c}/move", compound.code()).param("parentCode", "340524100001002001")
                .with(as(Role.COMMUNITY_OFFICER, SCOPE)).with(csrf()).exchange();
        assertThat(full).hasStatus(400).bodyText().contains("<html", "不能把“阳光新城”移动到");
    }

    @Test
    void aGoodChangeRedirectsOrTellsHtmxWhereToGo() {
        given(addresses.create(any(), any())).willReturn(new AddressNodeView("340524100001002003", compound.code(),
                compound.path() + ".340524100001002003", AddressLevel.BUILDING, "3号楼", null, null, null, false));
        assertThat(mvc.post().uri("/addresses/{c}/children", compound.code()).param("level", "BUILDING").param("name", "3号楼")
                .with(as(Role.COMMUNITY_OFFICER, SCOPE)).with(csrf()))
                .hasStatus3xxRedirection().hasRedirectedUrl("/addresses/" + compound.code());
        assertThat(mvc.post().uri("/addresses/{c}/children", compound.code()).param("level", "BUILDING").param("name", "3号楼")
                .header("HX-Request", "true").with(as(Role.COMMUNITY_OFFICER, SCOPE)).with(csrf()))
                .hasStatusOk().hasHeader("HX-Redirect", "/addresses/" + compound.code());
        // a latitude that is not a number never reaches the service
        assertThat(mvc.post().uri("/addresses/{c}/children", compound.code()).param("level", "PLACE").param("name", "学校")
                .param("latitude", "北纬31").param("longitude", "118").header("HX-Request", "true")
                .with(as(Role.COMMUNITY_OFFICER, SCOPE)).with(csrf()))
                .hasStatusOk().bodyText().contains("id=\"child-form\"", "纬度应为 -90 到 90 之间的数字", "value=\"北纬31\"");
    }

    @Test
    void englishOnRequest() {
        assertThat(mvc.get().uri("/addresses/{c}?lang=en", compound.code()).with(as(Role.COMMUNITY_OFFICER, SCOPE)))
                .hasStatusOk().bodyText().contains("Children (2)", "Compound");
    }

    private static AddressNode node(String code, String parent, String path, AddressLevel level, String name) {
        return new AddressNode(code, parent, path, level, name, null, null, null, null, Instant.now(), 0);
    }
}
