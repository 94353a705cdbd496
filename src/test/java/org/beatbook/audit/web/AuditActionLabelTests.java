package org.beatbook.audit.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action code the application records has a label on the audit page, in Chinese and in English. The codes are
 * read from the sources ({@link AuditActionScan}: its Javadoc says what it follows and what it refuses); a new
 * {@code AuditEvent} whose action the scan cannot work out fails here too, naming its file and line.
 */
class AuditActionLabelTests {

    static final Path SOURCES = Path.of("src/main/java");

    /** Recorded without appearing as an AuditEvent argument: AuditRecorder's stand-in for a null action. */
    static final Set<String> RECORDED_ELSEWHERE = Set.of("UNSPECIFIED");

    static final AuditActionScan.Result SCAN = AuditActionScan.scan(SOURCES);

    @Test
    void theScanFindsTheActionsOfEveryShape() {
        assertThat(SCAN.unresolved())
                .as("AuditEvent actions the scan cannot work out: write them as literals, or teach AuditActionScan")
                .isEmpty();
        assertThat(SCAN.codes().keySet())
                .as("literal, conditional, helper parameter (HouseRegistry.audit, Alerts.move)")
                .contains("PERSON_READ", "USER_ENABLED", "USER_DISABLED", "HOUSE_VERIFIED", "ALERT_CLOSED",
                        "ALERT_ACKNOWLEDGED", "OUTBOX_REQUEUED", "TOTP_ENROLLED", "AUDIT_SEARCHED")
                .hasSizeGreaterThan(60)
                .allSatisfy(code -> assertThat(code).matches("[A-Z][A-Z0-9_]*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages/audit.properties", "messages/audit_en.properties"})
    void everyRecordedActionHasALabel(String bundle) throws IOException {
        Properties labels = load(bundle);
        Set<String> codes = new TreeSet<>(SCAN.codes().keySet());
        codes.addAll(RECORDED_ELSEWHERE);
        List<String> missing = codes.stream()
                .filter(code -> labels.getProperty(AuditActions.LABEL_PREFIX + code, "").isBlank())
                .map(code -> AuditActions.LABEL_PREFIX + code + "   (" + SCAN.codes().getOrDefault(code, List.of()) + ")")
                .toList();
        assertThat(missing).as("labels missing from src/main/resources/" + bundle).isEmpty();
    }

    @Test
    void theChineseLabelsAreChineseAndTheEnglishOnesMatchThem() throws IOException {
        Properties zh = load("messages/audit.properties");
        Properties en = load("messages/audit_en.properties");
        Set<String> zhKeys = actionKeys(zh);
        assertThat(actionKeys(en)).isEqualTo(zhKeys);
        assertThat(zhKeys).allSatisfy(k -> assertThat(zh.getProperty(k)).as(k).containsPattern("\\p{IsHan}"));
        assertThat(AuditActions.KNOWN).as("the filter offers every labelled action, in code order")
                .hasSize(zhKeys.size()).isSorted().contains("PERSON_READ", "UNSPECIFIED");
    }

    @Test
    void theScanFollowsHelpersAndRefusesWhatItCannotKnow() {
        String helper = """
                class A {
                    // AuditEvent.success("IN_A_COMMENT", "X", null, null)
                    static final String CONSTANT = "FROM_CONSTANT";
                    void a(boolean on) {
                        events.publishEvent(new AuditEvent(CONSTANT, "X", null, null, null, Result.SUCCESS, null, null));
                        audit(on ? "ON" : "OFF", 1);
                        this.audit("VIA_THIS", 2);
                        String sql = \"""
                            AuditEvent.success("IN_A_TEXT_BLOCK"
                            \""";
                    }
                    private void audit(String action, int n) {
                        events.publishEvent(AuditEvent.success(action, "X", null, null).withDetail("n=" + n));
                    }
                }
                """;
        String dynamic = """
                class B {
                    void b(String kind) {
                        events.publishEvent(AuditEvent.success("B_" + kind, "X", null, null));
                        events.publishEvent(AuditEvent.success(kind.toUpperCase(), "X", null, null));
                    }
                }
                """;
        AuditActionScan.Result r = AuditActionScan.scan(Map.of("A.java", helper, "B.java", dynamic));
        assertThat(r.codes().keySet()).containsExactlyInAnyOrder("FROM_CONSTANT", "ON", "OFF", "VIA_THIS");
        assertThat(r.unresolved()).extracting(AuditActionScan.Site::line).containsExactlyInAnyOrder(3, 4);
        assertThat(r.unresolved()).extracting(AuditActionScan.Site::argument)
                .containsExactlyInAnyOrder("\"B_\" + kind", "kind.toUpperCase()");
    }

    private static Set<String> actionKeys(Properties p) {
        Set<String> keys = new TreeSet<>(p.stringPropertyNames());
        keys.removeIf(k -> !k.startsWith(AuditActions.LABEL_PREFIX));
        return keys;
    }

    private static Properties load(String bundle) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources", bundle), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
