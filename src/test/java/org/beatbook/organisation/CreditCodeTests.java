package org.beatbook.organisation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** GB 32100 unified social credit codes: valid ones, and each way a typed code can be wrong. */
class CreditCodeTests {

    /** The code printed as the standard's worked example, and two more computed by hand with the weights. */
    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91340522MA2N0C1X4W", "123405220000000003"})
    void validCodesPass(String code) {
        CreditCode.Checked c = CreditCode.parse(code);
        assertThat(c.valid()).as(String.valueOf(c.problem())).isTrue();
        assertThat(c.code().value()).isEqualTo(code);
    }

    @Test
    void spacesLowerCaseAndFullWidthAreNormalised() {
        assertThat(CreditCode.of(" 9135 0100 m000 100y43 ")).map(CreditCode::value).contains("91350100M000100Y43");
        assertThat(CreditCode.of("９１３５０１００Ｍ０００１００Ｙ４３")).map(CreditCode::value).contains("91350100M000100Y43");
    }

    @Test
    void wrongLengthIsNamedWithTheLength() {
        CreditCode.Checked c = CreditCode.parse("91350100M000100Y4");
        assertThat(c.problem()).isEqualTo(CreditCode.Problem.LENGTH);
        assertThat(c.args()).containsExactly(17);
        assertThat(CreditCode.parse("").problem()).isEqualTo(CreditCode.Problem.LENGTH);
        assertThat(CreditCode.parse(null).problem()).isEqualTo(CreditCode.Problem.LENGTH);
        assertThat(CreditCode.parse("91350100M000100Y433").problem()).isEqualTo(CreditCode.Problem.LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I", "O", "S", "V", "Z", "-", "中"})
    void lettersOutsideTheAlphabetAreNamedWithTheirPosition(String bad) {
        CreditCode.Checked c = CreditCode.parse("91350100M000100" + bad + "43");
        assertThat(c.problem()).isEqualTo(CreditCode.Problem.CHARACTER);
        assertThat(c.args()).containsExactly(16, bad);
    }

    @Test
    void theDivisionPartMustBeDigits() {
        String first17 = "913A0100M000100Y4";
        String code = first17 + CreditCode.checkCharacter(first17);
        CreditCode.Checked c = CreditCode.parse(code);
        assertThat(c.problem()).isEqualTo(CreditCode.Problem.DIVISION);
        assertThat(c.args()).containsExactly("3A0100");
    }

    @Test
    void aWrongCheckCharacterNamesTheExpectedOne() {
        CreditCode.Checked c = CreditCode.parse("91350100M000100Y44");
        assertThat(c.problem()).isEqualTo(CreditCode.Problem.CHECK);
        assertThat(c.args()).containsExactly("3", "4");
    }

    @Test
    void everySingleCharacterChangeIsCaught() {
        String valid = "91350100M000100Y43";
        for (int at = 0; at < 18; at++) {
            for (char other : CreditCode.ALPHABET.toCharArray()) {
                if (other == valid.charAt(at)) {
                    continue;
                }
                String changed = valid.substring(0, at) + other + valid.substring(at + 1);
                assertThat(CreditCode.parse(changed).valid()).as(changed).isFalse();
            }
        }
    }

    @Test
    void swappingTwoNeighboursIsCaught() {
        String valid = "91340522MA2N0C1X4W";
        for (int at = 0; at < 16; at++) { // among the 17 weighted characters (weights are distinct mod 31)
            if (valid.charAt(at) == valid.charAt(at + 1)) {
                continue;
            }
            String swapped = valid.substring(0, at) + valid.charAt(at + 1) + valid.charAt(at) + valid.substring(at + 2);
            assertThat(CreditCode.parse(swapped).valid()).as(swapped).isFalse();
        }
    }
}
