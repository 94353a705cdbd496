package org.beatbook.vehicle.internal;

import org.beatbook.vehicle.Plates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Plate and tag canonical forms, and "seen before event n" whichever handler ran first. */
class PlatesAndSightingsTests {

    @ParameterizedTest
    @CsvSource({"皖A 12345,皖A12345", "皖a·12345,皖A12345", "皖AD-12345,皖AD12345", "皖A12345,皖A12345",
            "e2:80:11:60,E2801160"})
    void canonicalForm(String raw, String canonical) {
        assertThat(Plates.plate(raw)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"皖A12345", "皖EK7319", "皖AD12345", "京A1234学", "粤B12345"})
    void validMotorPlates(String plate) {
        assertThat(Plates.validMotorPlate(plate)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A12345", "皖12345", "皖AI2345", "皖A1234", "皖A1234567", "XX"})
    void invalidMotorPlates(String plate) {
        assertThat(Plates.validMotorPlate(plate)).isFalse();
    }

    @Test
    void tags() {
        assertThat(Plates.validTag("E2801160")).isTrue();
        assertThat(Plates.validTag("E280116")).isFalse();
        assertThat(Plates.validTag("E2801160G")).isFalse();
        assertThat(Plates.plate("   ")).isNull();
    }

    @Test
    void seenBeforeAnEventIsTheSameWhicheverHandlerRanFirst() {
        Instant t0 = Instant.parse("2026-10-01T00:00:00Z");
        var s = new RegisteredVehicles.Sightings(t0);
        assertThat(s.before(10)).contains(t0);
        // the recording handler already ran for events 10 and 12 of one batch
        s.add(10, t0.plusSeconds(100));
        s.add(12, t0.plusSeconds(200));
        assertThat(s.before(10)).as("first of the batch").contains(t0);
        assertThat(s.before(12)).as("second of the batch").contains(t0.plusSeconds(100));
        assertThat(s.before(13)).as("a later event").contains(t0.plusSeconds(200));
        s.add(12, t0.plusSeconds(999));
        assertThat(s.before(13)).as("a repeat changes nothing").contains(t0.plusSeconds(200));
    }
}
