package org.beatbook.population.web;

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
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Not a test: with {@code -Dbeatbook.screenshots=true} writes the population pages, rendered with a few residents
 * and the CSS inlined, to {@code target/screens/} for a headless-browser screenshot.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
@EnabledIfSystemProperty(named = "beatbook.screenshots", matches = "true")
class PopulationPageSnapshots {

    @Autowired MockMvcTester mvc;

    @Test
    void writePages() throws Exception {
        Authentication officer = Residents.signedIn(Role.COMMUNITY_OFFICER);
        long id = 0;
        for (String[] p : new String[][]{{"江浩", "34052419800101001X", "13812341234", AddressFake.ROOM_501, "OWNER"},
                {"曾小明", Residents.idNumber(java.time.LocalDate.of(1992, 3, 8)), "13987654321", AddressFake.ROOM_501, "TENANT"},
                {"单雪", Residents.idNumber(java.time.LocalDate.of(1958, 11, 20)), "13700001111", AddressFake.ROOM_502, "OWNER"}}) {
            MvcTestResult r = mvc.post().uri("/api/v1/persons").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"idNumber\":\"" + p[1] + "\",\"name\":\"" + p[0] + "\",\"phone\":\"" + p[2]
                            + "\",\"addressCode\":\"" + p[3] + "\",\"residenceType\":\"" + p[4] + "\",\"tags\":[\"独居老人\"]}")
                    .with(authentication(officer)).with(csrf()).exchange();
            if (id == 0) {
                id = ((Number) com.jayway.jsonpath.JsonPath.read(r.getResponse().getContentAsString(StandardCharsets.UTF_8),
                        "$.person.id")).longValue();
            }
        }
        mvc.post().uri("/api/v1/persons/" + id + "/residences").contentType(MediaType.APPLICATION_JSON)
                .content("{\"addressCode\":\"" + AddressFake.ROOM_5_101 + "\",\"residenceType\":\"OWNER\",\"moveInDate\":\"2015-05-01\"}")
                .with(authentication(officer)).with(csrf()).exchange();

        String css = Files.readString(Path.of("src/main/resources/static/css/beatbook.css"))
                + Files.readString(Path.of("src/main/resources/static/css/population.css"));
        Path dir = Files.createDirectories(Path.of("target/screens"));
        write(dir, "intake.html", css, mvc.get().uri("/intake?node=R1C1B3").with(authentication(officer)).exchange());
        write(dir, "intake-room.html", css, mvc.get().uri("/intake?node=" + AddressFake.ROOM_502)
                .with(authentication(officer)).exchange());
        write(dir, "intake-duplicate.html", css, mvc.post().uri("/intake").with(authentication(officer)).with(csrf())
                .param("addressCode", AddressFake.ROOM_502).param("idNumber", "34052419800101001X").param("name", "江浩")
                .param("phone", "13812341234").param("residenceType", "TENANT").exchange());
        write(dir, "intake-errors.html", css, mvc.post().uri("/intake").with(authentication(officer)).with(csrf())
                .param("addressCode", AddressFake.ROOM_502).param("idNumber", "340524198001010010").param("name", "")
                .param("phone", "1381234").param("residenceType", "TENANT").exchange());
        write(dir, "search.html", css, mvc.get().uri("/persons?q=jh").with(authentication(officer)).exchange());
        write(dir, "person.html", css, mvc.get().uri("/persons/" + id).with(authentication(officer)).exchange());
        write(dir, "person-revealed.html", css, mvc.post().uri("/persons/" + id + "/reveal").param("purpose", "入户核查")
                .with(authentication(officer)).with(csrf()).exchange());
        write(dir, "room.html", css, mvc.get().uri("/persons/rooms/" + AddressFake.ROOM_501).with(authentication(officer)).exchange());
    }

    private static void write(Path dir, String file, String css, MvcTestResult r) throws Exception {
        String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8)
                .replace("<link rel=\"stylesheet\" href=\"/css/beatbook.css\">", "<style>" + css + "</style>")
                .replace("<link rel=\"stylesheet\" href=\"/css/population.css\">", "");
        System.out.println("SNAPSHOT " + file + " " + r.getResponse().getStatus());
        Files.writeString(dir.resolve(file), html);
    }
}
