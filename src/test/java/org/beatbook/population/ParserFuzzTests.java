package org.beatbook.population;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the parsers under arbitrary input. Each target runs twice: as a Jazzer {@link FuzzTest}
 * (its seeds in the normal suite, real fuzzing for 20 s each with JAZZER_FUZZ=1) and from a seeded
 * random generator for a bounded number of near-valid and noisy inputs in every normal run.
 */
class ParserFuzzTests {

    private static final int ITERATIONS = 20_000;
    private static final Pattern ID = Pattern.compile("[1-8][1-9][0-9]{15}[0-9X]");
    private static final Pattern MASKED_ID = Pattern.compile("[0-9]{3}\\*{11}[0-9]{3}[0-9X]");
    private static final Pattern KEY = Pattern.compile("[a-z]+");

    @FuzzTest(maxDuration = "20s")
    void idNumberFuzz(FuzzedDataProvider data) {
        checkIdNumber(data.consumeRemainingAsString());
    }

    @Test
    void idNumberRandom() {
        Fuzz fuzz = new Fuzz(11643);
        for (int i = 0; i < ITERATIONS; i++) {
            checkIdNumber(fuzz.idLike());
        }
    }

    @Test
    void everySingleDigitChangeOfAValidNumberIsCaught() {
        // GB 11643's MOD 11-2 check detects every single-character substitution: a changed number either
        // fails some rule or, at worst, is a different valid number only if two changes cancel (not tested here).
        Fuzz fuzz = new Fuzz(7064);
        for (int i = 0; i < 2_000; i++) {
            String id = fuzz.validId();
            int at = fuzz.nextInt(18);
            char original = id.charAt(at);
            char other = (char) ('0' + (original == 'X' ? fuzz.nextInt(10) : (original - '0' + 1 + fuzz.nextInt(9)) % 10));
            String changed = id.substring(0, at) + other + id.substring(at + 1);
            assertThat(IdNumber.parse(changed, Ids.TODAY).isValid()).as(id + " -> " + changed).isFalse();
        }
    }

    @FuzzTest(maxDuration = "20s")
    void phoneFuzz(FuzzedDataProvider data) {
        checkPhone(data.consumeRemainingAsString());
    }

    @Test
    void phoneRandom() {
        Fuzz fuzz = new Fuzz(86);
        for (int i = 0; i < ITERATIONS; i++) {
            checkPhone(fuzz.phoneLike());
        }
    }

    @FuzzTest(maxDuration = "20s")
    void documentFuzz(FuzzedDataProvider data) {
        DocumentType type = data.pickValue(DocumentType.values());
        checkDocument(type, data.consumeRemainingAsString());
    }

    @Test
    void documentRandom() {
        Fuzz fuzz = new Fuzz(2659);
        String[] samples = {"E12345678", "EA1234567", "H12345678", "M1234567890", "12345678", "USA310801011234", "X1234567"};
        for (int i = 0; i < ITERATIONS; i++) {
            DocumentType type = DocumentType.values()[fuzz.nextInt(DocumentType.values().length)];
            String input = fuzz.nextInt(3) == 0 ? fuzz.idLike() : fuzz.mutate(samples[fuzz.nextInt(samples.length)]);
            checkDocument(type, input);
        }
    }

    @FuzzTest(maxDuration = "20s")
    void nameKeysFuzz(FuzzedDataProvider data) {
        checkNameKeys(data.consumeRemainingAsString());
    }

    @Test
    void nameKeysRandom() {
        Fuzz fuzz = new Fuzz(4761);
        for (int i = 0; i < ITERATIONS; i++) {
            checkNameKeys(fuzz.noise(12));
        }
    }

    @FuzzTest(maxDuration = "20s")
    void searchQueryFuzz(FuzzedDataProvider data) {
        checkQuery(data.consumeRemainingAsString());
    }

    @Test
    void searchQueryRandom() {
        Fuzz fuzz = new Fuzz(3304);
        for (int i = 0; i < ITERATIONS; i++) {
            String input = switch (fuzz.nextInt(3)) {
                case 0 -> fuzz.idLike();
                case 1 -> fuzz.phoneLike();
                default -> fuzz.noise(16);
            };
            checkQuery(input);
        }
    }

    static void checkIdNumber(String raw) {
        Checked<IdNumber> checked = IdNumber.parse(raw, Ids.TODAY);
        if (!checked.isValid()) {
            Finding rejection = checked.rejection().orElseThrow();
            assertThat(rejection.messageKey()).startsWith("population.idNumber.");
            // A rejection never echoes the number it refused (it may be a real person's).
            if (raw != null && raw.strip().length() >= 15) {
                assertThat(checked.toString()).doesNotContain(raw.strip());
            }
            return;
        }
        IdNumber id = checked.value();
        assertThat(id.value()).matches(ID);
        assertThat(IdNumber.checkCharacter(id.value())).isEqualTo(id.value().charAt(17));
        assertThat(id.birthDate()).isBetween(LocalDate.of(1900, 1, 1), Ids.TODAY);
        assertThat(id.sex()).isEqualTo((id.value().charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE);
        assertThat(id.masked()).matches(MASKED_ID);
        assertThat(id.toString()).isEqualTo(id.masked());
        Checked<IdNumber> again = IdNumber.parse(id.value(), Ids.TODAY);
        assertThat(again.value()).isEqualTo(id);
        assertThat(IdNumber.parse(Ids.withWrongCheck(id.value()), Ids.TODAY).rejection().orElseThrow().reason())
                .isEqualTo(IdNumber.Problem.CHECK_CHARACTER);
    }

    static void checkPhone(String raw) {
        Checked<PhoneNumber> checked = PhoneNumber.parse(raw);
        if (!checked.isValid()) {
            assertThat(checked.rejection().orElseThrow().messageKey()).startsWith("population.phone.");
            return;
        }
        String value = checked.value().value();
        assertThat(value).matches("1[3-9][0-9]{9}");
        assertThat(checked.value().masked()).isEqualTo(value.substring(0, 3) + "****" + value.substring(7));
        assertThat(PhoneNumber.parse(value).value()).isEqualTo(checked.value());
        assertThat(PhoneNumber.parse("+86 " + value).value()).isEqualTo(checked.value());
    }

    static void checkDocument(DocumentType type, String raw) {
        Checked<DocumentNumber> checked = DocumentNumber.parse(type, raw, Ids.TODAY);
        if (!checked.isValid()) {
            assertThat(checked.rejection().orElseThrow().messageKey()).startsWith("population.");
            return;
        }
        DocumentNumber number = checked.value();
        assertThat(number.type()).isEqualTo(type);
        assertThat(number.value()).matches("[A-Z0-9]+");
        assertThat(DocumentNumber.parse(type, number.value(), Ids.TODAY).value()).isEqualTo(number);
        assertThat(number.toString()).doesNotContain(number.value().length() >= 5 ? number.value() : "\u0000");
    }

    static void checkNameKeys(String name) {
        NameKeys.Keys keys = NameKeys.of(name);
        assertThat(keys.fullPinyin()).hasSizeLessThanOrEqualTo(NameKeys.MAX_SPELLINGS).doesNotHaveDuplicates()
                .allMatch(k -> KEY.matcher(k).matches());
        assertThat(keys.initials()).hasSizeLessThanOrEqualTo(keys.fullPinyin().size()).doesNotHaveDuplicates()
                .allMatch(k -> KEY.matcher(k).matches());
        assertThat(keys.pieces()).doesNotHaveDuplicates()
                .allMatch(p -> p.codePointCount(0, p.length()) == 1 || p.codePointCount(0, p.length()) == 2);
        for (String full : keys.fullPinyin()) {
            assertThat(keys.matchesPinyin(full)).isTrue();
        }
        if (!keys.pieces().isEmpty()) {
            SearchQuery first = NameKeys.normaliseQuery(keys.pieces().get(0));
            assertThat(first.kind()).isEqualTo(SearchQuery.Kind.CHINESE);
            assertThat(keys.hasPiece(first.text())).isTrue();
        }
    }

    static void checkQuery(String input) {
        SearchQuery query = NameKeys.normaliseQuery(input);
        String text = query.text();
        switch (query.kind()) {
            case EMPTY -> assertThat(text).isEmpty();
            case PINYIN -> assertThat(text).matches("[a-z]+");
            case DIGITS -> assertThat(text).matches("[0-9]{3,}X?|[0-9]{4,}").hasSizeGreaterThanOrEqualTo(4);
            case DIGITS_TOO_SHORT -> assertThat(text).matches("[0-9]*X?").hasSizeLessThan(4);
            case ID_NUMBER -> assertThat(IdNumber.parse(text).isValid()).isTrue();
            case PHONE -> assertThat(text).matches("1[3-9][0-9]{9}");
            case ROOM -> assertThat(text).matches("[0-9]{1,4}-[0-9]{1,4}(-[0-9]{1,5})?");
            case CHINESE -> assertThat(text).isNotEmpty().doesNotContainAnyWhitespaces();
            case UNRECOGNISED -> assertThat(text.length()).isLessThanOrEqualTo(64);
        }
        // Normalising is idempotent for the searchable kinds.
        if (query.kind() != SearchQuery.Kind.UNRECOGNISED && query.kind() != SearchQuery.Kind.EMPTY) {
            assertThat(NameKeys.normaliseQuery(text)).isEqualTo(query);
        }
    }
}
