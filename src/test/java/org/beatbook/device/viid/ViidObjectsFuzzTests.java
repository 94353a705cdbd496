package org.beatbook.device.viid;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.beatbook.device.viid.ViidObjects.Read;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GA/T 1400 object reader under arbitrary JSON: nothing escapes but {@link ViidObjects.BadShape}; every object it
 * accepts has a 48-digit id and a real time; every object it refuses names the field. Jazzer (seeds in the normal
 * suite) plus a seeded mutation run, and the vendor quirks it must take.
 */
class ViidObjectsFuzzTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ID = "340100000011900000010220261129080000000010200001";
    static final String NOISE = "{}[]\",:01239aZ \\";
    static final String[] SEEDS = {
            "{\"MotorVehicleListObject\":{\"MotorVehicleObject\":[{\"MotorVehicleID\":\"" + ID + "\",\"DeviceID\":"
                    + "\"34010000001190000001\",\"PassTime\":\"20261129080102\",\"PlateNo\":\"皖A12345\",\"HasPlate\":\"1\","
                    + "\"PlateColor\":2,\"SubImageList\":{\"SubImageInfoObject\":[{\"Data\":\"AAAA\"}]}}]}}",
            "{\"NonMotorVehicleListObject\":{\"NonMotorVehicleObject\":{\"NonMotorVehicleID\":" + ID
                    + ",\"AppearTime\":20261129080102}}}",
            "{\"SubscribeNotificationListObject\":{\"SubscribeNotificationObject\":[{\"NotificationID\":\"N\","
                    + "\"MotorVehicleObjectList\":{\"MotorVehicleObject\":[{\"MotorVehicleID\":\"" + ID
                    + "\",\"PassTime\":\"20261129080102123\",\"HasPlate\":true}]}}]}}",
            "{\"SubscribeListObject\":{\"SubscribeObject\":[{\"SubscribeID\":\"S\"},{}]}}"};

    static final List<Function<JsonNode, List<? extends Read<?>>>> READERS = List.of(
            ViidObjects::motorVehicles, ViidObjects::nonMotorVehicles, ViidObjects::notifications,
            ViidObjects::subscribes);

    @FuzzTest(maxDuration = "20s")
    void objectsFuzz(FuzzedDataProvider data) {
        check(data.consumeRemainingAsBytes());
    }

    @Test
    void mutatedBodies() {
        Random random = new Random(1400);
        for (int i = 0; i < 5_000; i++) {
            byte[] seed = SEEDS[random.nextInt(SEEDS.length)].getBytes(StandardCharsets.UTF_8);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                seed[random.nextInt(seed.length)] = (byte) NOISE.charAt(random.nextInt(NOISE.length()));
            }
            check(seed);
        }
    }

    @Test
    void vendorQuirksAreReadAndStoredCanonically() {
        var read = ViidObjects.motorVehicles(JSON.readTree(SEEDS[0])).get(0);
        assertThat(read.ok()).isTrue();
        assertThat(read.object().hasPlate()).isTrue();
        assertThat(read.object().plateColor()).isEqualTo("2");
        assertThat(read.object().imageCount()).isEqualTo(1);
        assertThat(read.object().passTime()).isEqualTo(Instant.parse("2026-11-29T00:01:02Z"));
        var ebike = ViidObjects.nonMotorVehicles(JSON.readTree(SEEDS[1])).get(0);
        assertThat(ebike.object().nonMotorVehicleId()).as("a lone object, the id as a number").isEqualTo(ID);
        for (String flag : new String[] {"true", "1", "\"1\"", "\"Y\"", "\"true\""}) {
            assertThat(ViidObjects.flag(JSON.readTree(flag))).as(flag).isTrue();
        }
        for (String flag : new String[] {"false", "0", "2", "\"2\"", "\"N\""}) {
            assertThat(ViidObjects.flag(JSON.readTree(flag))).as(flag).isFalse();
        }
        var tooShort = ViidObjects.motorVehicles(JSON.readTree(SEEDS[0].replace(ID, ID.substring(1)))).get(0);
        assertThat(tooShort.ok()).isFalse();
        assertThat(tooShort.field()).isEqualTo("MotorVehicleID");
    }

    static void check(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return; // the controller answers StatusCode 7 before the reader sees it
        }
        for (Function<JsonNode, List<? extends Read<?>>> reader : READERS) {
            List<? extends Read<?>> reads;
            try {
                reads = reader.apply(root);
            } catch (ViidObjects.BadShape e) {
                assertThat(e.field()).isNotBlank();
                continue;
            }
            for (Read<?> r : reads) {
                if (!r.ok()) {
                    assertThat(r.field()).isNotBlank();
                    assertThat(r.messageKey()).startsWith("viid.");
                } else if (r.object() instanceof MotorVehicleObject v) {
                    assertThat(v.motorVehicleId()).matches("[0-9]{48}");
                    assertThat(v.passTime()).isNotNull();
                } else if (r.object() instanceof NonMotorVehicleObject v) {
                    assertThat(v.nonMotorVehicleId()).matches("[0-9]{48}");
                    assertThat(v.appearTime()).isNotNull();
                }
            }
        }
    }
}
