package org.beatbook;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.util.ApplicationModulesExporter;
import org.springframework.modulith.docs.Documenter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    /**
     * The Documenter lists a diagram's components and relationships, and a canvas's bullet points, in hash order, which
     * differs from run to run. So it writes into {@code target/} and each file is brought into one order
     * ({@link #canonicalDoc}) and copied to {@code docs/modules} only when that changes it: a run that changed no module
     * leaves the working tree clean. Files of modules that are gone are removed, as the Documenter's own clean did.
     */
    @Test
    void writesModuleDocumentation() throws IOException {
        Path generated = Path.of("target/spring-modulith-docs/modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Path docs = Files.createDirectories(Path.of("docs/modules"));
        Set<String> written = new TreeSet<>();
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                // FileWriter in the Documenter writes in the platform charset
                String content = canonicalDoc(name, Files.readString(file, Charset.defaultCharset()));
                Path target = docs.resolve(name);
                if (!Files.exists(target) || !Files.readString(target, StandardCharsets.UTF_8).equals(content)) {
                    Files.writeString(target, content, StandardCharsets.UTF_8);
                }
                written.add(name);
            }
        }
        try (Stream<Path> files = Files.list(docs)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if ((name.endsWith(".puml") || name.endsWith(".adoc")) && !written.contains(name)) {
                    Files.delete(file);
                }
            }
        }
        assertThat(written).contains("components.puml", "module-audit.puml", "module-audit.adoc");
    }

    @Test
    void moduleDocsComeOutTheSameWhateverOrderTheDocumenterPicked() {
        String head = "System_Boundary(\"b\", \"B\", $tags=\"\") {\n";
        String address = "  Component(B.Address, \"Address\")\n";
        String audit = "  Component(B.Audit, \"Audit\")\n";
        String uses = "Rel(B.Address, B.Shared, \"uses\")\n";
        String listens = "Rel(B.Audit, B.Shared, \"listens to\")\n";
        String legend = "\nSHOW_LEGEND(true)\n";
        String sorted = head + address + audit + "}\n\n" + uses + listens + legend;
        String hashOrder = head + audit + address + "}\n\n" + listens + uses + legend;
        assertThat(canonicalDoc("components.puml", hashOrder)).isEqualTo(sorted);
        assertThat(canonicalDoc("components.puml", sorted)).isEqualTo(sorted);

        String canvas = """
                |Bean references
                |* `o.b.v.VehicleRegistry` (in Vehicle) -- Vehicles.
                * `o.b.a.AddressApi` (in Address) -- Addresses.
                |Events listened to
                |* `o.b.a.AddressNodeRenamed`
                |===
                """;
        assertThat(canonicalDoc("module-x.adoc", canvas)).isEqualTo("""
                |Bean references
                |* `o.b.a.AddressApi` (in Address) -- Addresses.
                * `o.b.v.VehicleRegistry` (in Vehicle) -- Vehicles.
                |Events listened to
                |* `o.b.a.AddressNodeRenamed`
                |===
                """);
    }

    private static final Pattern STATEMENT = Pattern.compile("^(\\s*\\w+)\\(");

    /**
     * One order for a generated module document. In a PlantUML file each run of consecutive statements of one kind at
     * one indentation ({@code Component(…)}, {@code Rel(…)}) is sorted; in an AsciiDoc canvas each bullet list (a run
     * of {@code * } lines, the first of which may open the table cell with {@code |}) is sorted. Everything else, the
     * order of the table rows included, stays as written. A bullet item spanning several lines would stop its list's
     * sort at the second line (the Documenter writes none today).
     */
    static String canonicalDoc(String fileName, String content) {
        List<String> lines = new ArrayList<>(content.lines().toList());
        boolean puml = fileName.endsWith(".puml");
        int i = 0;
        while (i < lines.size()) {
            String key = puml ? statementKind(lines.get(i)) : bulletStart(lines.get(i));
            int end = i + 1;
            while (key != null && end < lines.size()
                    && (puml ? key.equals(statementKind(lines.get(end))) : lines.get(end).startsWith("* "))) {
                end++;
            }
            if (end - i > 1) {
                List<String> run = lines.subList(i, end);
                boolean cell = !puml && run.get(0).startsWith("|");
                if (cell) {
                    run.set(0, run.get(0).substring(1));
                }
                Collections.sort(run);
                if (cell) {
                    run.set(0, "|" + run.get(0));
                }
            }
            i = end;
        }
        return String.join("\n", lines) + "\n";
    }

    private static String statementKind(String line) {
        Matcher m = STATEMENT.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    private static String bulletStart(String line) {
        return line.startsWith("* ") || line.startsWith("|* ") ? "*" : null;
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
