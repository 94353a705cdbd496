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
            "{\"SubscribeListObject\":{\"SubscribeObject\":[{\"SubscribeID\":\"S\"},{}]}}",
            "{\"SubscribeListObject\":{\"SubscribeObject\":{\"SubscribeID\":\"S\",\"OperateType\":1,"
                    + "\"CancelReason\":\"迁移\",\"SubscribeCancelOrg\":7,\"EndTime\":20261231235959}}}",
            "{\"SubscribeObject\":{\"SubscribeID\":\"S-1\",\"SubscribeCancelPerson\":\"张三\",\"CancelReason\":\"x\"}}",
            "{\"IDList\":[\"S-1\",2,\"S 3,S;4\"]}"};

    static final List<Function<JsonNode, List<? extends Read<?>>>> READERS = List.of(
            ViidObjects::motorVehicles, ViidObjects::nonMotorVehicles, ViidObjects::notifications,
            ViidObjects::subscribes, body -> List.of(ViidObjects.cancellation(body, "S-1")),
            body -> ViidObjects.ids(ViidObjects.idListOf(body)));

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

    /** An IDList as a query sends it: any text; every id taken fits the table, and the list stops past the limit. */
    static void checkIds(String raw) {
        List<Read<String>> ids = ViidObjects.ids(List.of(raw));
        assertThat(ids.size()).isLessThanOrEqualTo(ViidObjects.MAX_IDS + 1);
        for (Read<String> id : ids) {
            if (id.ok()) {
                assertThat(id.object()).hasSizeBetween(1, 64).doesNotContainPattern("[\\s,;\\p{Cc}]");
            } else {
                assertThat(id.field()).isEqualTo("SubscribeID");
                assertThat(id.id() == null || id.id().length() <= 64).isTrue();
            }
        }
    }

    /** The cancel fields fit their columns (V3: org 100, person 64, reason 256) and carry no control characters. */
    static void storable(ViidObjects.Cancellation c) {
        for (String[] f : new String[][] {{c.org(), "100"}, {c.person(), "64"}, {c.reason(), "256"}}) {
            if (f[0] != null) {
                assertThat(f[0].length()).isBetween(1, Integer.parseInt(f[1]));
                assertThat(f[0]).doesNotContainPattern("\\p{Cc}");
            }
        }
    }

    @Test
    void subscriptionChangesAreReadLeniently() {
        var cancel = ViidObjects.subscribes(JSON.readTree(SEEDS[4])).get(0);
        assertThat(cancel.ok()).isTrue();
        assertThat(cancel.object().cancel()).isTrue();
        assertThat(cancel.object().cancellation()).as("an org sent as a number is text")
                .isEqualTo(new ViidObjects.Cancellation("7", null, "迁移"));
        assertThat(ViidObjects.cancellation(JSON.readTree(SEEDS[5]), "S-1").object())
                .isEqualTo(new ViidObjects.Cancellation(null, "张三", "x"));
        assertThat(ViidObjects.cancellation(JSON.readTree(SEEDS[5]), "S-2").field()).isEqualTo("SubscribeID");
        assertThat(ViidObjects.cancellation(JSON.readTree("{}"), "S-2").object()).isEqualTo(ViidObjects.Cancellation.NONE);
        assertThat(ViidObjects.ids(ViidObjects.idListOf(JSON.readTree(SEEDS[6]))).stream().map(Read::object))
                .containsExactly("S-1", "2", "S", "3", "S", "4");
        assertThat(ViidObjects.ids(List.of("a，b；c", " ", "d")).stream().map(Read::object))
                .as("full-width separators too").containsExactly("a", "b", "c", "d");
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
        checkIds(new String(body, StandardCharsets.UTF_8));
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
                } else if (r.object() instanceof ViidObjects.Subscription v) {
                    assertThat(v.subscribeId()).hasSizeBetween(1, 64).isNotBlank();
                    assertThat(v.cancellation()).isNotNull();
                    storable(v.cancellation());
                    assertThat(v.endTime() == null || v.beginTime() == null || !v.endTime().isBefore(v.beginTime()))
                            .isTrue();
                } else if (r.object() instanceof ViidObjects.Cancellation v) {
                    storable(v);
                }
            }
        }
    }
}
