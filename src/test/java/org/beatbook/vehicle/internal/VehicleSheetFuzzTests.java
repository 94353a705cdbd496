package org.beatbook.vehicle.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.beatbook.shared.spreadsheet.SheetColumn;
import org.beatbook.shared.spreadsheet.SheetRow;
import org.beatbook.vehicle.Plates;
import org.beatbook.vehicle.VehicleKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vehicle import's row parser under arbitrary cells: nothing but row problems naming a template column ever
 * comes out, and an accepted row is a canonical vehicle with a valid owner ID number. Runs as a Jazzer
 * {@link FuzzTest} (seeds in the normal suite, 20 s with JAZZER_FUZZ=1) and from a seeded generator of near-valid and
 * noisy rows in every run.
 */
class VehicleSheetFuzzTests {

    private static final int ITERATIONS = 20_000;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final VehicleSheet SHEET = new VehicleSheet(Map.of("机动车", VehicleKind.MOTOR,
            "电动自行车", VehicleKind.EBIKE, "蓝", PlateColor.BLUE, "黄绿", PlateColor.YELLOW_GREEN,
            "小型汽车", VehicleType.SMALL_CAR, "摩托车", VehicleType.MOTORCYCLE));
    private static final String ALPHABET = "0123456789ABCDEFIOXabcdef皖京粤·.- 　机动车电动自行蓝黄绿色（）()\t𠮷R";
    private static final String[] NEAR = {"机动车", "电动自行车", "电动车", "MOTOR", "ebike", "BUS", "皖A12345",
            "皖a·7k319", "皖AI2345", "京A12345D", "12345", "E2801160AAAA0001", "e2801160", "XYZ", "蓝", "蓝色", "BLUE",
            "紫", "小型汽车", "SMALL_CAR", "货车", "34052419800101001X", "340524198001010010", "340524800101001",
            "R1C1B3U2R501", "R1-C1", "雅迪", "白", "", " "};
    private static final Set<String> FIELDS = VehicleSheet.COLUMNS.stream().map(SheetColumn::field)
            .collect(Collectors.toSet());

    @FuzzTest(maxDuration = "20s")
    void sheetRowFuzz(FuzzedDataProvider data) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < VehicleSheet.COLUMNS.size(); i++) {
            cells.add(data.consumeBoolean() ? null : data.consumeString(40));
        }
        check(cells);
    }

    @Test
    void sheetRowsRandom() {
        Random random = new Random(36);
        for (int i = 0; i < ITERATIONS; i++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < VehicleSheet.COLUMNS.size(); c++) {
                int pick = random.nextInt(4);
                cells.add(pick == 0 ? null : pick == 1 ? noise(random, 24) : NEAR[random.nextInt(NEAR.length)]);
            }
            check(cells);
        }
    }

    @Test
    void aTypicalRowIsAcceptedAndCanonical() {
        VehicleSheet.ParsedRow r = SHEET.parse(new SheetRow(2, java.util.Arrays.asList("机动车", "皖a·7k319", "蓝色",
                "小型汽车", null, "大众", "白", "34052419800101001x", "r1c1b3u2r501")), TODAY);
        assertThat(r.problems()).isEmpty();
        assertThat(r.vehicle().plate()).isEqualTo("皖A7K319");
        assertThat(r.vehicle().plateColor()).isEqualTo(PlateColor.BLUE);
        assertThat(r.idNumber()).isEqualTo("34052419800101001X");
        assertThat(r.addressCode()).isEqualTo("R1C1B3U2R501");
    }

    private static void check(List<String> raw) {
        // the reader hands over stripped, non-empty cells or null
        List<String> cells = raw.stream().map(c -> c == null || c.strip().isEmpty() ? null : c.strip()).toList();
        VehicleSheet.ParsedRow r = SHEET.parse(new SheetRow(7, new ArrayList<>(cells)), TODAY);
        assertThat(r.row()).isEqualTo(7);
        r.problems().forEach(p -> {
            assertThat(p.row()).isEqualTo(7);
            assertThat(p.field()).isIn(FIELDS);
            assertThat(p.key()).matches("(vehicle|population|spreadsheet)\\.[A-Za-z.]+");
        });
        if (r.valid()) {
            assertThat(r.vehicle().kind()).isNotNull();
            assertThat(r.idNumber()).matches("[0-9]{17}[0-9X]");
            if (r.vehicle().kind() == VehicleKind.MOTOR) {
                assertThat(Plates.validMotorPlate(r.vehicle().plate())).isTrue();
                assertThat(r.vehicle().tag()).isNull();
            } else {
                assertThat(Plates.validTag(r.vehicle().tag())).isTrue();
                assertThat(r.vehicle().vehicleType()).isNull();
            }
            if (r.addressCode() != null) {
                assertThat(r.addressCode()).matches("[0-9A-Z]{1,40}");
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
