package org.beatbook.housing.web;

import org.beatbook.population.AddressFake;
import org.beatbook.population.Residents;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.beatbook.address.Workbooks.xlsx;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Not a test: with {@code -Dbeatbook.screenshots=true} writes the housing pages, rendered with a few houses and the
 * CSS inlined, to {@code target/screens/} for a headless-browser screenshot.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
@EnabledIfSystemProperty(named = "beatbook.screenshots", matches = "true")
class HousingPageSnapshots {

    @Autowired MockMvcTester mvc;

    @Test
    void writePages() throws Exception {
        Authentication officer = Residents.signedIn(Role.COMMUNITY_OFFICER);
        String today = LocalDate.now().toString();
        put(officer, "/api/v1/houses/" + AddressFake.ROOM_501, """
                {"usage":"RENTED","ownerName":"王建国","ownerIdNumber":"%s","ownerPhone":"13955550101",
                 "landlordName":"李房东","landlordPhone":"13955550202"}""".formatted(Residents.idNumber(LocalDate.of(1970, 5, 6))));
        post(officer, "/api/v1/houses/" + AddressFake.ROOM_501 + "/tenancies", """
                {"tenantName":"李明","tenantIdNumber":"%s","tenantPhone":"13800000001","startDate":"2026-03-01",
                 "endDate":"2027-02-28","contractNumber":"ZL-2026-0501"}""".formatted(Residents.idNumber(LocalDate.of(1992, 1, 2))));
        post(officer, "/api/v1/houses/" + AddressFake.ROOM_501 + "/tenancies", """
                {"tenantName":"张芳","tenantIdNumber":"%s","startDate":"2025-03-01","endDate":"2026-02-28"}"""
                .formatted(Residents.idNumber(LocalDate.of(1990, 6, 7))));
        post(officer, "/api/v1/houses/" + AddressFake.ROOM_501 + "/verifications",
                "{\"verifiedOn\":\"2026-07-01\",\"result\":\"ABNORMAL\",\"note\":\"实际居住人数与登记不符\"}");
        put(officer, "/api/v1/houses/" + AddressFake.ROOM_502, "{\"usage\":\"SHORT_TERM_RENTAL\",\"ownerName\":\"单雪\"}");
        put(officer, "/api/v1/houses/" + AddressFake.ROOM_502 + "/listing",
                "{\"platform\":\"途家\",\"listingId\":\"70123456\",\"host\":\"单雪\"}");
        post(officer, "/api/v1/houses/" + AddressFake.ROOM_502 + "/guests", """
                {"name":"赵客","idNumber":"%s","checkIn":"%s"}""".formatted(Residents.idNumber(LocalDate.of(1985, 3, 3)), today));
        post(officer, "/api/v1/houses/" + AddressFake.ROOM_502 + "/verifications", "{\"result\":\"NORMAL\"}");
        put(officer, "/api/v1/houses/" + AddressFake.ROOM_5_101, "{\"usage\":\"SELF_OCCUPIED\"}");

        String css = Files.readString(Path.of("src/main/resources/static/css/beatbook.css"))
                + Files.readString(Path.of("src/main/resources/static/css/housing.css"));
        Path dir = Files.createDirectories(Path.of("target/screens"));
        write(dir, "house.html", css, mvc.get().uri("/houses/rooms/" + AddressFake.ROOM_501)
                .with(authentication(officer)).exchange());
        write(dir, "house-new.html", css, mvc.get().uri("/houses/rooms/" + AddressFake.ROOM_5_101)
                .with(authentication(officer)).exchange());
        write(dir, "house-errors.html", css, mvc.post().uri("/houses/rooms/" + AddressFake.ROOM_501 + "/tenancies")
                .param("tenantName", "王1").param("startDate", "2026-13-01").with(authentication(officer)).with(csrf())
                .exchange());
        write(dir, "house-short-term.html", css, mvc.get().uri("/houses/rooms/" + AddressFake.ROOM_502)
                .with(authentication(officer)).exchange());
        write(dir, "house-revealed.html", css, mvc.post().uri("/houses/rooms/" + AddressFake.ROOM_501 + "/reveal")
                .param("field", "ownerPhone").param("purpose", "核实房主身份").with(authentication(officer)).with(csrf())
                .exchange());
        write(dir, "house-reveal-error.html", css, mvc.post().uri("/houses/rooms/" + AddressFake.ROOM_501 + "/reveal")
                .param("field", "landlordPhone").param("purpose", "").with(authentication(officer)).with(csrf())
                .exchange());
        write(dir, "house-listing-errors.html", css, mvc.post().uri("/houses/rooms/" + AddressFake.ROOM_502 + "/listing")
                .param("platform", "").param("url", "ftp://example.com/1").with(authentication(officer)).with(csrf())
                .exchange());
        write(dir, "house-guest-errors.html", css, mvc.post().uri("/houses/rooms/" + AddressFake.ROOM_502 + "/guests")
                .param("name", "赵1").param("idNumber", "340524198001010010").param("checkIn", "2026-13-01")
                .with(authentication(officer)).with(csrf()).exchange());
        write(dir, "ledger.html", css, mvc.get().uri("/houses").with(authentication(officer)).exchange());
        String[] header = {"地址编码", "房屋用途", "承租人姓名", "承租人证件号码", "租赁开始日期"};
        MvcTestResult upload = mvc.post().multipart().uri("/api/v1/imports/houses").with(authentication(officer))
                .with(csrf()).file(new MockMultipartFile("file", "房屋.xlsx", "application/octet-stream", xlsx(header,
                        new Object[]{AddressFake.ROOM_502, "网约房"},
                        new Object[]{AddressFake.ROOM_501, "出租", "周五", "340524198001010010", "2026-03-01"},
                        new Object[]{"R9X", "自住"},
                        new Object[]{AddressFake.ROOM_5_101, null},
                        new Object[]{AddressFake.ROOM_501, "出租", "吴六", Residents.idNumber(LocalDate.of(1991, 1, 1)), "3/1/26"})))
                .exchange();
        String id = com.jayway.jsonpath.JsonPath.read(upload.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id");
        write(dir, "import-report.html", css, mvc.get().uri("/houses/import/" + id).with(authentication(officer)).exchange());
    }

    private void put(Authentication who, String uri, String json) {
        mvc.put().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json).with(authentication(who)).with(csrf())
                .exchange();
    }

    private void post(Authentication who, String uri, String json) {
        mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json).with(authentication(who)).with(csrf())
                .exchange();
    }

    private static void write(Path dir, String file, String css, MvcTestResult r) throws Exception {
        String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8)
                .replace("<link rel=\"stylesheet\" href=\"/css/beatbook.css\">", "<style>" + css + "</style>")
                .replace("<link rel=\"stylesheet\" href=\"/css/housing.css\">", "");
        System.out.println("SNAPSHOT " + file + " " + r.getResponse().getStatus());
        Files.writeString(dir.resolve(file), html);
    }
}
