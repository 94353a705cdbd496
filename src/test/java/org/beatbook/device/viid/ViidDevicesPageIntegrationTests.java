package org.beatbook.device.viid;

import org.beatbook.address.AddressFixtures;
import org.beatbook.address.internal.AddressService;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.Devices;
import org.beatbook.device.internal.DeviceRegistry;
import org.beatbook.device.internal.DeviceViews.IssuedDevice;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GA/T 1400 registrations and subscriptions of real registry devices over real HTTP, as the device page shows them:
 * within the caller's jurisdiction only, subscriptions active or cancelled (when, how, why), and still there after the
 * instance forgets what it knew (a restart).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ViidDevicesPageIntegrationTests {

    @Autowired AddressService addresses;
    @Autowired DeviceRegistry registry;
    @Autowired ViidRegistrations registrations;
    @Autowired MockMvcTester mvc;
    @LocalServerPort int port;

    String page(AddressFixtures.Tree tree) {
        MvcTestResult r = mvc.get().uri("/devices").with(AddressFixtures.as(Role.COMMUNITY_OFFICER, tree.communityPath()))
                .exchange();
        assertThat(r).hasStatusOk();
        return new String(r.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void theDevicePageShowsWhoIsRegisteredAndTheSubscriptionsOfTheJurisdictionWithTheirState() throws Exception {
        AddressFixtures.Tree tree = AddressFixtures.tree(addresses);
        IssuedDevice camera = Devices.register(registry, tree, tree.compound(), DeviceKind.PLATE_CAMERA, true);
        IssuedDevice silent = Devices.register(registry, tree, tree.otherCompound(), DeviceKind.PLATE_CAMERA, true);
        String viid = camera.credentials().viidDeviceId();
        ViidClient c = new ViidClient(port, viid);
        assertThat(c.register("/VIID/System/Register", camera.credentials().viidPassword()).statusCode()).isEqualTo(200);
        HttpResponse<String> sub = c.post("/VIID/Subscribes", "{\"SubscribeListObject\":{\"SubscribeObject\":["
                + "{\"SubscribeID\":\"SUB-" + viid + "\",\"Title\":\"机动车过车订阅\",\"SubscribeDetail\":\"13\","
                + "\"ReceiveAddr\":\"http://10.2.2.2:8120/VIID/SubscribeNotifications\",\"EndTime\":\"20991231235959\"},"
                + "{\"SubscribeID\":\"OLD-" + viid + "\",\"Title\":\"过期订阅\",\"BeginTime\":\"20250101000000\","
                + "\"EndTime\":\"20250102000000\"}]}}");
        assertThat(sub.statusCode()).isEqualTo(200);
        assertThat(c.post("/VIID/Subscribes", "{\"SubscribeListObject\":{\"SubscribeObject\":["
                + "{\"SubscribeID\":\"GONE-" + viid + "\",\"Title\":\"非机动车订阅\"},"
                + "{\"SubscribeID\":\"DEL-" + viid + "\",\"Title\":\"临时订阅\"}]}}").statusCode()).isEqualTo(200);
        assertThat(c.put("/VIID/Subscribes/GONE-" + viid, "{\"SubscribeObject\":{\"SubscribeCancelOrg\":\"县公安局\","
                + "\"SubscribeCancelPerson\":\"李四\",\"CancelReason\":\"平台迁移\",\"OperateType\":1}}").statusCode())
                .isEqualTo(200);
        assertThat(c.delete("/VIID/Subscribes?IDList=DEL-" + viid).statusCode()).isEqualTo(200);
        registrations.forget(); // as after a restart: the page reads the database

        String html = page(tree);
        assertThat(html).contains("GA/T 1400 已注册", viid, "机动车过车订阅", "SUB-" + viid,
                "http://10.2.2.2:8120/VIID/SubscribeNotifications");
        assertThat(html).as("an active subscription comes first and says so")
                .containsSubsequence("机动车过车订阅", "订阅中", "临时订阅", "已取消", "（批量删除订阅）", "取消原因", "—",
                        "非机动车订阅", "已取消", "（取消订阅请求）", "平台迁移", "县公安局 李四");
        assertThat(html).as("a subscription ended long ago is not shown").doesNotContain("OLD-" + viid);
        assertThat(html.split("GA/T 1400 已注册", -1).length - 1)
                .as("the registered camera's badge and its registration; nothing for the one that never registered")
                .isEqualTo(2);
        assertThat(html).contains(silent.credentials().viidDeviceId());

        if ("true".equals(System.getProperty("beatbook.screenshots"))) { // for a headless-browser screenshot
            String css = Files.readString(Path.of("src/main/resources/static/css/beatbook.css"))
                    + Files.readString(Path.of("src/main/resources/static/css/device.css"));
            Files.writeString(Files.createDirectories(Path.of("target/screens")).resolve("devices-viid.html"), html
                    .replace("<link rel=\"stylesheet\" href=\"/css/beatbook.css\">", "<style>" + css + "</style>")
                    .replace("<link rel=\"stylesheet\" href=\"/css/device.css\">", ""));
        }

        AddressFixtures.Tree elsewhere = AddressFixtures.tree(addresses);
        assertThat(page(elsewhere)).as("another jurisdiction").doesNotContain(viid, "SUB-" + viid);

        assertThat(c.register("/VIID/System/UnRegister", camera.credentials().viidPassword()).statusCode()).isEqualTo(200);
        assertThat(page(tree)).contains("GA/T 1400 已注销").doesNotContain("GA/T 1400 已注册");
    }
}
