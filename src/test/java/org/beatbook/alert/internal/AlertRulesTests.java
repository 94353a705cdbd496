package org.beatbook.alert.internal;

import org.beatbook.alert.AlertRule;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.Direction;
import org.beatbook.device.StoredEvent;
import org.beatbook.alert.internal.HotlistMatcher.Listed;
import org.beatbook.shared.security.Scope;
import org.beatbook.vehicle.RegisteredVehicle;
import org.beatbook.vehicle.VehicleKind;
import org.beatbook.vehicle.VehicleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.alert.Sightings.car;
import static org.beatbook.alert.Sightings.ebike;
import static org.beatbook.alert.Sightings.gate;
import static org.beatbook.alert.Sightings.local;

/** The sighting rules on their edges: the night window in Asia/Shanghai, the 30-day boundary, hotlist validity. */
class AlertRulesTests {

    static final DeviceRef READER = gate("R1C1", "R1.R1C1", DeviceKind.EBIKE_READER);
    static final DeviceRef CAMERA = gate("R1C1", "R1.R1C1", DeviceKind.PLATE_CAMERA);
    static final String BIKE_TAG = "E2801160600000AB";
    static final String CAR = "皖E12345";

    final Registry vehicles = new Registry();
    final HotlistMatcher hotlist = matcher(List.of(
            new Listed(1, HotlistKind.PLATE, "皖EK7319", "市局", local(2026, 11, 1, 0, 0, 0), local(2026, 12, 1, 0, 0, 0)),
            new Listed(2, HotlistKind.TAG, "E28011606000BEEF", "县局", local(2026, 11, 1, 0, 0, 0), null)));
    final AlertRules rules = new AlertRules(hotlist, vehicles);

    List<AlertRule> check(StoredEvent e) {
        List<Hit> hits = new ArrayList<>();
        rules.check(e, hits);
        return hits.stream().map(Hit::rule).toList();
    }

    @ParameterizedTest(name = "{0}:{1}:{2} local → night {3}")
    @CsvSource({"0,0,0,true", "2,30,0,true", "4,59,59,true", "5,0,0,false", "23,59,59,false", "12,0,0,false"})
    void nightIsMidnightToFiveInShanghai(int hour, int minute, int second, boolean night) {
        vehicles.add(new RegisteredVehicle(7, VehicleKind.EBIKE, null, BIKE_TAG, "R1C1B1U1R101", "R1.R1C1.B1", local(2026, 11, 1, 0, 0, 0)));
        vehicles.seen(7, local(2026, 11, 20, 8, 0, 0));
        Instant at = local(2026, 11, 21, hour, minute, second);
        assertThat(AlertRules.atNight(at)).isEqualTo(night);
        assertThat(check(ebike(READER, BIKE_TAG, Direction.OUT, at)).contains(AlertRule.EBIKE_NIGHT_EXIT)).isEqualTo(night);
    }

    @Test
    void nightRuleNeedsARegisteredEbikeLeaving() {
        Instant twoAm = local(2026, 11, 21, 2, 0, 0);
        vehicles.add(new RegisteredVehicle(7, VehicleKind.EBIKE, null, BIKE_TAG, "R", "R1.R1C1", twoAm.minusSeconds(86_400)));
        assertThat(check(ebike(READER, BIKE_TAG, Direction.IN, twoAm))).as("coming home at night").isEmpty();
        assertThat(check(ebike(READER, BIKE_TAG, null, twoAm))).as("direction unknown").isEmpty();
        assertThat(check(ebike(READER, "E2801160600000CC", Direction.OUT, twoAm))).as("not registered").isEmpty();
        vehicles.add(new RegisteredVehicle(8, VehicleKind.MOTOR, CAR, null, "R", "R1.R1C1", twoAm.minusSeconds(86_400)));
        assertThat(check(car(CAMERA, CAR, Direction.OUT, twoAm))).as("cars may leave at night").isEmpty();
    }

    @Test
    void thirtyDaysUnseenThenLeavingIsTheBoundary() {
        Instant lastSeen = local(2026, 10, 1, 9, 0, 0);
        vehicles.add(new RegisteredVehicle(8, VehicleKind.MOTOR, CAR, null, "R", "R1.R1C1", lastSeen.minus(Duration.ofDays(90))));
        vehicles.seen(8, lastSeen);
        assertThat(check(car(CAMERA, CAR, Direction.OUT, lastSeen.plus(Duration.ofDays(30)).minusSeconds(1)))).isEmpty();
        assertThat(check(car(CAMERA, CAR, Direction.OUT, lastSeen.plus(Duration.ofDays(30)))))
                .containsExactly(AlertRule.LONG_ABSENCE_EXIT);
        assertThat(check(car(CAMERA, CAR, Direction.IN, lastSeen.plus(Duration.ofDays(45))))).as("arriving").isEmpty();
    }

    @Test
    void anArrivalEarlierInTheSameUncommittedBatchCountsAsASighting() {
        Instant lastSeen = local(2026, 10, 1, 9, 0, 0);
        vehicles.add(new RegisteredVehicle(8, VehicleKind.MOTOR, CAR, null, "R", "R1.R1C1", lastSeen.minus(Duration.ofDays(90))));
        vehicles.seen(8, lastSeen);
        Instant back = lastSeen.plus(Duration.ofDays(40));
        Map<Long, Instant> batch = new HashMap<>();
        List<Hit> hits = new ArrayList<>();
        rules.check(car(CAMERA, CAR, Direction.IN, back), hits, batch);
        rules.check(car(CAMERA, CAR, Direction.OUT, back.plus(Duration.ofHours(2))), hits, batch);
        assertThat(hits).as("came in two hours before leaving, in the same batch").isEmpty();
        rules.check(car(CAMERA, CAR, Direction.OUT, back.plus(Duration.ofHours(3))), hits, new HashMap<>());
        assertThat(hits).extracting(Hit::rule).as("without the batch's arrival: 40 days unseen")
                .containsExactly(AlertRule.LONG_ABSENCE_EXIT);
    }

    @Test
    void neverSeenCountsFromRegistration() {
        Instant registered = local(2026, 9, 1, 10, 0, 0);
        vehicles.add(new RegisteredVehicle(9, VehicleKind.MOTOR, CAR, null, "R", "R1.R1C1", registered));
        assertThat(check(car(CAMERA, CAR, Direction.OUT, registered.plus(Duration.ofDays(29))))).isEmpty();
        assertThat(check(car(CAMERA, CAR, Direction.OUT, registered.plus(Duration.ofDays(31)))))
                .containsExactly(AlertRule.LONG_ABSENCE_EXIT);
    }

    @Test
    void hotlistHitsWithinValidityByPlateOrTagEitherDirection() {
        assertThat(check(car(CAMERA, "皖EK7319", Direction.IN, local(2026, 11, 15, 14, 0, 0))))
                .containsExactly(AlertRule.HOTLIST_HIT);
        assertThat(check(car(CAMERA, "皖E·K7319", null, local(2026, 11, 15, 14, 0, 0))))
                .as("written with a dot").containsExactly(AlertRule.HOTLIST_HIT);
        assertThat(check(car(CAMERA, "皖EK7319", Direction.OUT, local(2026, 10, 31, 23, 59, 59)))).as("before").isEmpty();
        assertThat(check(car(CAMERA, "皖EK7319", Direction.OUT, local(2026, 12, 1, 0, 0, 0)))).as("after").isEmpty();
        assertThat(check(ebike(READER, "e2801160 6000beef", Direction.OUT, local(2026, 11, 15, 3, 0, 0))))
                .containsExactly(AlertRule.HOTLIST_HIT);
    }

    @Test
    void aStolenRegisteredEbikeLeavingAtNightRaisesBothRulesOnce() {
        Instant at = local(2026, 11, 21, 1, 0, 0);
        vehicles.add(new RegisteredVehicle(3, VehicleKind.EBIKE, null, "E28011606000BEEF", "R", "R1.R1C1", at.minusSeconds(3600)));
        assertThat(check(ebike(READER, "E28011606000BEEF", Direction.OUT, at)))
                .containsExactlyInAnyOrder(AlertRule.HOTLIST_HIT, AlertRule.EBIKE_NIGHT_EXIT);
    }

    static HotlistMatcher matcher(List<Listed> entries) {
        HotlistMatcher m = new HotlistMatcher(new HotlistStore(null) {
            @Override
            void active(Consumer<Listed> sink) {
                entries.forEach(sink);
            }
        });
        m.reload();
        return m;
    }

    /** The vehicle registry as a map, with one last sighting per vehicle. */
    static final class Registry implements VehicleRegistry {
        final Map<Long, RegisteredVehicle> byId = new HashMap<>();
        final Map<Long, Instant> seen = new HashMap<>();

        void add(RegisteredVehicle v) {
            byId.put(v.id(), v);
        }

        void seen(long id, Instant at) {
            seen.put(id, at);
        }

        @Override
        public Optional<RegisteredVehicle> byPlate(String plate) {
            return byId.values().stream().filter(v -> plate != null && plate.equals(v.plate())).findFirst();
        }

        @Override
        public Optional<RegisteredVehicle> byTag(String tag) {
            return byId.values().stream().filter(v -> tag != null && tag.equals(v.tag())).findFirst();
        }

        @Override
        public Optional<Instant> seenBefore(long vehicleId, long seq) {
            return Optional.ofNullable(seen.get(vehicleId));
        }

        @Override
        public Optional<VehicleOwner> owner(long vehicleId, Scope scope) {
            return Optional.empty();
        }
    }
}
