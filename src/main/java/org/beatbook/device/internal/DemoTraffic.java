package org.beatbook.device.internal;

import org.beatbook.device.DemoFleet;
import org.beatbook.device.DemoWanted;
import org.beatbook.device.DeviceIngest;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.Direction;
import org.beatbook.device.EventKind;
import org.beatbook.device.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's traffic: one day of passages (20,000 by default) across the registered gate devices, compressed into
 * {@code beatbook.demo.traffic-minutes}, with a morning and an evening peak and heartbeats each minute. Most passages
 * at a compound's plate camera and e-bike reader are its residents' registered vehicles ({@link DemoFleet}, when a
 * bean offers them), the rest visitors'; now and then a plate or tag from {@link DemoWanted}. In the simulated night
 * (00:00–05:00) few residents' e-bikes pass, and most of those come home; the odd one leaves, reported with the
 * simulated time on the last such night (as a reader that uploads late would), so the night-exit rule, which judges
 * by the device's time, fires a few times a day. Everything goes through {@link DeviceIngest}, as real devices'
 * events do. Switched on by {@code beatbook.demo.traffic=true} or from the devices page.
 */
@Component
public class DemoTraffic implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final LocalTime NIGHT_ENDS = LocalTime.of(5, 0);
    private static final String PROVINCE_CITY = "皖E";
    private static final String PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    private static final String[] METHODS = {"CARD", "FACE", "FACE", "BLUETOOTH", "QR_CODE", "EXIT_BUTTON",
            "VISITOR_CALL", "PIN", "REMOTE"};
    /** One in this many passages carries a wanted plate or tag: a handful of hits per simulated day. */
    private static final int WANTED_ONE_IN = 2500;
    /** By day, the share of camera and reader passages that are the compound's registered vehicles. */
    static final double REGISTERED_SHARE = 0.7;
    /** At night, the share of e-bike passages that are residents' (the rest: delivery riders, visitors). */
    static final double NIGHT_REGISTERED_SHARE = 0.25;
    /** At night, one in this many residents' e-bike passages is one leaving: a few night exits per day. */
    static final int NIGHT_EXIT_ONE_IN = 20;

    /** What the simulator is doing. */
    public record Status(boolean running, long sent, long wanted, double simulatedHour) { }

    private final DeviceIngest ingest;
    private final JdbcClient jdbc;
    private final ObjectProvider<DemoWanted> wanted;
    private final ObjectProvider<DemoFleet> fleet;
    private final boolean atStart;
    private final Duration dayLength;
    private final int passages;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong registered = new AtomicLong();
    private final AtomicLong nightExits = new AtomicLong();
    private volatile Thread thread;
    private volatile double hour;

    DemoTraffic(DeviceIngest ingest, JdbcClient jdbc, ObjectProvider<DemoWanted> wanted, ObjectProvider<DemoFleet> fleet,
                @Value("${beatbook.demo.traffic:false}") boolean atStart,
                @Value("${beatbook.demo.traffic-minutes:20}") long minutes,
                @Value("${beatbook.demo.traffic-passages:20000}") int passages) {
        this.ingest = ingest;
        this.jdbc = jdbc;
        this.wanted = wanted;
        this.fleet = fleet;
        this.atStart = atStart;
        this.dayLength = Duration.ofMinutes(Math.max(1, minutes));
        this.passages = passages;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (atStart) {
            begin();
        }
    }

    public synchronized void begin() {
        if (thread != null && thread.isAlive()) {
            return;
        }
        sent.set(0);
        hits.set(0);
        registered.set(0);
        nightExits.set(0);
        Thread t = new Thread(this::run, "demo-traffic");
        t.setDaemon(true);
        thread = t;
        t.start();
        log.info("demo traffic: {} passages over {}", passages, dayLength);
    }

    public synchronized void end() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        thread = null;
    }

    public Status status() {
        Thread t = thread;
        return new Status(t != null && t.isAlive(), sent.get(), hits.get(), hour);
    }

    /** Passages per hour of day, relative: a floor, a morning peak at 7:30 and an evening peak at 18:00. */
    static double rate(double h) {
        return 0.15 + 1.6 * Math.exp(-Math.pow((h - 7.5) / 1.2, 2)) + 1.9 * Math.exp(-Math.pow((h - 18) / 1.6, 2))
                + 0.5 * Math.exp(-Math.pow((h - 12.5) / 1.5, 2));
    }

    private void run() {
        Map<DeviceKind, List<DeviceRef>> devices = devices();
        // on a first start the demo devices may still be loading in the background: give them a minute
        for (int wait = 0; wait < 60 && devices.values().stream().allMatch(List::isEmpty); wait++) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            devices = devices();
        }
        if (devices.values().stream().allMatch(List::isEmpty)) {
            log.warn("demo traffic: no active gate devices");
            return;
        }
        Day day = new Day(devices, fleets(devices), new Random());
        long tickMillis = 1000;
        double simMinutesPerTick = 24 * 60.0 * tickMillis / dayLength.toMillis();
        double simMinute = 0;
        Instant lastHeartbeat = Instant.EPOCH;
        try {
            while (simMinute < 24 * 60 && !Thread.currentThread().isInterrupted()) {
                long started = System.currentTimeMillis();
                hour = simMinute / 60.0;
                Instant now = Instant.now();
                Map<DeviceRef, List<IncomingEvent>> batches = day.passages(simMinute, simMinutesPerTick, now);
                if (Duration.between(lastHeartbeat, now).toSeconds() >= 60) {
                    lastHeartbeat = now;
                    day.heartbeats(now, batches);
                }
                batches.forEach((device, events) -> ingest.submit(device, events, Locale.SIMPLIFIED_CHINESE));
                simMinute += simMinutesPerTick;
                Thread.sleep(Math.max(1, tickMillis - (System.currentTimeMillis() - started)));
            }
            log.info("demo traffic: day done, {} passages, {} of registered vehicles ({} e-bikes out at night), {} wanted",
                    sent.get(), registered.get(), nightExits.get(), hits.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("demo traffic stopped", e);
        }
    }

    /** Each compound's registered vehicles, read once per simulated day. */
    private Map<String, DemoFleet.Fleet> fleets(Map<DeviceKind, List<DeviceRef>> devices) {
        DemoFleet f = fleet.getIfAvailable();
        Map<String, DemoFleet.Fleet> out = new HashMap<>();
        devices.values().forEach(list -> list.forEach(d -> out.computeIfAbsent(d.nodeCode(),
                code -> f == null ? DemoFleet.Fleet.NONE : f.at(code))));
        return out;
    }

    /** One simulated day: the devices, their compounds' fleets and the per-device event sequence. */
    final class Day {

        private final Map<DeviceKind, List<DeviceRef>> devices;
        private final Map<String, DemoFleet.Fleet> fleets;
        private final Random random;
        private final double perUnit;
        private final Map<UUID, Long> seq = new HashMap<>();
        private double carry;

        Day(Map<DeviceKind, List<DeviceRef>> devices, Map<String, DemoFleet.Fleet> fleets, Random random) {
            this.devices = devices;
            this.fleets = fleets;
            this.random = random;
            double total = 0;
            for (int m = 0; m < 24 * 60; m++) {
                total += rate(m / 60.0);
            }
            this.perUnit = passages / total; // passages per simulated minute at rate 1
        }

        /** The passages of {@code minutes} simulated minutes from {@code minute} on, by device: one tick's worth. */
        Map<DeviceRef, List<IncomingEvent>> passages(double minute, double minutes, Instant now) {
            double h = minute / 60.0;
            carry += rate(h) * perUnit * minutes;
            int count = (int) carry;
            carry -= count;
            Map<DeviceRef, List<IncomingEvent>> batches = new HashMap<>();
            for (int i = 0; i < count; i++) {
                passage(h, now, batches);
            }
            sent.addAndGet(count);
            return batches;
        }

        void heartbeats(Instant now, Map<DeviceRef, List<IncomingEvent>> batches) {
            devices.values().forEach(list -> list.forEach(d -> batches.computeIfAbsent(d, k -> new ArrayList<>())
                    .add(event(d, now, now, EventKind.HEARTBEAT, null, null, null, null, hour))));
        }

        private void passage(double h, Instant now, Map<DeviceRef, List<IncomingEvent>> batches) {
            double p = random.nextDouble();
            DeviceKind kind = p < 0.45 ? DeviceKind.PLATE_CAMERA : p < 0.75 ? DeviceKind.EBIKE_READER
                    : DeviceKind.ACCESS_CONTROLLER;
            List<DeviceRef> candidates = devices.get(kind);
            if (candidates.isEmpty()) {
                return;
            }
            DeviceRef d = candidates.get(random.nextInt(candidates.size()));
            DemoFleet.Fleet residents = fleets.getOrDefault(d.nodeCode(), DemoFleet.Fleet.NONE);
            Direction dir = random.nextBoolean() ? Direction.IN : Direction.OUT;
            DemoWanted w = random.nextInt(WANTED_ONE_IN) == 0 ? wanted.getIfAvailable() : null;
            boolean night = h < NIGHT_ENDS.getHour();
            IncomingEvent e = switch (kind) {
                case PLATE_CAMERA -> {
                    String plate;
                    if (w != null && !w.plates().isEmpty()) {
                        plate = w.plates().get(random.nextInt(w.plates().size()));
                        hits.incrementAndGet();
                    } else {
                        plate = resident(residents.plates(), REGISTERED_SHARE);
                        if (plate == null) {
                            plate = visitorPlate(d, random);
                        }
                    }
                    yield event(d, now, now, EventKind.VEHICLE_PASS, dir, plate, null, null, h);
                }
                case EBIKE_READER -> {
                    if (w != null && !w.tags().isEmpty()) {
                        hits.incrementAndGet();
                        yield event(d, now, now, EventKind.EBIKE_PASS, dir,
                                null, w.tags().get(random.nextInt(w.tags().size())), null, h);
                    }
                    String tag = resident(residents.tags(), night ? NIGHT_REGISTERED_SHARE : REGISTERED_SHARE);
                    Instant at = now;
                    if (tag == null) {
                        tag = visitorTag(d, random);
                    } else if (night) {
                        dir = random.nextInt(NIGHT_EXIT_ONE_IN) == 0 ? Direction.OUT : Direction.IN;
                        at = lastNightAt(now, h);
                        if (dir == Direction.OUT) {
                            nightExits.incrementAndGet();
                        }
                    } else if (atNight(now)) {
                        dir = Direction.IN; // the wall clock is in the night: only the chosen few may leave then
                    }
                    yield event(d, now, at, EventKind.EBIKE_PASS, dir, null, tag, null, h);
                }
                default -> event(d, now, now, EventKind.DOOR_OPEN, dir, null, null,
                        METHODS[random.nextInt(METHODS.length)], h);
            };
            batches.computeIfAbsent(d, k -> new ArrayList<>()).add(e);
        }

        /** One of the compound's registered plates or tags with probability {@code share}, else null. */
        private String resident(List<String> registeredHere, double share) {
            if (registeredHere.isEmpty() || random.nextDouble() >= share) {
                return null;
            }
            registered.incrementAndGet();
            return registeredHere.get(random.nextInt(registeredHere.size()));
        }

        /** @param now when it is sent (the event id); {@code at}: when it happened, per the device */
        private IncomingEvent event(DeviceRef d, Instant now, Instant at, EventKind kind, Direction dir, String plate,
                                    String tag, String method, double simulatedHour) {
            long n = seq.merge(d.id(), 1L, Long::sum);
            String id = "sim-" + now.toEpochMilli() / 1000 + "-" + n;
            // 皖E and six characters: a green new-energy plate
            String color = plate == null ? null : plate.length() == 8 ? "GREEN" : "BLUE";
            return new IncomingEvent(id, at, kind, dir, plate, color, tag, null, method,
                    "{\"simulatedHour\":" + String.format(Locale.ROOT, "%.2f", simulatedHour) + "}", null);
        }
    }

    /** The latest instant not after {@code now} whose Asia/Shanghai time of day is {@code hour}. */
    static Instant lastNightAt(Instant now, double hour) {
        ZonedDateTime local = now.atZone(LOCAL);
        ZonedDateTime at = local.toLocalDate().atStartOfDay(LOCAL).plusSeconds((long) (hour * 3600));
        return (at.isAfter(local) ? at.minusDays(1) : at).toInstant();
    }

    /** 00:00 (inclusive) to 05:00 (exclusive), Asia/Shanghai: when a registered e-bike leaving raises an alert. */
    static boolean atNight(Instant at) {
        return at.atZone(LOCAL).toLocalTime().isBefore(NIGHT_ENDS);
    }

    /** Each compound has its own few hundred visiting cars, so the same plates come and go. */
    private static String visitorPlate(DeviceRef d, Random random) {
        Random r = new Random(d.nodeCode().hashCode() * 31L + random.nextInt(300));
        StringBuilder b = new StringBuilder(PROVINCE_CITY);
        for (int i = 0; i < 5; i++) {
            b.append(PLATE_CHARS.charAt(r.nextInt(PLATE_CHARS.length())));
        }
        return b.toString();
    }

    private static String visitorTag(DeviceRef d, Random random) {
        Random r = new Random(d.nodeCode().hashCode() * 17L + random.nextInt(400));
        return String.format("E2%014X", r.nextLong() & 0xFFFFFFFFFFFFFFL);
    }

    private Map<DeviceKind, List<DeviceRef>> devices() {
        Map<DeviceKind, List<DeviceRef>> byKind = new HashMap<>();
        for (DeviceKind k : DeviceKind.values()) {
            byKind.put(k, new ArrayList<>());
        }
        jdbc.sql("""
                        SELECT id, device_id, viid_device_id, kind, node_code, node_path::text AS node_path
                        FROM device.device WHERE active ORDER BY device_id""")
                .query(JdbcDeviceDirectory::ref).list().forEach(r -> byKind.get(r.kind()).add(r));
        return byKind;
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
        end();
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
