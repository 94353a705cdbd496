package org.beatbook;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.util.ApplicationModulesExporter;
import org.springframework.modulith.docs.Documenter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
        String current = new ApplicationModulesExporter(modules).toJson();
        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (!current.equals(committed)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, current, StandardCharsets.UTF_8);
        }
        assertThat(committed).as(file + " was out of date and has been rewritten: rebuild and commit it")
                .isEqualTo(current);
    }
}
