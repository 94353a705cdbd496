package org.beatbook.address.web;

import org.beatbook.address.AddressDemo;
import org.beatbook.address.AddressDemo.DemoTree;
import org.beatbook.address.AddressFixtures;
import org.beatbook.address.Workbooks;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Writes the address and home pages, rendered on the demo tree, as standalone HTML (CSS inlined) under
 * target/snapshots for screenshots with headless Chromium. Run with {@code -Dsnapshots=true}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@EnabledIfSystemProperty(named = "snapshots", matches = "true")
class PageSnapshots {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    AddressDemo demo;

    @Test
    void snapshots() throws Exception {
        DemoTree tree = demo.load(42);
        String communityPath = "34.3405.340524.340524100.340524100001";
        RequestPostProcessor officer = AddressFixtures.as(new org.beatbook.shared.security.Caller(7, "wang", "王警官",
                Role.COMMUNITY_OFFICER, java.util.List.of(tree.community()), new org.beatbook.shared.security.Scope(
                java.util.List.of(communityPath))));
        String building = tree.largeCompound() + "001";
        String unit = building + "01";
        save("home", mvc.get().uri("/").with(officer).exchange());
        save("roots", mvc.get().uri("/addresses").with(officer).exchange());
        save("community", mvc.get().uri("/addresses/{c}", tree.community()).with(officer).exchange());
        save("compound", mvc.get().uri("/addresses/{c}", tree.largeCompound()).with(officer).exchange());
        save("unit", mvc.get().uri("/addresses/{c}", unit).with(officer).exchange());
        save("place", mvc.get().uri("/addresses/{c}", tree.places().get(4)).with(officer).exchange());
        save("search", mvc.get().uri("/addresses/search?q=阳光").with(officer).exchange());
        save("move-cycle", mvc.post().uri("/addresses/{c}/move", building).param("parentCode", unit)
                .with(officer).with(csrf()).exchange());
        save("import", mvc.get().uri("/addresses/import").with(officer).exchange());
        byte[] file = Workbooks.xlsx(Workbooks.HEADER,
                new Object[]{null, tree.community(), "小区", "新城壹号"},
                new Object[]{"AB-1", tree.community(), "小区", "坏编码"},
                new Object[]{null, "ZZ1", "楼栋", "1号楼"},
                new Object[]{null, tree.community(), "场所", "新学校", "学校", 120.0, 118.1});
        MvcTestResult imported = mvc.post().uri("/addresses/import").multipart()
                .file(new MockMultipartFile("file", "地址.xlsx", "application/octet-stream", file))
                .with(officer).with(csrf()).exchange();
        save("import-report", mvc.get().uri(imported.getResponse().getRedirectedUrl()).with(officer).exchange());
        save("home-auditor", mvc.get().uri("/").with(AddressFixtures.as(Role.AUDITOR)).exchange());
    }

    private static void save(String name, MvcTestResult result) throws Exception {
        String css = Files.readString(Path.of("src/main/resources/static/css/beatbook.css"));
        String html = result.getResponse().getContentAsString()
                .replace("<link rel=\"stylesheet\" href=\"/css/beatbook.css\">", "<style>" + css + "</style>");
        Path out = Path.of("target/snapshots/" + name + ".html");
        Files.createDirectories(out.getParent());
        Files.writeString(out, html);
    }
}
