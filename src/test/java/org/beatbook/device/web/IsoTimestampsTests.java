package org.beatbook.device.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fast timestamp reader answers exactly what the JDK's ISO parser answers, for good and bad text alike. */
class IsoTimestampsTests {

    /** The JDK's answer: the instant, or the exception's class when it refuses. */
    static Object jdk(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            return DateTimeException.class;
        }
    }

    static Object ours(String text) {
        try {
            return IsoTimestamps.parse(text);
        } catch (DateTimeException e) {
            return DateTimeException.class;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-29T08:15:30+08:00", "2026-11-29T08:15:30Z", "2026-11-29T08:15:30.250+08:00",
            "2026-11-29T08:15:30.123456789Z", "2026-11-29T08:15:30.1-05:30", "2024-02-29T23:59:59+14:00",
            "2026-11-29T00:00:00-00:00", "2026-12-31T23:59:59.999999999-18:00", "0001-01-01T00:00:00Z",
            // refused by both
            "2026-02-29T08:15:30Z", "2026-11-31T08:15:30Z", "2026-11-29T24:00:00Z", "2026-11-29T23:59:60Z",
            "2026-13-01T00:00:00Z", "2026-11-29T08:15:30+18:30", "2026-11-29T08:15:30+08:60", "2026-11-29T08:15:30",
            "2026-11-29T08:15:30.Z", "2026-11-29T08:15:30.1234567890Z", "2026-11-29 08:15:30Z", "2026-11-29T08:15:30+0800",
            "२०२६-11-29T08:15:30Z", "2026-11-29T08:15:30+08:00x", "2026-11-29T08:15:30ZZ", "",
            // other shapes: the JDK's parser decides
            "2026-11-29t08:15:30z", "2026-11-29T08:15Z", "2026-11-29T08:15:30+08:00:30", "+12026-11-29T08:15:30Z"})
    void answersAsTheJdkParser(String text) {
        assertThat(ours(text)).isEqualTo(jdk(text));
    }

    @Test
    void aTypicalDeviceTimestampIsReadToTheNanosecond() {
        assertThat(IsoTimestamps.parse("2026-11-29T08:15:30.250+08:00"))
                .isEqualTo(Instant.parse("2026-11-29T00:15:30.250Z"));
        assertThatThrownBy(() -> IsoTimestamps.parse("2026-02-30T08:15:30Z")).isInstanceOf(DateTimeException.class);
    }

    @Test
    void answersAsTheJdkParserForRandomTimestampsAndTheirMutations() {
        Random random = new Random(1400);
        String alphabet = "0123456789-:T.Z+ zt";
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    random.nextInt(1_000_000_000));
            int offsetMinutes = random.nextInt(-18 * 60, 18 * 60 + 1);
            String text = at.atOffset(java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60)).toString();
            assertThat(ours(text)).as(text).isEqualTo(jdk(text));
            StringBuilder mutated = new StringBuilder(text);
            mutated.setCharAt(random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            assertThat(ours(mutated.toString())).as(mutated.toString()).isEqualTo(jdk(mutated.toString()));
        }
    }
}
