package org.beatbook.housing.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.beatbook.housing.internal.HouseRequests.HouseBody;
import org.beatbook.housing.internal.HouseRequests.TenancyBody;
import org.beatbook.housing.internal.HouseRequests.VerificationBody;
import org.beatbook.shared.spreadsheet.SheetColumn;
import org.beatbook.shared.spreadsheet.SheetRow;
import org.beatbook.shared.web.InvalidInput;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import row parser and the JSON bodies under arbitrary input: nothing but a reported problem (a row problem
 * naming a template column, or an {@link InvalidInput} naming a body field) ever comes out, and what is accepted is
 * normalised. Each target runs as a Jazzer {@link FuzzTest} (seeds in the normal suite, 20 s with JAZZER_FUZZ=1) and
 * from a seeded generator for a bounded number of near-valid and noisy inputs in every run.
 */
class HouseParserFuzzTests {

    private static final int ITERATIONS = 20_000;
    private static final String ALPHABET = "0123456789Xx -/.年月日出租自住网约房空置王李明建国ZL#　１２\t𠮷abcE";
    private static final String[] NEAR = {"34052419800101001X", "340524198001010010", "2026-03-01", "2026/3/1",
            "2026-13-01", "出租", "网约房", "RENTED", "正常", "异常", "13955550101", "1395555010", "R1C1B3U2R501",
            "E12345678", "ZL-2026-01", "王建国", "", " "};
    private static final Set<String> FIELDS = HouseSheet.COLUMNS.stream().map(SheetColumn::field)
            .collect(Collectors.toSet());
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @FuzzTest(maxDuration = "20s")
    void sheetRowFuzz(FuzzedDataProvider data) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < HouseSheet.COLUMNS.size(); i++) {
            cells.add(data.consumeBoolean() ? null : data.consumeString(40));
        }
        checkRow(cells);
    }

    @FuzzTest(maxDuration = "20s")
    void jsonBodyFuzz(FuzzedDataProvider data) {
        checkBodies(data.consumeRemainingAsString());
    }

    @Test
    void sheetRowsRandom() {
        Random random = new Random(11643);
        for (int i = 0; i < ITERATIONS; i++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < HouseSheet.COLUMNS.size(); c++) {
                int pick = random.nextInt(4);
                cells.add(pick == 0 ? null : pick == 1 ? noise(random, 24) : NEAR[random.nextInt(NEAR.length)]);
            }
            checkRow(cells);
        }
    }

    @Test
    void jsonBodiesRandom() {
        Random random = new Random(4761);
        String[] keys = {"usage", "ownerPersonId", "ownerName", "ownerIdNumber", "ownerPhone", "landlordPhone",
                "tenantName", "tenantIdNumber", "startDate", "endDate", "contractNumber", "result", "note", "x"};
        for (int i = 0; i < ITERATIONS / 4; i++) {
            StringBuilder b = new StringBuilder("{");
            int n = random.nextInt(5);
            for (int k = 0; k < n; k++) {
                if (k > 0) {
                    b.append(',');
                }
                b.append('"').append(keys[random.nextInt(keys.length)]).append("\":");
                b.append(switch (random.nextInt(4)) {
                    case 0 -> String.valueOf(random.nextInt(2000) - 1000);
                    case 1 -> "null";
                    case 2 -> "\"" + NEAR[random.nextInt(NEAR.length)] + "\"";
                    default -> "\"" + noise(random, 12).replace("\\", "").replace("\"", "") + "\"";
                });
            }
            checkBodies(random.nextInt(20) == 0 ? noise(random, 30) : b.append('}').toString());
        }
    }

    private static void checkRow(List<String> cells) {
        SheetRow row = new SheetRow(7, cells);
        HouseSheet.ParsedRow r = HouseSheet.parse(row, HouseInputTests.USAGES, HouseInputTests.TODAY);
        assertThat(r.row()).isEqualTo(7);
        r.problems().forEach(p -> {
            assertThat(p.row()).isEqualTo(7);
            assertThat(p.field()).isIn(FIELDS);
            assertThat(p.key()).matches("(housing|population)\\.[A-Za-z.]+");
        });
        if (r.ok()) {
            assertThat(r.addressCode()).matches("[0-9A-Z]{1,40}");
            assertThat(r.house().usage()).isNotNull();
            if (r.tenancy() != null) {
                assertThat(r.tenancy().tenantName()).isNotBlank();
                assertThat(r.tenancy().tenantDocument()).doesNotContain(" ").isNotBlank();
                assertThat(r.tenancy().startDate()).isNotNull();
            }
            if (r.verification() != null) {
                assertThat(r.verification().verifiedOn()).isBeforeOrEqualTo(HouseInputTests.TODAY);
            }
        }
    }

    private static void checkBodies(String text) {
        for (Class<?> type : List.of(HouseBody.class, TenancyBody.class, VerificationBody.class)) {
            Object body;
            try {
                body = JSON.readValue(text, type);
            } catch (JacksonException e) {
                continue; // the problem handler answers 400 naming the field
            }
            try {
                if (body instanceof HouseBody h) {
                    HouseInput.house(h, HouseInputTests.USAGES, HouseInputTests.TODAY);
                } else if (body instanceof TenancyBody t) {
                    HouseInput.tenancy(t, HouseInputTests.TODAY);
                } else if (body instanceof VerificationBody v) {
                    HouseInput.verification(v, HouseInputTests.TODAY);
                }
            } catch (InvalidInput e) {
                assertThat(e.violations()).isNotEmpty().allSatisfy(v -> assertThat(v.field()).isNotBlank());
            }
        }
    }

    private static String noise(Random random, int max) {
        int n = random.nextInt(max + 1);
        StringBuilder b = new StringBuilder();
        int count = ALPHABET.codePointCount(0, ALPHABET.length());
        for (int i = 0; i < n; i++) {
            b.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, random.nextInt(count))));
        }
        return b.toString();
    }
}
