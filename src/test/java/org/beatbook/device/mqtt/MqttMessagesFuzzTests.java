package org.beatbook.device.mqtt;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.beatbook.device.DeviceIngest;
import org.beatbook.device.IncomingEvent;
import org.beatbook.device.web.EventBatchParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MQTT message parser under arbitrary bytes: it never throws, and answers either a whole-message problem or
 * 1 to 1,000 events, each readable or carrying the field that was not. A Jazzer {@link FuzzTest} (seeds in the
 * normal suite, 20 s of fuzzing with JAZZER_FUZZ=1) and a seeded mutation run of near-valid messages.
 */
class MqttMessagesFuzzTests {

    static final String NOISE = "{}[]\",:0aZ\\ 9-.";
    static final String[] SEEDS = {
            "{\"eventId\":\"e1\",\"occurredAt\":\"2026-11-29T08:00:00+08:00\",\"kind\":\"VEHICLE_PASS\",\"plate\":\"皖A12345\"}",
            "{\"events\":[{\"eventId\":1,\"occurredAt\":\"2026-11-29T00:00:00Z\",\"kind\":\"door_open\",\"method\":\"card\","
                    + "\"credential\":12345678,\"direction\":\"in\",\"payload\":{\"a\":[1,2,{\"b\":null}]}}]}",
            "{\"events\":[]}", "{\"events\":{}}", "[]", "null", "{\"kind\":true,\"tag\":[1]}",
            "{\"eventId\":\"e\",\"occurredAt\":\"2026-13-45T99:00:00Z\",\"kind\":\"ALARM\"}"};

    @FuzzTest(maxDuration = "20s")
    void messageFuzz(FuzzedDataProvider data) {
        check(data.consumeRemainingAsBytes());
    }

    @Test
    void mutatedMessages() {
        Random random = new Random(1883);
        for (int i = 0; i < 5_000; i++) {
            byte[] seed = SEEDS[random.nextInt(SEEDS.length)].getBytes(StandardCharsets.UTF_8);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && seed.length > 0; e++) {
                seed[random.nextInt(seed.length)] = (byte) NOISE.charAt(random.nextInt(NOISE.length()));
            }
            check(seed);
        }
    }

    @Test
    void aBatchOfMoreThanAThousandIsOneProblem() {
        String many = "{\"events\":[" + "{},".repeat(DeviceIngest.MAX_BATCH) + "{}]}";
        assertThat(MqttMessages.parse(many.getBytes(StandardCharsets.UTF_8)).problem().field()).isEqualTo("events");
    }

    static void check(byte[] body) {
        EventBatchParser.Parsed parsed = MqttMessages.parse(body);
        if (parsed.problem() != null) {
            assertThat(parsed.problem().field()).isNotBlank();
            assertThat(parsed.problem().messageKey()).startsWith("device.");
            return;
        }
        assertThat(parsed.events()).hasSizeBetween(0, DeviceIngest.MAX_BATCH);
        for (IncomingEvent e : parsed.events()) {
            if (e.parseProblem() != null) {
                assertThat(e.parseProblem().field()).isNotBlank();
                assertThat(e.parseProblem().messageKey()).startsWith("device.");
            }
        }
    }
}
