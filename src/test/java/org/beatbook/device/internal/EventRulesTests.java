package org.beatbook.device.internal;

import org.beatbook.device.Direction;
import org.beatbook.device.EventKind;
import org.beatbook.device.IncomingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventRulesTests {

    static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
    static final EventRules RULES = new EventRules(Duration.ofMinutes(5), Duration.ofDays(180));

    static IncomingEvent event(String id, Instant at, EventKind kind, String plate, String tag, String method) {
        return new IncomingEvent(id, at, kind, Direction.IN, plate, null, tag, null, method, null, null);
    }

    static String rejectedField(Object result) {
        return result instanceof Rejection r ? r.field() : null;
    }

    @ParameterizedTest(name = "plate {0} → {1}")
    @CsvSource({
            "皖E12345,     皖E12345",
            "皖e·12345,    皖E12345",
            "' 皖E 1234 5', 皖E12345",
            "皖E-D12345,   皖ED12345",
            "京A1234学,    京A1234学",
            "粤B12345挂,   粤B1234挂X",
            "沪AF12345,    沪AF12345",
            "皖Ｅ１２３４５, 皖E12345"})
    void platesAreNormalised(String sent, String stored) {
        Object r = RULES.check(event("e", NOW, EventKind.VEHICLE_PASS, sent, null, null), NOW);
        if (stored.endsWith("X")) {
            assertThat(rejectedField(r)).isEqualTo("plate");
        } else {
            assertThat(r).isInstanceOf(CheckedEvent.class);
            assertThat(((CheckedEvent) r).plate()).isEqualTo(stored);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "no eventId                 | NULL   | 0      | VEHICLE_PASS | 皖E12345 | NULL             | NULL | eventId",
            "eventId with a space       | a b    | 0      | VEHICLE_PASS | 皖E12345 | NULL             | NULL | eventId",
            "eventId of 65 characters   | LONG65 | 0      | VEHICLE_PASS | 皖E12345 | NULL             | NULL | eventId",
            "47-digit GA/T 1400 id      | D47    | 0      | VEHICLE_PASS | 皖E12345 | NULL             | NULL | eventId",
            "10 minutes ahead           | e      | 600    | VEHICLE_PASS | 皖E12345 | NULL             | NULL | occurredAt",
            "181 days old               | e      | -15638400 | VEHICLE_PASS | 皖E12345 | NULL          | NULL | occurredAt",
            "vehicle without plate      | e      | 0      | VEHICLE_PASS | NULL     | NULL             | NULL | plate",
            "plate of a made-up province| e      | 0      | VEHICLE_PASS | 哈E12345 | NULL             | NULL | plate",
            "plate with I               | e      | 0      | VEHICLE_PASS | 皖E1I345 | NULL             | NULL | plate",
            "e-bike without tag         | e      | 0      | EBIKE_PASS   | NULL     | NULL             | NULL | tag",
            "tag not hex                | e      | 0      | EBIKE_PASS   | NULL     | E200XYZ012345678 | NULL | tag",
            "tag too short              | e      | 0      | EBIKE_PASS   | NULL     | E200             | NULL | tag",
            "door without method        | e      | 0      | DOOR_OPEN    | NULL     | NULL             | NULL | method",
            "door by telepathy          | e      | 0      | DOOR_OPEN    | NULL     | NULL             | MIND | method",
            "no kind                    | e      | 0      | NULL         | NULL     | NULL             | NULL | kind"})
    void eachRuleNamesItsField(String name, String id, long offsetSeconds, EventKind kind, String plate, String tag,
                               String method, String field) {
        String eventId = switch (String.valueOf(id)) {
            case "LONG65" -> "x".repeat(65);
            case "D47" -> "1".repeat(47);
            default -> id;
        };
        Object r = RULES.check(event(eventId, NOW.plusSeconds(offsetSeconds), kind, plate, tag, method), NOW);
        assertThat(rejectedField(r)).isEqualTo(field);
    }

    @ParameterizedTest(name = "{0} is accepted")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "a 48-digit GA/T 1400 id    | 340522000013200001010220261129080000000010200001 | VEHICLE_PASS | 皖E12345 | NULL | NULL",
            "an e-bike by tag with colons | ev-1 | EBIKE_PASS | NULL | e2:00:12:34:56:78 | NULL",
            "an e-bike by its plate only  | ev-2 | EBIKE_PASS | 马鞍山A12345 | NULL | NULL",
            "a door by face, lower case   | ev-3 | DOOR_OPEN | NULL | NULL | face",
            "a door by exit button        | ev-4 | DOOR_OPEN | NULL | NULL | exit-button",
            "a heartbeat                  | ev-5 | HEARTBEAT | NULL | NULL | NULL",
            "an alarm                     | ev-6 | ALARM | NULL | NULL | NULL"})
    void validEventsPass(String name, String id, EventKind kind, String plate, String tag, String method) {
        assertThat(RULES.check(event(id, NOW.minusSeconds(30), kind, plate, tag, method), NOW))
                .isInstanceOf(CheckedEvent.class);
    }

    @Test
    void aClockFewMinutesAheadIsTolerated() {
        assertThat(RULES.check(event("e", NOW.plusSeconds(240), EventKind.HEARTBEAT, null, null, null), NOW))
                .isInstanceOf(CheckedEvent.class);
    }

    @Test
    void tagsAndMethodsAreStoredCanonically() {
        CheckedEvent e = (CheckedEvent) RULES.check(event("e", NOW, EventKind.EBIKE_PASS, null, "e2-00 12ab", null), NOW);
        assertThat(e.tag()).isEqualTo("E20012AB");
        CheckedEvent d = (CheckedEvent) RULES.check(event("d", NOW, EventKind.DOOR_OPEN, null, null, "qr code"), NOW);
        assertThat(d.method()).isEqualTo("QR_CODE");
    }

    @Test
    void anIdNumberUsedAsCredentialIsStoredMasked() {
        IncomingEvent in = new IncomingEvent("c", NOW, EventKind.DOOR_OPEN, null, null, null, null,
                "34052419800101001X", "ID_CARD", "{\"holder\":\"13812341234\"}", null);
        CheckedEvent e = (CheckedEvent) RULES.check(in, NOW);
        assertThat(e.credential()).isEqualTo("340***********001X");
        assertThat(e.payload()).doesNotContain("13812341234");
    }

    @Test
    void anAdaptersParseProblemRejectsWithItsField() {
        IncomingEvent in = new IncomingEvent("p", NOW, EventKind.HEARTBEAT, null, null, null, null, null, null, null,
                new IncomingEvent.ParseProblem("PassTime", "device.event.occurredAt.invalid"));
        assertThat(rejectedField(RULES.check(in, NOW))).isEqualTo("PassTime");
    }
}
