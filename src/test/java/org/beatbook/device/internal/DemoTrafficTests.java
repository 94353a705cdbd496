package org.beatbook.device.internal;

import org.beatbook.device.DemoFleet;
import org.beatbook.device.DemoWanted;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.Direction;
import org.beatbook.device.EventKind;
import org.beatbook.device.IncomingEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One simulated demo day played at once, as the gates would report it: residents' registered vehicles make most of
 * the camera and reader passages, and only a few registered e-bikes leave between 00:00 and 05:00 (by the device's
 * time), whatever the wall clock says when the day is played.
 */
class DemoTrafficTests {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    static final int COMPOUNDS = 16;

    final Map<String, DemoFleet.Fleet> fleets = new HashMap<>();
    final Map<DeviceKind, List<DeviceRef>> devices = new HashMap<>();
    final Set<String> plates = new HashSet<>();
    final Set<String> tags = new HashSet<>();

    DemoTrafficTests() {
        for (DeviceKind k : DeviceKind.values()) {
            devices.put(k, new ArrayList<>());
        }
        for (int c = 0; c < COMPOUNDS; c++) {
            String code = "34052410100" + c;
            List<String> p = new ArrayList<>();
            List<String> t = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                p.add("皖E" + (char) ('A' + c) + String.format("%04d", i));
            }
            for (int i = 0; i < 240; i++) {
                t.add(String.format("E28068940000%04X%08X", c, i));
            }
            fleets.put(code, new DemoFleet.Fleet(p, t));
            plates.addAll(p);
            tags.addAll(t);
            for (DeviceKind k : List.of(DeviceKind.ACCESS_CONTROLLER, DeviceKind.PLATE_CAMERA, DeviceKind.EBIKE_READER)) {
                devices.get(k).add(new DeviceRef(UUID.randomUUID(), "demo-" + code + "-" + k, null, k, code, "1." + c));
            }
        }
    }

    /** Each event of the day as {@code deviceId|eventId}. */
    final Set<String> keys = new HashSet<>();

    List<IncomingEvent> day(Instant now) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("fleet", (DemoFleet) fleets::get);
        DemoTraffic traffic = new DemoTraffic(null, null, beans.getBeanProvider(DemoWanted.class),
                beans.getBeanProvider(DemoFleet.class), false, 20, 20_000);
        DemoTraffic.Day day = traffic.new Day(devices, fleets, new Random(4));
        List<IncomingEvent> events = new ArrayList<>();
        for (int minute = 0; minute < 24 * 60; minute++) {
            // the wall clock moves on a second per simulated 72 s, as with a 20-minute day
            day.passages(minute, 1, now.plusMillis(minute * 1000L * 20 * 60 / (24 * 60))).forEach((d, list) -> {
                events.addAll(list);
                list.forEach(e -> keys.add(d.deviceId() + "|" + e.eventId()));
            });
        }
        return events;
    }

    @ParameterizedTest(name = "played at {0}")
    @ValueSource(strings = {"2026-11-29T02:00:00Z", "2026-11-28T17:30:00Z", "2026-11-29T13:00:00Z"})
    void mostPassagesAreResidentsAndAFewRegisteredEbikesLeaveAtNight(String wallClock) {
        Instant now = Instant.parse(wallClock); // 10:00, 01:30 (in the night window) and 21:00 in Asia/Shanghai
        List<IncomingEvent> events = day(now);

        assertThat(events).hasSizeBetween(19_800, 20_000);
        List<IncomingEvent> cars = events.stream().filter(e -> e.kind() == EventKind.VEHICLE_PASS).toList();
        double registeredCars = cars.stream().filter(e -> plates.contains(e.plate())).count() / (double) cars.size();
        assertThat(registeredCars).isBetween(0.65, 0.75);
        List<IncomingEvent> ebikes = events.stream().filter(e -> e.kind() == EventKind.EBIKE_PASS).toList();
        double registeredEbikes = ebikes.stream().filter(e -> tags.contains(e.tag())).count() / (double) ebikes.size();
        assertThat(registeredEbikes).isBetween(0.6, 0.75);

        List<IncomingEvent> nightExits = ebikes.stream().filter(e -> tags.contains(e.tag()))
                .filter(e -> e.direction() == Direction.OUT && e.occurredAt().atZone(LOCAL).toLocalTime()
                        .isBefore(LocalTime.of(5, 0))).toList();
        assertThat(nightExits).as("registered e-bikes leaving between 00:00 and 05:00").hasSizeBetween(1, 12);
        assertThat(nightExits).allSatisfy(e -> {
            assertThat(e.occurredAt()).isBefore(now.plus(Duration.ofMinutes(20)))
                    .isAfter(now.minus(Duration.ofHours(24)));
            assertThat(e.payload()).startsWith("{\"simulatedHour\":" + e.occurredAt().atZone(LOCAL).getHour() + ".");
        });
        assertThat(events.stream().filter(e -> e.occurredAt().isAfter(now.plus(Duration.ofMinutes(20))))).isEmpty();
        assertThat(keys).as("event ids unique per device").hasSize(events.size());
    }

    @ParameterizedTest(name = "last {1}:00 before {0}")
    @ValueSource(strings = {"2026-11-29T02:00:00Z|2|2026-11-28T18:00:00Z", "2026-11-28T17:30:00Z|2|2026-11-27T18:00:00Z",
            "2026-11-28T17:30:00Z|1|2026-11-28T17:00:00Z"})
    void theSimulatedNightIsTheLastOneBeforeTheWallClock(String example) {
        String[] x = example.split("\\|");
        assertThat(DemoTraffic.lastNightAt(Instant.parse(x[0]), Integer.parseInt(x[1]))).isEqualTo(Instant.parse(x[2]));
    }
}
