package org.beatbook;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.util.ApplicationModulesExporter;
import org.springframework.modulith.docs.Documenter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one architecture test: module boundaries hold, the module diagrams in docs/ are regenerated, and so is the
 * precomputed module list the application starts from.
 */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(BeatbookApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }

    /**
     * At start-up Spring Modulith needs the modules in dependency order to run each one's Flyway migrations. Computing
     * that with ArchUnit held the start back by ~5 s on two cores; with this file present (Spring Modulith's own
     * format, which its AOT processing would write) it reads the order from here instead. A new or re-wired module
     * changes the file: this test writes the new one and fails until it is committed, so the jar never ships a stale
     * order.
     */
    @Test
    void precomputedModuleListIsCurrent() throws Exception {
        Path file = Path.of("src/main/resources/META-INF/spring-modulith/application-modules.json");
        String current = canonical(new ApplicationModulesExporter(modules).toJson());
        String committed = Files.exists(file) ? canonical(Files.readString(file, StandardCharsets.UTF_8)) : "";
        if (!current.equals(committed)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, current, StandardCharsets.UTF_8);
        }
        assertThat(committed).as(file + " was out of date and has been rewritten: rebuild and commit it")
                .isEqualTo(current);
    }

    /**
     * The exporter lists each module's dependencies in hash order, which differs from run to run; what Spring Modulith
     * reads at start-up is the order of the modules (the top-level keys), which is stable. So: top-level order kept,
     * every array inside sorted, every nested object's fields sorted.
     */
    static String canonical(String json) {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = (ObjectNode) mapper.readTree(json);
        ObjectNode out = mapper.createObjectNode();
        for (String module : root.propertyNames()) {
            out.set(module, sorted(root.get(module), mapper));
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
    }

    private static JsonNode sorted(JsonNode node, JsonMapper mapper) {
        if (node.isObject()) {
            ObjectNode o = mapper.createObjectNode();
            new TreeSet<>(node.propertyNames()).forEach(f -> o.set(f, sorted(node.get(f), mapper)));
            return o;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(n -> items.add(sorted(n, mapper)));
            items.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode a = mapper.createArrayNode();
            items.forEach(a::add);
            return a;
        }
        return node;
    }
}
