package org.beatbook.organisation;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.beatbook.organisation.internal.OrganisationInputProbe;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credit-code parser and the organisation body rules (what API, pages and import rows go through) under
 * arbitrary input: never an exception other than the rule's own answer, and every accepted code re-checks. Each
 * target runs as a Jazzer {@link FuzzTest} (seeds in the normal suite, 20 s of fuzzing with JAZZER_FUZZ=1) and from a
 * seeded generator for a bounded number of inputs in every run.
 */
class OrganisationFuzzTests {

    private static final String NOISE = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz -_/（）·企业学校个体工商户１２Ｘ　\t𠮷\u0000\n";

    @FuzzTest(maxDuration = "20s")
    void creditCodeFuzz(FuzzedDataProvider data) {
        checkCode(data.consumeRemainingAsString());
    }

    @Test
    void creditCodeRandom() {
        Random random = new Random(32100);
        for (int i = 0; i < 20_000; i++) {
            String input = random.nextInt(3) == 0 ? mutate("91350100M000100Y43", random) : noise(random, 24);
            checkCode(input);
        }
    }

    @FuzzTest(maxDuration = "20s")
    void bodyFuzz(FuzzedDataProvider data) {
        String[] fields = new String[13];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = data.consumeBoolean() ? null : data.consumeString(60);
        }
        OrganisationInputProbe.check(fields);
    }

    @Test
    void bodyRandom() {
        Random random = new Random(4);
        String[] samples = {"含山县第二中学", "91350100M000100Y43", "学校", "SCHOOL", "R1C1B3", "34052419800101001X",
                "13812345678", "0555-5321234", "营业", "CLOSED", ""};
        for (int i = 0; i < 5_000; i++) {
            String[] fields = new String[13];
            for (int f = 0; f < fields.length; f++) {
                int pick = random.nextInt(4);
                fields[f] = pick == 0 ? null : pick == 1 ? noise(random, 30)
                        : mutate(samples[random.nextInt(samples.length)], random);
            }
            OrganisationInputProbe.check(fields);
        }
    }

    private static void checkCode(String input) {
        CreditCode.Checked c = CreditCode.parse(input);
        if (c.valid()) {
            assertThat(c.code().value()).matches("[0-9A-HJ-NPQRTUWXY]{18}");
            assertThat(CreditCode.parse(c.code().value()).valid()).isTrue();
        } else {
            assertThat(c.problem()).isNotNull();
            assertThat(c.args()).isNotNull();
        }
    }

    private static String noise(Random random, int max) {
        int n = random.nextInt(max + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int at = NOISE.offsetByCodePoints(0, random.nextInt(NOISE.codePointCount(0, NOISE.length())));
            b.appendCodePoint(NOISE.codePointAt(at));
        }
        return b.toString();
    }

    private static String mutate(String s, Random random) {
        if (s.isEmpty()) {
            return noise(random, 3);
        }
        int at = random.nextInt(s.length());
        return switch (random.nextInt(4)) {
            case 0 -> s.substring(0, at) + noise(random, 2) + s.substring(Math.min(s.length(), at + 1));
            case 1 -> s.substring(0, at) + s.substring(at + 1);
            case 2 -> s + s.charAt(at);
            default -> s;
        };
    }
}
