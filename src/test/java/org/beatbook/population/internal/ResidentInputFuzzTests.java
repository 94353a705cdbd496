package org.beatbook.population.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.beatbook.population.internal.PersonRequests.NewPerson;
import org.beatbook.population.internal.PersonRequests.PersonChange;
import org.beatbook.population.internal.ResidentSheet.ParsedRow;
import org.beatbook.shared.spreadsheet.RowProblem;
import org.beatbook.shared.spreadsheet.SheetColumn;
import org.beatbook.shared.spreadsheet.SheetRow;
import org.beatbook.shared.web.InvalidInput;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resident import's row parser and the persons API's JSON bodies on hostile input. A row either becomes a
 * registration or a list of problems, each naming a template column (never an exception); a body either binds and
 * passes the gate's rules, or fails as Jackson's problem or as {@link InvalidInput} naming its fields. Each target
 * runs as a Jazzer {@link FuzzTest} (seeds in the normal suite, 20 s of fuzzing with JAZZER_FUZZ=1) and as a seeded
 * random driver of near-valid values.
 */
class ResidentInputFuzzTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final ResidentSheet SHEET = new ResidentSheet(Map.of("租户", "TENANT", "业主", "OWNER", "家庭成员", "FAMILY"),
            Map.of("中国护照", "CHINESE_PASSPORT"), Map.of("配偶", "10"));
    static final Set<String> COLUMNS = ResidentSheet.COLUMNS.stream().map(SheetColumn::field).collect(Collectors.toSet());
    static final Set<String> BODY_FIELDS = Set.of("documentType", "idNumber", "name", "formerNames", "sex", "ethnicity",
            "birthDate", "phone", "phones", "householdDivision", "occupation", "employer", "tags", "addressCode",
            "residenceType", "relationship", "moveInDate");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String[] CELLS = {null, "", " ", "江浩", "欧阳·娜娜", "34052419800101001X", "34052419800101001x",
            "340524198001010011", "３４０５２４１９８００１０１００１Ｘ", "E12345678", "13800138000", "138 0013 8000", "12345",
            "R1C1B3U2R501", "租户", "TENANT", "tenant", "家庭成员", "配偶", "10", "99", "汉族", "01", "回", "2024-03-01",
            "2024/03/01", "2099-01-01", "1899-12-31", "2024-02-30", "独居老人、需关爱", ",,,", "中国护照", "PASSPORT",
            "\u0000", "𠮷", "x".repeat(200), "9".repeat(30)};
    static final String[] PIECES = {"{", "}", "[", "]", ",", ":", "\"idNumber\"", "\"name\"", "\"phone\"", "\"phones\"",
            "\"addressCode\"", "\"residenceType\"", "\"tags\"", "\"moveInDate\"", "\"documentType\"", "\"sex\"",
            "\"formerNames\"", "\"confirmNew\"", "\"34052419800101001X\"", "\"TENANT\"", "\"FAMILY\"", "\"2024-03-01\"",
            "\"江浩\"", "\"\"", "null", "true", "1e309", "\"\\u0000\"", "\"13800138000\"", "12", "\"RESIDENT_ID\""};

    @FuzzTest(maxDuration = "20s")
    void rowFuzz(FuzzedDataProvider data) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < ResidentSheet.COLUMNS.size(); i++) {
            cells.add(data.consumeBoolean() ? null : data.consumeString(40));
        }
        checkRow(cells);
    }

    @Test
    void rowRandom() {
        Random random = new Random(4761);
        for (int i = 0; i < 5_000; i++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < ResidentSheet.COLUMNS.size(); c++) {
                cells.add(CELLS[random.nextInt(CELLS.length)]);
            }
            checkRow(cells);
        }
    }

    @Test
    void aGoodRowBecomesARegistrationWithLabelsTranslated() {
        ParsedRow r = SHEET.parse(new SheetRow(2, Arrays.asList("江浩", null, "34052419800101001X", "13800138000",
                "R1C1B3U2R501", "家庭成员", "汉族", "配偶", "2024-03-01", null, null, "独居老人、需关爱")), TODAY);
        assertThat(r.problems()).isEmpty();
        assertThat(r.person().residence().type().name()).isEqualTo("FAMILY");
        assertThat(r.person().residence().relationship().code()).isEqualTo("10");
        assertThat(r.person().details().tags()).containsExactly("独居老人", "需关爱");
        assertThat(r.person().details().birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
    }

    @FuzzTest(maxDuration = "20s")
    void bodyFuzz(String body) {
        checkBody(body);
    }

    @Test
    void bodyRandom() {
        Random random = new Random(11643);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder body = new StringBuilder();
            for (int n = random.nextInt(20); n > 0; n--) {
                body.append(PIECES[random.nextInt(PIECES.length)]);
            }
            checkBody(body.toString());
        }
        checkBody("{\"idNumber\":\"34052419800101001X\",\"name\":\"江浩\",\"addressCode\":\"R1\",\"residenceType\":\"TENANT\"}");
    }

    static void checkRow(List<String> cells) {
        ParsedRow r = SHEET.parse(new SheetRow(7, cells), TODAY);
        if (r.valid()) {
            assertThat(r.person().document()).isNotNull();
            assertThat(r.person().details().name()).isNotBlank();
            assertThat(r.person().residence().type()).isNotNull();
            assertThat(r.person().residence().addressCode()).isNotBlank();
        } else {
            assertThat(r.person()).isNull();
            assertThat(r.problems()).extracting(RowProblem::row).containsOnly(7);
            assertThat(r.problems()).extracting(RowProblem::field).allSatisfy(f -> assertThat(f).isIn(COLUMNS));
            assertThat(r.problems()).extracting(RowProblem::key).allSatisfy(k -> assertThat(k).startsWith("population."));
        }
    }

    static void checkBody(String body) {
        if (body == null) {
            return;
        }
        try {
            NewPerson in = JSON.readValue(body, NewPerson.class);
            if (in != null) {
                PersonInput.register(in, TODAY);
            }
        } catch (JacksonException expected) {
            // a 400 from ApiProblemHandler
        } catch (InvalidInput e) {
            assertThat(e.violations()).isNotEmpty().allSatisfy(v -> assertThat(v.field().replaceAll("\\[[0-9]+]$", ""))
                    .isIn(BODY_FIELDS));
        }
        try {
            PersonChange change = JSON.readValue(body, PersonChange.class);
            if (change != null) {
                PersonInput.change(change, true);
            }
        } catch (JacksonException expected) {
            // a 400
        } catch (InvalidInput e) {
            assertThat(e.violations()).isNotEmpty().allSatisfy(v -> assertThat(v.field().replaceAll("\\[[0-9]+]$", ""))
                    .isIn(BODY_FIELDS));
        }
    }
}
