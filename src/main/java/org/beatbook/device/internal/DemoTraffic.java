package org.beatbook.device.internal;

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
 * {@code beatbook.demo.traffic-minutes}, with a morning and an evening peak, heartbeats each minute, and now and then
 * a plate or tag from {@link DemoWanted} (when a bean offers them). Everything goes through {@link DeviceIngest}, as
 * real devices' events do. Switched on by {@code beatbook.demo.traffic=true} or from the devices page.
 */
@Component
public class DemoTraffic implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    private static final String PROVINCE_CITY = "皖E";
    private static final String PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    private static final String[] METHODS = {"CARD", "FACE", "FACE", "BLUETOOTH", "QR_CODE", "EXIT_BUTTON",
            "VISITOR_CALL", "PIN", "REMOTE"};
    /** One in this many passages carries a wanted plate or tag: a handful of hits per simulated day. */
    private static final int WANTED_ONE_IN = 2500;

    /** What the simulator is doing. */
    public record Status(boolean running, long sent, long wanted, double simulatedHour) { }

    private final DeviceIngest ingest;
    private final JdbcClient jdbc;
    private final ObjectProvider<DemoWanted> wanted;
    private final boolean atStart;
    private final Duration dayLength;
    private final int passages;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private volatile Thread thread;
    private volatile double hour;

    DemoTraffic(DeviceIngest ingest, JdbcClient jdbc, ObjectProvider<DemoWanted> wanted,
                @Value("${beatbook.demo.traffic:false}") boolean atStart,
                @Value("${beatbook.demo.traffic-minutes:20}") long minutes,
                @Value("${beatbook.demo.traffic-passages:20000}") int passages) {
        this.ingest = ingest;
        this.jdbc = jdbc;
        this.wanted = wanted;
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
        Random random = new Random();
        double total = 0;
        for (int m = 0; m < 24 * 60; m++) {
            total += rate(m / 60.0);
        }
        double perUnit = passages / total; // passages per simulated minute at rate 1
        long tickMillis = 1000;
        double simMinutesPerTick = 24 * 60.0 * tickMillis / dayLength.toMillis();
        double simMinute = 0;
        double carry = 0;
        Map<UUID, Long> seq = new HashMap<>();
        Instant lastHeartbeat = Instant.EPOCH;
        try {
            while (simMinute < 24 * 60 && !Thread.currentThread().isInterrupted()) {
                long started = System.currentTimeMillis();
                hour = simMinute / 60.0;
                carry += rate(hour) * perUnit * simMinutesPerTick;
                int count = (int) carry;
                carry -= count;
                Instant now = Instant.now();
                Map<DeviceRef, List<IncomingEvent>> batches = new HashMap<>();
                for (int i = 0; i < count; i++) {
                    passage(devices, random, now, seq, batches);
                }
                if (Duration.between(lastHeartbeat, now).toSeconds() >= 60) {
                    lastHeartbeat = now;
                    devices.values().forEach(list -> list.forEach(d -> batches.computeIfAbsent(d, k -> new ArrayList<>())
                            .add(event(d, seq, now, EventKind.HEARTBEAT, null, null, null, null))));
                }
                batches.forEach((device, events) -> ingest.submit(device, events, Locale.SIMPLIFIED_CHINESE));
                sent.addAndGet(count);
                simMinute += simMinutesPerTick;
                Thread.sleep(Math.max(1, tickMillis - (System.currentTimeMillis() - started)));
            }
            log.info("demo traffic: day done, {} passages, {} wanted", sent.get(), hits.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("demo traffic stopped", e);
        }
    }

    private void passage(Map<DeviceKind, List<DeviceRef>> devices, Random random, Instant now, Map<UUID, Long> seq,
                         Map<DeviceRef, List<IncomingEvent>> batches) {
        double p = random.nextDouble();
        DeviceKind kind = p < 0.45 ? DeviceKind.PLATE_CAMERA : p < 0.75 ? DeviceKind.EBIKE_READER
                : DeviceKind.ACCESS_CONTROLLER;
        List<DeviceRef> candidates = devices.get(kind);
        if (candidates.isEmpty()) {
            return;
        }
        DeviceRef d = candidates.get(random.nextInt(candidates.size()));
        Direction dir = random.nextBoolean() ? Direction.IN : Direction.OUT;
        boolean hit = random.nextInt(WANTED_ONE_IN) == 0;
        DemoWanted w = hit ? wanted.getIfAvailable() : null;
        IncomingEvent e = switch (kind) {
            case PLATE_CAMERA -> {
                String plate = w != null && !w.plates().isEmpty()
                        ? w.plates().get(random.nextInt(w.plates().size())) : residentPlate(d, random);
                yield event(d, seq, now, EventKind.VEHICLE_PASS, dir, plate, null, null);
            }
            case EBIKE_READER -> {
                String tag = w != null && !w.tags().isEmpty()
                        ? w.tags().get(random.nextInt(w.tags().size())) : residentTag(d, random);
                yield event(d, seq, now, EventKind.EBIKE_PASS, dir, null, tag, null);
            }
            default -> event(d, seq, now, EventKind.DOOR_OPEN, dir, null, null, METHODS[random.nextInt(METHODS.length)]);
        };
        if (w != null) {
            hits.incrementAndGet();
        }
        batches.computeIfAbsent(d, k -> new ArrayList<>()).add(e);
    }

    private IncomingEvent event(DeviceRef d, Map<UUID, Long> seq, Instant at, EventKind kind, Direction dir,
                                String plate, String tag, String method) {
        long n = seq.merge(d.id(), 1L, Long::sum);
        String id = "sim-" + at.toEpochMilli() / 1000 + "-" + n;
        return new IncomingEvent(id, at, kind, dir, plate, plate == null ? null : "BLUE", tag, null, method,
                "{\"simulatedHour\":" + String.format(Locale.ROOT, "%.2f", hour) + "}", null);
    }

    /** Each compound has its own few hundred cars, so the same plates come and go. */
    private static String residentPlate(DeviceRef d, Random random) {
        Random r = new Random(d.nodeCode().hashCode() * 31L + random.nextInt(300));
        StringBuilder b = new StringBuilder(PROVINCE_CITY);
        for (int i = 0; i < 5; i++) {
            b.append(PLATE_CHARS.charAt(r.nextInt(PLATE_CHARS.length())));
        }
        return b.toString();
    }

    private static String residentTag(DeviceRef d, Random random) {
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
