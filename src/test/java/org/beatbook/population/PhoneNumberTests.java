package org.beatbook.population;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTests {

    @ParameterizedTest
    @ValueSource(strings = {"13812341234", " 13812341234 ", "138 1234 1234", "138-1234-1234", "+8613812341234",
            "+86 138 1234 1234", "+86-138-1234-1234", "8613812341234", "86 13812341234", "008613812341234",
            "(+86) 138.1234.1234", "１３８１２３４１２３４", "＋８６ １３８１２３４１２３４"})
    void mainlandMobilesAreNormalisedToElevenDigits(String raw) {
        assertThat(PhoneNumber.parse(raw).value().value()).isEqualTo("13812341234");
    }

    @ParameterizedTest
    @ValueSource(strings = {"13000000000", "14512345678", "16612345678", "17712345678", "19912345678"})
    void everyMobilePrefixFrom13To19IsAccepted(String raw) {
        assertThat(PhoneNumber.parse(raw).isValid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL|BLANK|",
            "'  '|BLANK|",
            "1381234123|LENGTH|10",
            "138123412345|LENGTH|12",
            "+86138123412|LENGTH|9",
            "+|LENGTH|0",
            "+852 9123 4567|COUNTRY_CODE|852",
            "+1 415 555 0100|COUNTRY_CODE|141",
            "001 415 555 0100|COUNTRY_CODE|141",
            "12812341234|NOT_MOBILE|12",
            "01087654321|NOT_MOBILE|01",
            "138a1234123|CHARACTERS|4,a",
            "138 1234 1234 ext|CHARACTERS|15,e",
            "138+12341234|CHARACTERS|4,+",
    })
    void otherNumbersAreRefusedWithAReason(String raw, PhoneNumber.Problem problem, String args) {
        Finding rejection = PhoneNumber.parse(raw).rejection().orElseThrow();

        assertThat(rejection.reason()).isEqualTo(problem);
        assertThat(rejection.args()).isEqualTo(args == null ? List.of() : List.of(args.split(",")));
    }

    @Test
    void longInputIsRefusedWithoutBeingRead() {
        assertThat(PhoneNumber.parse("1".repeat(10_000)).rejection().orElseThrow())
                .isEqualTo(Finding.of(PhoneNumber.Problem.LENGTH, 10_000));
    }

    @Test
    void theConstructorOnlyTakesNormalisedNumbersAndToStringIsMasked() {
        assertThat(new PhoneNumber("13812341234")).hasToString("138****1234");
        assertThatThrownBy(() -> new PhoneNumber("+8613812341234")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumber(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
