package org.beatbook.device.web;

import org.beatbook.address.AddressFixtures;
import org.beatbook.address.internal.AddressService;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.Devices;
import org.beatbook.device.internal.DeviceRegistry;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.beatbook.device.Devices.batch;
import static org.beatbook.device.Devices.heartbeat;
import static org.beatbook.device.Devices.vehicle;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Not a test: with {@code -Dbeatbook.screenshots=true} writes the device pages, with a few devices that reported,
 * and the CSS inlined, to {@code target/screens/} for a headless-browser screenshot.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EnabledIfSystemProperty(named = "beatbook.screenshots", matches = "true")
class DevicePageSnapshots {

    @Autowired MockMvcTester mvc;
    @Autowired AddressService addresses;
    @Autowired DeviceRegistry registry;

    @Test
    void writePages() throws Exception {
        AddressFixtures.Tree tree = AddressFixtures.tree(addresses);
        var camera = Devices.register(registry, tree, tree.compound(), DeviceKind.PLATE_CAMERA, true);
        Devices.register(registry, tree, tree.compound(), DeviceKind.ACCESS_CONTROLLER, false);
        var reader = Devices.register(registry, tree, tree.otherCompound(), DeviceKind.EBIKE_READER, true);
        Instant now = Instant.now();
        for (var d : new String[]{camera.credentials().token(), reader.credentials().token()}) {
            mvc.post().uri("/api/v1/device-events").contentType(MediaType.APPLICATION_JSON)
                    .header("Authorization", "Bearer " + d)
                    .content(batch(vehicle("a1", "皖E12345", now.minusSeconds(40)), vehicle("a2", "皖E54321", now),
                            heartbeat("h1", now))).exchange();
        }
        var officer = AddressFixtures.as(Role.COMMUNITY_OFFICER, tree.path());
        String css = Files.readString(Path.of("src/main/resources/static/css/beatbook.css"))
                + Files.readString(Path.of("src/main/resources/static/css/device.css"));
        Path dir = Files.createDirectories(Path.of("target/screens"));
        write(dir, "devices.html", css, mvc.get().uri("/devices").with(officer).exchange());
        write(dir, "devices-errors.html", css, mvc.post().uri("/devices").param("name", "")
                .param("kind", "PLATE_CAMERA").param("nodeCode", "NOPE").with(officer).with(csrf()).exchange());
        write(dir, "device-credentials.html", css, mvc.post().uri("/devices").param("name", "北门车牌识别")
                .param("kind", "PLATE_CAMERA").param("nodeCode", tree.compound()).param("gat1400", "true")
                .with(officer).with(csrf()).exchange());
    }

    private static void write(Path dir, String file, String css, MvcTestResult r) throws Exception {
        String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8)
                .replace("<link rel=\"stylesheet\" href=\"/css/beatbook.css\">", "<style>" + css + "</style>")
                .replace("<link rel=\"stylesheet\" href=\"/css/device.css\">", "");
        System.out.println("SNAPSHOT " + file + " " + r.getResponse().getStatus());
        Files.writeString(dir.resolve(file), html);
    }
}
