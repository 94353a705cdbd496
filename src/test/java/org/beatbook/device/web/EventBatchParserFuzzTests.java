package org.beatbook.device.web;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.beatbook.device.DeviceIngest;
import org.beatbook.device.IncomingEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch parser under arbitrary bytes: it never throws, and answers either a problem naming a field or one event
 * per array element (at most 1,000). Jazzer runs its seeds in the normal suite and fuzzes for 20 s with
 * JAZZER_FUZZ=1; a seeded generator of near-valid batches runs a bounded number in every build.
 */
class EventBatchParserFuzzTests {

    private static final String[] PIECES = {"{", "}", "[", "]", ",", ":", "\"events\"", "\"eventId\"", "\"e1\"",
            "\"occurredAt\"", "\"2026-11-29T08:00:00+08:00\"", "\"2026-13-45T99:00\"", "\"kind\"", "\"VEHICLE_PASS\"",
            "\"heartbeat\"", "\"plate\"", "\"皖E12345\"", "\"tag\"", "12345678901234567890123456789012345678901234567890",
            "\"payload\"", "{\"a\":[1,2,{\"b\":null}]}", "null", "true", "-0.5e7", "\"direction\"", "\"SIDEWAYS\"",
            "\"\\u0000\"", "\"\\ud800\"", "𠮷", " "};

    @FuzzTest(maxDuration = "20s")
    void batchFuzz(FuzzedDataProvider data) {
        check(data.consumeRemainingAsBytes());
    }

    @Test
    void nearValidBatches() {
        Random random = new Random(1400);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder(random.nextInt(4) == 0 ? "" : "{\"events\":[");
            int n = random.nextInt(12);
            for (int p = 0; p < n; p++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            if (random.nextBoolean()) {
                b.append("]}");
            }
            check(b.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void check(byte[] body) {
        EventBatchParser.Parsed parsed = EventBatchParser.parse(body);
        if (parsed.problem() != null) {
            assertThat(parsed.events()).isNull();
            assertThat(parsed.problem().field()).isIn("body", "events");
            assertThat(parsed.problem().messageKey()).startsWith("device.batch.");
            return;
        }
        assertThat(parsed.events()).hasSizeLessThanOrEqualTo(DeviceIngest.MAX_BATCH);
        for (IncomingEvent e : parsed.events()) {
            if (e.parseProblem() != null) {
                assertThat(e.parseProblem().messageKey()).startsWith("device.event.");
            }
        }
    }
}
