package org.beatbook.housing.web;

import org.beatbook.population.AddressFake;
import org.beatbook.population.Residents;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.housing.web.HouseApiIntegrationTests.body;
import static org.beatbook.population.AddressFake.ROOM_501;
import static org.beatbook.population.AddressFake.ROOM_502;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The house page's forms for a short-term listing and its guests, and the reveal of one number, as a browser posts
 * them (with and without htmx): what the user sees after each, and the reason next to the field when a rule is broken.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
class HousePageIntegrationTests {

    static final Authentication OFFICER = Residents.signedIn(Role.COMMUNITY_OFFICER);
    static final Authentication AUXILIARY = Residents.signedIn(Role.AUXILIARY_POLICE);
    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void twoHouses() {
        jdbc.sql("DELETE FROM housing.house_version; DELETE FROM housing.guest; DELETE FROM housing.tenancy; "
                + "DELETE FROM housing.house").update();
        put(ROOM_501, """
                {"usage":"RENTED","ownerName":"王建国","ownerIdNumber":"%s","ownerPhone":"13955550101",
                 "landlordName":"李房东","landlordPhone":"13955550202"}"""
                .formatted(Residents.idNumber(LocalDate.of(1970, 5, 6))));
        put(ROOM_502, "{\"usage\":\"SHORT_TERM_RENTAL\",\"ownerName\":\"单雪\"}");
    }

    void put(String room, String json) {
        assertThat(mvc.put().uri("/api/v1/houses/" + room).contentType(MediaType.APPLICATION_JSON).content(json)
                .with(authentication(OFFICER)).with(csrf()).exchange()).hasStatus(HttpStatus.CREATED);
    }

    MvcTestResult form(String uri, Authentication who, String... params) {
        var req = mvc.post().uri(uri).header("Accept-Language", "zh-CN").with(authentication(who)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            req = req.param(params[i], params[i + 1]);
        }
        return req.exchange();
    }

    String page(String room, Authentication who) {
        return body(mvc.get().uri("/houses/rooms/" + room).header("Accept-Language", "zh-CN")
                .with(authentication(who)).exchange());
    }

    @Test
    void aListingAndAGuestAreRegisteredFromThePage() {
        String before = page(ROOM_502, OFFICER);
        assertThat(before).contains("登记网约房平台信息", "没有住客登记", "登记住客");
        assertThat(page(ROOM_501, OFFICER)).doesNotContain("登记网约房平台信息");

        assertThat(form("/houses/rooms/" + ROOM_502 + "/listing", OFFICER, "platform", "途家", "listingId", "70123456",
                "url", "https://www.tujia.com/detail/70123456.htm", "host", "单雪"))
                .hasStatus3xxRedirection().hasRedirectedUrl("/houses/rooms/" + ROOM_502);
        String guest = Residents.idNumber(LocalDate.of(1985, 3, 3));
        assertThat(form("/houses/rooms/" + ROOM_502 + "/guests", OFFICER, "name", "赵客", "idNumber", guest,
                "checkIn", TODAY)).hasStatus3xxRedirection();

        String after = page(ROOM_502, OFFICER);
        assertThat(after).contains("途家", "70123456", "修改网约房平台信息", "赵客", guest.substring(0, 3) + "***********"
                + guest.substring(14)).doesNotContain(guest);
        assertThat(jdbc.sql("select change from housing.house_version where room_code = ? order by version")
                .param(ROOM_502).query(String.class).list()).containsExactly("REGISTERED", "LISTING_SET",
                "GUEST_REGISTERED");
    }

    @Test
    void brokenRulesShowTheirReasonsNextToTheFields() {
        MvcTestResult listing = form("/houses/rooms/" + ROOM_502 + "/listing", OFFICER, "platform", "",
                "url", "ftp://example.com/1");
        assertThat(listing).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(listing)).contains("请检查标红的项目", "必填", "网址应以 http:// 或 https:// 开头",
                "ftp://example.com/1");

        MvcTestResult guest = form("/houses/rooms/" + ROOM_502 + "/guests", OFFICER, "name", "赵1",
                "idNumber", "340524198001010010", "checkIn", "2026-13-01", "checkOut", "");
        assertThat(guest).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(guest)).contains("姓名只能包含文字、间隔号、空格和连字符", "公民身份号码校验码错误",
                "日期格式不正确：2026-13-01").doesNotContain("340524198001010010");
        assertThat(jdbc.sql("select count(*) from housing.guest").query(Long.class).single()).isZero();

        MvcTestResult english = mvc.post().uri("/houses/rooms/" + ROOM_502 + "/guests")
                .cookie(new jakarta.servlet.http.Cookie("beatbook-lang", "en")).param("name", "Zhao").param("checkIn", TODAY)
                .with(authentication(OFFICER)).with(csrf()).exchange();
        assertThat(body(english)).contains("Required");
    }

    @Test
    void theOfficerRevealsOneNumberInPlaceTheAuxiliaryIsRefused() {
        assertThat(page(ROOM_501, OFFICER)).contains("139****0101", "显示完整", "reveal-ownerPhone",
                "reveal-landlordPhone", "reveal-ownerIdNumber").doesNotContain("13955550101");
        assertThat(page(ROOM_501, AUXILIARY)).contains("139****0101").doesNotContain("显示完整");

        MvcTestResult htmx = mvc.post().uri("/houses/rooms/" + ROOM_501 + "/reveal").header("HX-Request", "true")
                .header("Accept-Language", "zh-CN").param("field", "ownerPhone").param("purpose", "核实房主身份")
                .with(authentication(OFFICER)).with(csrf()).exchange();
        assertThat(htmx).hasStatusOk();
        assertThat(body(htmx)).contains("id=\"reveal-ownerPhone\"", "13955550101").doesNotContain("<html",
                "13955550202");

        MvcTestResult noPurpose = mvc.post().uri("/houses/rooms/" + ROOM_501 + "/reveal").header("HX-Request", "true")
                .header("Accept-Language", "zh-CN").param("field", "landlordPhone").param("purpose", "")
                .with(authentication(OFFICER)).with(csrf()).exchange();
        assertThat(body(noPurpose)).contains("id=\"reveal-landlordPhone\"", "请填写查看事由")
                .doesNotContain("13955550202");

        MvcTestResult full = form("/houses/rooms/" + ROOM_501 + "/reveal", OFFICER, "field", "landlordPhone",
                "purpose", "联系出租人");
        assertThat(full).hasStatusOk();
        assertThat(body(full)).contains("<html", "13955550202").doesNotContain("13955550101");

        assertThat(form("/houses/rooms/" + ROOM_501 + "/reveal", AUXILIARY, "field", "ownerPhone",
                "purpose", "核实房主身份")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("""
                        select result || '|' || coalesce(purpose, '') from audit.audit_log
                         where action = 'HOUSE_REVEALED' and object_id = ? and purpose in ('核实房主身份', '联系出租人')
                         order by id""").param(ROOM_501).query(String.class).list())
                .endsWith("SUCCESS|核实房主身份", "SUCCESS|联系出租人", "DENIED|核实房主身份");
    }
}
