package org.beatbook.shared.masking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTests {

    @ParameterizedTest
    @CsvSource({
            "34052419800101001X, 340***********001X",
            "34052419800101001x, 340***********001X",
            "'340524 19800101 001X', 340***********001X",
            "340524800101001, 340********1001",
    })
    void idNumbersShowTheFirstThreeAndLastFour(String id, String masked) {
        assertThat(Masking.idNumber(id)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
            "13812341234, 138****1234",
            "'+86 138 1234 1234', 138****1234",
            "8613812341234, 138****1234",
            "0086-138-1234-1234, 138****1234",
            "'(010) 8765-4321', 010****4321",
            "87654321, 8****321",
    })
    void phonesShowTheFirstThreeAndLastFourDigits(String phone, String masked) {
        assertThat(Masking.phone(phone)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
            "E12345678, E*****678",
            "EA1234567, E*****567",
            "H1234567890, H12****7890",
            "ABC123456789012, ABC********9012",
            "12345, 1***5",
            "1234, ****",
            "1, *",
    })
    void otherDocumentsShowLessTheShorterTheyAre(String number, String masked) {
        assertThat(Masking.document(number)).isEqualTo(masked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789", "1234567890"})
    void shortValuesNeverShowMoreThanTheRulesShareOfCharacters(String value) {
        for (String masked : new String[] {Masking.idNumber(value), Masking.phone(value), Masking.document(value)}) {
            long shown = masked.chars().filter(c -> c != '*').count();
            assertThat(masked).hasSize(value.length());
            // The rule shows 7 of 18; shorter values show at most 4 and always hide at least half.
            assertThat(shown).as(masked).isLessThanOrEqualTo(4).isLessThanOrEqualTo(value.length() / 2);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void nullAndBlankDoNotThrow(String value) {
        String expected = value == null ? null : "";
        assertThat(Masking.idNumber(value)).isEqualTo(expected);
        assertThat(Masking.phone(value)).isEqualTo(expected);
        assertThat(Masking.document(value)).isEqualTo(expected);
        assertThat(Masking.scrub(value)).isEqualTo(value);
    }

    @Test
    void phoneWithoutDigitsIsMaskedEntirely() {
        assertThat(Masking.phone("abc-def")).isEqualTo("*******");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "身份证34052419800101001X已核验|身份证340***********001X已核验",
            "id=34052419800101001x, ok|id=340***********001X, ok",
            "ID34052419800101001X|ID340***********001X",
            "号码 340524 19800101 001X 登记|号码 340***********001X 登记",
            "号码 340524-19800101-001X 登记|号码 340***********001X 登记",
            "old 340524800101001 card|old 340********1001 card",
            "call 13812341234 now|call 138****1234 now",
            "call +86 138 1234 1234 now|call 138****1234 now",
            "call +86-138-1234-1234|call 138****1234",
            "call 86 13812341234|call 138****1234",
            "call 008613812341234|call 138****1234",
            "tel:138-1234-1234;|tel:138****1234;",
            "电话１３８１２３４１２３４。|电话138****1234。",
            "a 13812341234 and 34052419800101001X|a 138****1234 and 340***********001X",
    })
    void scrubMasksIdNumbersAndMobilesInFreeText(String text, String scrubbed) {
        assertThat(Masking.scrub(text)).isEqualTo(scrubbed);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "device 34020000001320000001 pushed",   // 20-digit GA/T 1400 device id
            "order 1234567890123456789012345",       // long digit run
            "room 3-2-501 at 2026-11-29 13:45",
            "landline 010-87654321",
            "count 12345678901",                     // 11 digits not starting 1[3-9]
            "plain text without numbers",
    })
    void scrubLeavesOtherNumbersAlone(String text) {
        assertThat(Masking.scrub(text)).isEqualTo(text);
    }
}
