package org.beatbook.vehicle.web;

import com.jayway.jsonpath.JsonPath;
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
 * Not a test: with {@code -Dbeatbook.screenshots=true} writes the vehicle import form, a vehicle import report with
 * errors and the hotlist page with its upload, rendered with the CSS inlined, to {@code target/screens/} for a
 * headless-browser screenshot.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
@EnabledIfSystemProperty(named = "beatbook.screenshots", matches = "true")
class VehicleImportPageSnapshots {

    @Autowired MockMvcTester mvc;

    @Test
    void writePages() throws Exception {
        Authentication officer = Residents.signedIn(Role.COMMUNITY_OFFICER);
        Residents.Body owner = Residents.tenant();
        mvc.post().uri("/api/v1/persons").contentType(MediaType.APPLICATION_JSON).content(owner.json())
                .with(authentication(officer)).with(csrf()).exchange();
        String css = Files.readString(Path.of("src/main/resources/static/css/beatbook.css"))
                + Files.readString(Path.of("src/main/resources/static/css/vehicle.css"))
                + Files.readString(Path.of("src/main/resources/static/css/alert.css"));
        Path dir = Files.createDirectories(Path.of("target/screens"));
        write(dir, "vehicle-import.html", css, mvc.get().uri("/vehicles/import").header("Accept-Language", "zh-CN")
                .with(authentication(officer)).exchange());
        write(dir, "vehicle-import-bad-file.html", css, mvc.post().multipart().uri("/vehicles/import")
                .file(new MockMultipartFile("file", "vehicles.xlsx", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "zh-CN").with(authentication(officer)).with(csrf()).exchange());
        Object[] header = {"车辆类型（机动车/电动自行车）", "号牌号码", "号牌颜色", "车辆种类", "电子标签（RFID）", "品牌",
                "车身颜色", "车主公民身份号码", "地址编码"};
        MvcTestResult upload = mvc.post().multipart().uri("/api/v1/imports/vehicles").with(authentication(officer))
                .with(csrf()).file(new MockMultipartFile("file", "小区车辆登记.xlsx", "application/octet-stream", xlsx(header,
                        new Object[]{"机动车", "皖A7K319", "蓝", "小型汽车", null, "大众", "白", owner.idNumber(), null},
                        new Object[]{"电动自行车", null, null, null, "E2801160CAFE0001", "雅迪", "蓝", owner.idNumber(), null},
                        new Object[]{"机动车", "皖AI2345", "蓝", null, null, null, null, owner.idNumber(), null},
                        new Object[]{"电动自行车", null, null, null, "E2801160CAFE0002", null, null,
                                Residents.idNumber(LocalDate.of(1970, 1, 1)), null},
                        new Object[]{null, "皖A12345", "紫", null, null, null, null, owner.idNumber(), null},
                        new Object[]{"机动车", "皖A7K319", "蓝", "小型汽车", null, "大众", "白", owner.idNumber(), null},
                        new Object[]{"电动自行车", null, null, null, "E2801160CAFE0003", null, null, owner.idNumber(),
                                AddressFake.ROOM_502})))
                .exchange();
        String id = JsonPath.read(upload.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id");
        write(dir, "vehicle-import-report.html", css, mvc.get().uri("/vehicles/import/" + id)
                .header("Accept-Language", "zh-CN").with(authentication(officer)).exchange());
        write(dir, "hotlist-upload.html", css, mvc.get().uri("/hotlist").header("Accept-Language", "zh-CN")
                .with(authentication(officer)).exchange());
    }

    private static void write(Path dir, String file, String css, MvcTestResult r) throws Exception {
        String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8)
                .replace("<link rel=\"stylesheet\" href=\"/css/beatbook.css\">", "<style>" + css + "</style>")
                .replaceAll("<link rel=\"stylesheet\" href=\"/css/(vehicle|alert)\\.css\">", "");
        System.out.println("SNAPSHOT " + file + " " + r.getResponse().getStatus());
        Files.writeString(dir.resolve(file), html);
    }
}
