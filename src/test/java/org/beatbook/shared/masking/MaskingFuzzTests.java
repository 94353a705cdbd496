package org.beatbook.shared.masking;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Masking under arbitrary text: never throws, never lets a planted ID number or mobile through, and is
 * idempotent. Runs as a Jazzer {@link FuzzTest} and, in every normal run, from a seeded random generator.
 */
class MaskingFuzzTests {

    private static final String ID = "34052419800101001X";
    private static final java.util.regex.Pattern BARE_MOBILE = java.util.regex.Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
    private static final java.util.regex.Pattern BARE_ID = java.util.regex.Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");
    private static final String MOBILE = "13812341234";
    private static final String ALPHABET = "0123456789Xx +-()86:：=，,.。号电话身份证１３８\t\n𠮷ab";

    @FuzzTest(maxDuration = "20s")
    void scrubFuzz(FuzzedDataProvider data) {
        String before = data.consumeString(200);
        String middle = data.consumeString(50);
        String after = data.consumeRemainingAsString();
        check(before, middle, after);
    }

    @Test
    void scrubRandom() {
        Random random = new Random(11643);
        for (int i = 0; i < 20_000; i++) {
            check(noise(random, 20), noise(random, 10), noise(random, 20));
        }
    }

    @Test
    void maskingSingleValuesNeverThrowsAndKeepsTheLength() {
        Random random = new Random(2261);
        for (int i = 0; i < 20_000; i++) {
            String value = noise(random, 25);
            long visible = value.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).count();
            String masked = Masking.document(value);
            assertThat(masked.codePointCount(0, masked.length())).as(value).isEqualTo((int) visible);
            assertThat(Masking.idNumber(value)).isNotNull();
            assertThat(Masking.phone(value)).isNotNull();
        }
    }

    private static void check(String before, String middle, String after) {
        String plain = before + middle + after;
        String scrubbedPlain = Masking.scrub(plain);
        // No bare mobile or 18-character ID survives. (Scrubbing is not idempotent on purpose: the last four digits
        // it keeps can join following dashed digits into something phone-shaped, which a second pass masks too.)
        assertThat(BARE_MOBILE.matcher(scrubbedPlain).find()).as(scrubbedPlain).isFalse();
        assertThat(BARE_ID.matcher(scrubbedPlain).find()).as(scrubbedPlain).isFalse();

        // A planted number separated from its neighbours by a space is always masked. (A number glued to other
        // digits, as in 123138-1234-1234, is not: the boundary rule keeps device ids and bank numbers intact.)
        String planted = before + " " + ID + " " + middle + " +86 138-1234-1234 " + after;
        String scrubbed = Masking.scrub(planted);
        assertThat(scrubbed).contains(" 340***********001X ").contains(" 138****1234 ");
        if (plain.codePoints().noneMatch(Character::isDigit)) {
            assertThat(scrubbed).doesNotContain(ID).doesNotContain(MOBILE).doesNotContain("138-1234-1234");
        }
    }

    private static String noise(Random random, int maxLength) {
        int n = random.nextInt(maxLength + 1);
        StringBuilder b = new StringBuilder();
        int count = ALPHABET.codePointCount(0, ALPHABET.length());
        for (int i = 0; i < n; i++) {
            b.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, random.nextInt(count))));
        }
        return b.toString();
    }
}
