package org.beatbook.population;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdNumberTests {

    @Test
    void checkCharacterFollowsTheStandardWeightsComputedByHand() {
        // 3*7 + 4*9 + 0*10 + 5*5 + 2*8 + 4*4 + 1*2 + 9*1 + 8*6 + 0*3 + 0*7 + 1*9 + 0*10 + 1*5 + 0*8 + 0*4 + 1*2 = 189;
        // 189 mod 11 = 2, and position 2 of "1 0 X 9 8 7 6 5 4 3 2" is X.
        assertThat(IdNumber.checkCharacter("34052419800101001")).isEqualTo('X');
        // 1*7+1*9+0+1*5+0+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0+0+2*2 = 167; 167 mod 11 = 2 -> X
        assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        // all zeros: sum 0 -> '1'; sum 1 (last digit 1, weight 2 -> 2) -> 'X'; 17th digit 5 -> 10 -> '2'
        assertThat(IdNumber.checkCharacter("00000000000000000")).isEqualTo('1');
        assertThat(IdNumber.checkCharacter("00000000000000005")).isEqualTo('2');
    }

    @Test
    void checkCharacterRefusesShortOrNonDigitBodies() {
        assertThatThrownBy(() -> IdNumber.checkCharacter("1234")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumber.checkCharacter("3405241980010100A")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDomainExampleIsValidAndDerivesBirthDateAndSex() {
        Checked<IdNumber> checked = IdNumber.parse(Ids.EXAMPLE, Ids.TODAY);

        assertThat(checked.isValid()).isTrue();
        IdNumber id = checked.value();
        assertThat(id.value()).isEqualTo("34052419800101001X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
        assertThat(id.sex()).isEqualTo(Sex.MALE);
        assertThat(id.divisionCode()).isEqualTo("340524");
        assertThat(id.isResidencePermit()).isFalse();
        // 340524 is in no revision of the shipped table (2002-2020), but Anhui (34) is: accepted with a warning.
        assertThat(checked.warnings()).containsExactly(Finding.of(IdNumber.Problem.DIVISION_UNLISTED, "340524"));
    }

    @Test
    void theStandardsOwnExampleIsAFemaleFromChaoyangWithoutWarnings() {
        Checked<IdNumber> checked = IdNumber.parse(Ids.STANDARD_EXAMPLE, Ids.TODAY);

        assertThat(checked.warnings()).isEmpty();
        assertThat(checked.value().sex()).isEqualTo(Sex.FEMALE);
        assertThat(checked.value().birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(checked.value().divisionName()).contains("朝阳区");
    }

    @ParameterizedTest
    @ValueSource(strings = {"34052419800101001x", " 34052419800101001X ", "340524 19800101 001x", "３４０５２４１９８００１０１００１Ｘ",
            "\u3000340524\t19800101001X\n"})
    void lowerCaseXWhiteSpaceAndFullWidthAreNormalised(String raw) {
        assertThat(IdNumber.parse(raw, Ids.TODAY).value().value()).isEqualTo(Ids.EXAMPLE);
    }

    @ParameterizedTest
    @CsvSource({"001,MALE", "002,FEMALE", "119,MALE", "998,FEMALE", "000,FEMALE"})
    void sexComesFromTheParityOfTheSequence(String sequence, Sex sex) {
        String id = Ids.beijing(LocalDate.of(1990, 5, 17), sequence);
        assertThat(IdNumber.parse(id, Ids.TODAY).value().sex()).isEqualTo(sex);
    }

    static Stream<Arguments> rejections() {
        String future = Ids.beijing(Ids.TODAY.plusDays(1), "001");
        return Stream.of(
                Arguments.of(null, IdNumber.Problem.BLANK, List.of()),
                Arguments.of("   ", IdNumber.Problem.BLANK, List.of()),
                Arguments.of("3405241980010100", IdNumber.Problem.LENGTH, List.of("16")),
                Arguments.of("34052419800101001X1", IdNumber.Problem.LENGTH, List.of("19")),
                Arguments.of("1".repeat(65), IdNumber.Problem.LENGTH, List.of("65")),
                Arguments.of("3405A419800101001X", IdNumber.Problem.CHARACTERS, List.of("5", "A")),
                Arguments.of("34052419800101X011", IdNumber.Problem.CHARACTERS, List.of("15", "X")),
                Arguments.of("34052419800101001Y", IdNumber.Problem.CHARACTERS, List.of("18", "Y")),
                Arguments.of("3405-2419800101001", IdNumber.Problem.CHARACTERS, List.of("5", "-")),
                Arguments.of("3405𠮷419800101001X", IdNumber.Problem.CHARACTERS, List.of("5", "𠮷")),
                Arguments.of("34052419800101A01", IdNumber.Problem.LENGTH, List.of("17")),
                Arguments.of("34052419800A01001", IdNumber.Problem.LENGTH, List.of("17")),
                Arguments.of("340524800A01001", IdNumber.Problem.CHARACTERS, List.of("10", "A")),
                Arguments.of(Ids.of("040524", LocalDate.of(1980, 1, 1), "001"), IdNumber.Problem.DIVISION_FORMAT, List.of("040524")),
                Arguments.of(Ids.of("100524", LocalDate.of(1980, 1, 1), "001"), IdNumber.Problem.DIVISION_FORMAT, List.of("100524")),
                Arguments.of(Ids.of("910524", LocalDate.of(1980, 1, 1), "001"), IdNumber.Problem.DIVISION_FORMAT, List.of("910524")),
                Arguments.of(Ids.of("190524", LocalDate.of(1980, 1, 1), "001"), IdNumber.Problem.DIVISION_UNKNOWN_PROVINCE, List.of("19")),
                Arguments.of(Ids.of("380101", LocalDate.of(1980, 1, 1), "001"), IdNumber.Problem.DIVISION_UNKNOWN_PROVINCE, List.of("38")),
                Arguments.of(withCheck("34052419800230001"), IdNumber.Problem.DATE_IMPOSSIBLE, List.of("19800230")),
                Arguments.of(withCheck("34052419810229001"), IdNumber.Problem.DATE_IMPOSSIBLE, List.of("19810229")),
                Arguments.of(withCheck("34052419801301001"), IdNumber.Problem.DATE_IMPOSSIBLE, List.of("19801301")),
                Arguments.of(withCheck("34052419800100001"), IdNumber.Problem.DATE_IMPOSSIBLE, List.of("19800100")),
                Arguments.of(withCheck("34052418991231001"), IdNumber.Problem.DATE_BEFORE_1900, List.of("1899-12-31")),
                Arguments.of("440524188001010014", IdNumber.Problem.DATE_BEFORE_1900, List.of("1880-01-01")),
                Arguments.of(future, IdNumber.Problem.DATE_FUTURE, List.of(Ids.TODAY.plusDays(1).toString())),
                Arguments.of("340524198001010013", IdNumber.Problem.CHECK_CHARACTER, List.of("X", "3")),
                Arguments.of("11010519491231002x".replace('x', '9'), IdNumber.Problem.CHECK_CHARACTER, List.of("X", "9")),
                Arguments.of(Ids.withWrongCheck(Ids.beijing(LocalDate.of(2000, 2, 29), "123")),
                        IdNumber.Problem.CHECK_CHARACTER, null));
    }

    @ParameterizedTest
    @MethodSource("rejections")
    void eachBrokenRuleIsReportedWithItsReasonAndArguments(String raw, IdNumber.Problem problem, List<String> args) {
        Checked<IdNumber> checked = IdNumber.parse(raw, Ids.TODAY);

        assertThat(checked.isValid()).isFalse();
        Finding rejection = checked.rejection().orElseThrow();
        assertThat(rejection.reason()).isEqualTo(problem);
        if (args != null) {
            assertThat(rejection.args()).isEqualTo(args);
        }
        assertThat(rejection.messageKey()).startsWith("population.idNumber.");
    }

    @Test
    void leapDaysAndTodayAreValidBirthDates() {
        assertThat(IdNumber.parse(Ids.beijing(LocalDate.of(2000, 2, 29), "001"), Ids.TODAY).isValid()).isTrue();
        assertThat(IdNumber.parse(Ids.beijing(Ids.TODAY, "001"), Ids.TODAY).isValid()).isTrue();
        assertThat(IdNumber.parse(Ids.beijing(LocalDate.of(1900, 1, 1), "001"), Ids.TODAY).isValid()).isTrue();
    }

    @Test
    void fifteenDigitNumbersAreConvertedTo18WithThe19xxCentury() {
        Checked<IdNumber> checked = IdNumber.parse("340524800101001", Ids.TODAY);

        assertThat(checked.value().value()).isEqualTo(Ids.EXAMPLE);
        assertThat(checked.value().birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
        assertThat(checked.warnings()).extracting(Finding::reason)
                .containsExactly(IdNumber.Problem.LEGACY_CONVERTED, IdNumber.Problem.DIVISION_UNLISTED);
    }

    @Test
    void fifteenDigitNumbersWithAnImpossibleDateAreRejected() {
        assertThat(IdNumber.parse("340524800230001", Ids.TODAY).rejection().orElseThrow())
                .isEqualTo(Finding.of(IdNumber.Problem.DATE_IMPOSSIBLE, "19800230"));
    }

    @Test
    void residencePermitNumbersOfHongKongMacaoAndTaiwanResidentsParse() {
        for (String prefix : List.of("810000", "820000", "830000")) {
            Checked<IdNumber> checked = IdNumber.parse(Ids.of(prefix, LocalDate.of(1990, 1, 1), "002"), Ids.TODAY);
            assertThat(checked.value().isResidencePermit()).as(prefix).isTrue();
            assertThat(checked.warnings()).as(prefix).isEmpty();
        }
    }

    @Test
    void historicalDivisionCodesAreAcceptedWithoutWarning() {
        // 110103 崇文区 was merged into 东城区 in 2010; numbers issued there stay valid.
        Checked<IdNumber> checked = IdNumber.parse(Ids.of("110103", LocalDate.of(1960, 6, 1), "013"), Ids.TODAY);
        assertThat(checked.warnings()).isEmpty();
        assertThat(checked.value().divisionName()).contains("崇文区");
    }

    @Test
    void typedBirthDateAndSexThatDisagreeAreReportedAsMismatches() {
        IdNumber id = IdNumber.parse(Ids.EXAMPLE, Ids.TODAY).value();

        assertThat(id.mismatches(LocalDate.of(1980, 1, 1), Sex.MALE)).isEmpty();
        assertThat(id.mismatches(null, null)).isEmpty();
        assertThat(id.mismatches(null, Sex.UNSTATED)).isEmpty();
        assertThat(id.mismatches(null, Sex.UNKNOWN)).isEmpty();
        assertThat(id.mismatches(LocalDate.of(1980, 1, 10), Sex.FEMALE)).containsExactly(
                Finding.of(IdNumber.Problem.BIRTH_DATE_MISMATCH, "1980-01-01", "1980-01-10"),
                Finding.of(IdNumber.Problem.SEX_MISMATCH_MALE));

        IdNumber woman = IdNumber.parse(Ids.STANDARD_EXAMPLE, Ids.TODAY).value();
        assertThat(woman.mismatches(null, Sex.MALE)).containsExactly(Finding.of(IdNumber.Problem.SEX_MISMATCH_FEMALE));
    }

    @Test
    void toStringIsMaskedAndEqualityIsByValue() {
        IdNumber a = IdNumber.parse(Ids.EXAMPLE, Ids.TODAY).value();
        IdNumber b = IdNumber.parse("34052419800101001x", Ids.TODAY).value();

        assertThat(a).hasToString("340***********001X").isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(IdNumber.parse(Ids.EXAMPLE, Ids.TODAY).toString()).doesNotContain(Ids.EXAMPLE);
        assertThat(a.masked()).isEqualTo("340***********001X");
    }

    @Test
    void orElseThrowGivesAnInvalidInputNamingTheField() {
        assertThatThrownBy(() -> IdNumber.parse("340524198001010013", Ids.TODAY).orElseThrow("idNumber"))
                .isInstanceOfSatisfying(org.beatbook.shared.web.InvalidInput.class, e -> {
                    assertThat(e.violations()).hasSize(1);
                    assertThat(e.violations().get(0).field()).isEqualTo("idNumber");
                    assertThat(e.violations().get(0).messageKey()).isEqualTo("population.idNumber.checkCharacter");
                    assertThat(e.violations().get(0).args()).containsExactly("X", "3");
                });
    }

    @Test
    void parseWithoutADateUsesTodayInChina() {
        assertThat(IdNumber.parse(Ids.EXAMPLE).isValid()).isTrue();
        assertThat(IdNumber.parse(Ids.beijing(LocalDate.now().plusDays(2), "001")).rejection().orElseThrow().reason())
                .isEqualTo(IdNumber.Problem.DATE_FUTURE);
    }

    private static String withCheck(String body17) {
        return body17 + IdNumber.checkCharacter(body17);
    }
}
