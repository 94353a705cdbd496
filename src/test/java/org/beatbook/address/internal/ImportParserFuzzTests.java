package org.beatbook.address.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.PlaceCategory;
import org.beatbook.address.Workbooks;
import org.beatbook.address.internal.AddressSheetReader.RawRow;
import org.beatbook.shared.web.InvalidInput;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import parser on hostile input: any bytes end as rows or as a 400 on {@code file}, and any cell text ends as
 * a typed row or as problems naming a column — never another exception. Jazzer fuzzes with JAZZER_FUZZ=1; the
 * seeded tests below run a bounded random campaign of the same targets in every build.
 */
class ImportParserFuzzTests {

    static {
        org.beatbook.address.FuzzInstrumentation.limitToParsers();
    }

    static final ImportRowParser PARSER = new ImportRowParser(
            Map.of("户室", AddressLevel.ROOM, "小区", AddressLevel.COMPOUND, "场所", AddressLevel.PLACE),
            Map.of("学校", PlaceCategory.SCHOOL));
    static final String[] CELLS = {"", " ", "340524", "3405241000010", "34-01", "户室", "小区", "场所", "ROOM", "place",
            "学校", "SCHOOL", "31.7", "-91", "1e308", "NaN", "Infinity", "0x1p3", "阳光新城", "\u0000", "ｘ", "编码",
            "上级编码", "层级", "名称", "a".repeat(200), "１２３"};

    @FuzzTest(maxDuration = "20s")
    void anyBytes(byte[] data) {
        readBytes(data);
    }

    @FuzzTest(maxDuration = "20s")
    void anyCells(FuzzedDataProvider data) {
        int rows = data.consumeInt(0, 8);
        Object[][] sheet = new Object[rows + 1][];
        sheet[0] = data.consumeBoolean() ? Workbooks.HEADER : new Object[]{data.consumeString(10), "上级编码", "层级", "名称"};
        for (int r = 1; r <= rows; r++) {
            Object[] row = new Object[7];
            for (int c = 0; c < 7; c++) {
                row[c] = data.consumeBoolean() ? (Object) data.consumeString(30) : (Object) data.consumeDouble();
            }
            sheet[r] = row;
        }
        readWorkbook(Workbooks.xlsx(sheet));
    }

    @Test
    void seededRandomBytes() {
        Random random = new Random(7);
        byte[] valid = Workbooks.xlsx(Workbooks.HEADER, new Object[]{"1", "2", "小区", "x"});
        for (int i = 0; i < 150; i++) {
            byte[] data = valid.clone();
            int flips = 1 + random.nextInt(20);
            for (int f = 0; f < flips; f++) {
                data[random.nextInt(data.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(5) == 0) {
                data = java.util.Arrays.copyOf(data, random.nextInt(data.length));
            }
            readBytes(data);
        }
    }

    @Test
    void seededRandomCells() {
        Random random = new Random(11);
        for (int i = 0; i < 60; i++) {
            int rows = random.nextInt(20);
            Object[][] sheet = new Object[rows + 1][];
            sheet[0] = Workbooks.HEADER;
            for (int r = 1; r <= rows; r++) {
                Object[] row = new Object[7];
                for (int c = 0; c < 7; c++) {
                    int pick = random.nextInt(CELLS.length + 3);
                    row[c] = pick < CELLS.length ? CELLS[pick]
                            : pick == CELLS.length ? (Object) (random.nextDouble() * 400 - 200) : null;
                }
                sheet[r] = row;
            }
            List<RawRow> read = readWorkbook(Workbooks.xlsx(sheet));
            assertThat(read.size()).isLessThanOrEqualTo(rows);
        }
    }

    @Test
    void tooManyRowsIsA400() {
        Object[][] sheet = new Object[12][];
        sheet[0] = Workbooks.HEADER;
        for (int r = 1; r < sheet.length; r++) {
            sheet[r] = new Object[]{null, "34", "市", "x" + r};
        }
        Path file = write(Workbooks.xlsx(sheet));
        try {
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInput.class,
                    () -> AddressSheetReader.read(file, 10)).violations().get(0).messageKey())
                    .isEqualTo("spreadsheet.error.tooManyRows");
            assertThat(AddressSheetReader.read(file, 11)).hasSize(11);
        } finally {
            delete(file);
        }
    }

    @Test
    void codesTypedAsNumbersComeBackAsTyped() {
        Path file = write(Workbooks.xlsx(Workbooks.HEADER, new Object[]{340524100001001L, 340524100001L, "小区", "x", null, 31.7123456, 118.1}));
        try {
            RawRow row = AddressSheetReader.read(file, 10).get(0);
            assertThat(row.get(AddressSheetReader.Column.CODE)).isEqualTo("340524100001001");
            assertThat(row.get(AddressSheetReader.Column.PARENT_CODE)).isEqualTo("340524100001");
            assertThat(row.get(AddressSheetReader.Column.LATITUDE)).isEqualTo("31.7123456");
            assertThat(row.row()).isEqualTo(2);
        } finally {
            delete(file);
        }
    }

    private static void readBytes(byte[] data) {
        Path file = write(data);
        try {
            List<RawRow> rows = AddressSheetReader.read(file, 1000);
            rows.forEach(ImportParserFuzzTests::parse);
        } catch (InvalidInput e) {
            assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("file"));
        } finally {
            delete(file);
        }
    }

    private static List<RawRow> readWorkbook(byte[] xlsx) {
        Path file = write(xlsx);
        try {
            List<RawRow> rows = AddressSheetReader.read(file, 1000);
            rows.forEach(ImportParserFuzzTests::parse);
            return rows;
        } catch (InvalidInput e) {
            assertThat(e.violations().get(0).field()).isEqualTo("file");
            return List.of();
        } finally {
            delete(file);
        }
    }

    private static void parse(RawRow raw) {
        ImportRowParser.ParsedRow row = PARSER.parse(raw);
        if (row.ok()) {
            assertThat(row.parentCode()).matches("[0-9A-Z]{1,40}");
            assertThat(row.level()).isNotNull();
            assertThat(row.name()).isNotBlank().hasSizeLessThanOrEqualTo(100);
            assertThat(AddressRules.validLatitude(row.latitude()) && AddressRules.validLongitude(row.longitude())).isTrue();
        } else {
            assertThat(row.problems()).allSatisfy(p -> {
                assertThat(p.row()).isEqualTo(raw.row());
                assertThat(p.column()).isIn("code", "parentCode", "level", "name", "category", "latitude", "longitude");
            });
        }
    }

    private static Path write(byte[] data) {
        try {
            Path file = Files.createTempFile("fuzz", ".xlsx");
            Files.write(file, data);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
