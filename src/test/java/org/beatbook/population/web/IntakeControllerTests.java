package org.beatbook.population.web;

import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.population.internal.DuplicatePerson;
import org.beatbook.population.internal.PersonCommands.RegisterPerson;
import org.beatbook.population.internal.PersonRegistry;
import org.beatbook.population.internal.PersonViews.Duplicate;
import org.beatbook.population.internal.PersonViews.PersonView;
import org.beatbook.population.internal.PersonViews.Registered;
import org.beatbook.population.internal.Rooms;
import org.beatbook.population.Sex;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.InvalidInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.population.Residents.signedIn;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@WebMvcTest(IntakeController.class)
class IntakeControllerTests {

    @TestConfiguration
    @EnableWebSecurity
    @EnableMethodSecurity
    static class Security {
        @Bean
        SecurityFilterChain chain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).build();
        }
    }

    static final AddressNodeView COMPOUND = node("R1C1", "R1", "R1.R1C1", AddressLevel.COMPOUND, "阳光小区");
    static final AddressNodeView BUILDING = node("R1C1B3", "R1C1", "R1.R1C1.R1C1B3", AddressLevel.BUILDING, "3号楼");
    static final AddressNodeView UNIT = node("R1C1B3U2", "R1C1B3", "R1.R1C1.R1C1B3.R1C1B3U2", AddressLevel.UNIT, "2单元");
    static final AddressNodeView ROOM = node("R1C1B3U2R501", "R1C1B3U2", "R1.R1C1.R1C1B3.R1C1B3U2.R1C1B3U2R501",
            AddressLevel.ROOM, "501室");

    @Autowired MockMvcTester mvc;
    @MockitoBean PersonRegistry registry;
    @MockitoBean Rooms rooms;

    static AddressNodeView node(String code, String parent, String path, AddressLevel level, String name) {
        return new AddressNodeView(code, parent, path, level, name, null, null, null, false);
    }

    @BeforeEach
    void tree() {
        given(rooms.starts(any(), any())).willReturn(List.of(COMPOUND));
        for (AddressNodeView n : List.of(COMPOUND, BUILDING, UNIT, ROOM)) {
            given(rooms.node(eq(n.code()), any())).willReturn(Optional.of(n));
        }
        given(rooms.children(eq("R1C1"), any())).willReturn(List.of(BUILDING));
        given(rooms.children(eq("R1C1B3"), any())).willReturn(List.of(UNIT));
        given(rooms.children(eq("R1C1B3U2"), any())).willReturn(List.of(ROOM));
    }

    @Test
    void thePageStartsAtTheCallersCompoundWithItsBuildingsAsTaps() {
        assertThat(mvc.get().uri("/intake").with(authentication(signedIn(Role.COMMUNITY_WORKER))))
                .hasStatusOk().hasViewName("population/intake").bodyText()
                .contains("<html", "住户登记", "阳光小区", "hx-get=\"/intake/nodes?code=R1C1B3\"", "3号楼",
                        "hx-get=\"/intake/room?under=R1C1\"", "name=\"idNumber\"", "业主", "网约房住客");
    }

    @Test
    void anHtmxTapGetsOnlyThePickerOneLevelDown() {
        assertThat(mvc.get().uri("/intake/nodes").param("code", "R1C1B3U2").header("HX-Request", "true")
                .with(authentication(signedIn(Role.COMMUNITY_WORKER))))
                .hasStatusOk().hasViewName("population/intake :: picker").bodyText()
                .contains("id=\"picker\"", "501室", "3号楼", "2单元").doesNotContain("<html", "name=\"idNumber\"");
    }

    @Test
    void tappingARoomSelectsIt() {
        assertThat(mvc.get().uri("/intake/nodes").param("code", ROOM.code()).header("HX-Request", "true")
                .with(authentication(signedIn(Role.COMMUNITY_WORKER))))
                .hasStatusOk().bodyText().contains("name=\"addressCode\" value=\"R1C1B3U2R501\"", "已选择");
    }

    @Test
    void aTypedRoomKeyIsResolvedBelowTheCompound() {
        given(rooms.byKey("R1C1", "3-2-501", signedIn(Role.COMMUNITY_WORKER).getPrincipal().scope()))
                .willReturn(Optional.of(ROOM));
        assertThat(mvc.get().uri("/intake/room").param("under", "R1C1").param("key", "3栋2单元501")
                .header("HX-Request", "true").with(authentication(signedIn(Role.COMMUNITY_WORKER))))
                .hasStatusOk().bodyText().contains("value=\"R1C1B3U2R501\"");
        assertThat(mvc.get().uri("/intake/room").param("under", "R1C1").param("key", "9-9-909")
                .header("HX-Request", "true").with(authentication(signedIn(Role.COMMUNITY_WORKER))))
                .hasStatusOk().bodyText().contains("找不到该房号");
    }

    @Test
    void theIdCheckFillsBirthDateSexAndRegionOrRefusesWithTheReason() {
        assertThat(mvc.get().uri("/intake/id-check").param("idNumber", "34052419800101001X").header("HX-Request", "true")
                .with(authentication(signedIn(Role.COMMUNITY_WORKER))))
                .hasStatusOk().hasViewName("population/intake :: idcheck").bodyText()
                .contains("1980-01-01", "男", "安徽省").doesNotContain("<html");
        assertThat(mvc.get().uri("/intake/id-check").param("idNumber", "340524198001010010").header("HX-Request", "true")
                .with(authentication(signedIn(Role.COMMUNITY_WORKER))))
                .hasStatusOk().bodyText().contains("公民身份号码校验码错误：应为“X”，填写的是“0”");
    }

    @Test
    void savingRegistersAndReturnsToTheSameUnitForTheNextResident() {
        given(registry.register(any(RegisterPerson.class), any())).willReturn(new Registered(
                new PersonView(7, "RESIDENT_ID", "340***********001X", "江浩", List.of(), Sex.MALE, null, null,
                        List.of(), null, null, null, null, List.of(), 1, List.of()), true, List.of()));
        assertThat(mvc.post().uri("/intake").with(authentication(signedIn(Role.COMMUNITY_WORKER))).with(csrf())
                .param("addressCode", ROOM.code()).param("idNumber", "34052419800101001X").param("name", "江浩")
                .param("phone", "13812341234").param("residenceType", "TENANT"))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/intake?node=R1C1B3U2&saved=7");
    }

    @Test
    void aBadFormIsShownAgainWithEveryReasonAndNothingSaved() {
        assertThat(mvc.post().uri("/intake").with(authentication(signedIn(Role.COMMUNITY_WORKER))).with(csrf())
                .param("addressCode", "").param("idNumber", "340524198001010010").param("name", "")
                .param("phone", "1234").param("residenceType", "TENANT"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText()
                .contains("校验码错误", "请填写姓名", "手机号码应为11位数字", "请选择户室", "value=\"340524198001010010\"");
        verify(registry, never()).register(any(), any());
    }

    @Test
    void aDuplicateShowsTheExistingPersonWithALinkButton() {
        given(registry.register(any(RegisterPerson.class), any())).willThrow(new DuplicatePerson(
                List.of(new InvalidInput.Violation("idNumber", "population.duplicate.document")),
                List.of(new Duplicate(42, "江浩", "340***********001X", "138****1234", "阳光小区 3号楼2单元502室",
                        List.of("DOCUMENT"), true))));
        assertThat(mvc.post().uri("/intake").with(authentication(signedIn(Role.COMMUNITY_WORKER))).with(csrf())
                .param("addressCode", ROOM.code()).param("idNumber", "34052419800101001X").param("name", "江浩")
                .param("phone", "13812341234").param("residenceType", "TENANT"))
                .hasStatus(HttpStatus.CONFLICT).bodyText()
                .contains("该证件号码已登记", "340***********001X", "138****1234", "name=\"linkPerson\" value=\"42\"",
                        "关联到此户室")
                .doesNotContain("仍然登记");
    }

    @Test
    void administratorsDoNotRegisterResidents() {
        assertThat(mvc.get().uri("/intake").with(authentication(signedIn(Role.SYSTEM_ADMIN))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/intake").with(authentication(signedIn(Role.AUDITOR))).with(csrf())
                .param("name", "x")).hasStatus(HttpStatus.FORBIDDEN);
        verify(registry, never()).register(any(), any());
        verify(rooms, never()).byKey(anyString(), anyString(), any());
    }
}
