package org.beatbook.device;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory stand-in for the device registry and pipeline, for testing the protocol adapters on their own:
 * dedupe on (device, eventId), REJECTED for parse problems and missing ids, and switches to make the store fail or
 * hold its answer.
 */
public final class FakeDevices implements DeviceIngest, DeviceDirectory {

    public record Device(DeviceRef ref, String token, String viidPassword) { }

    private final Map<String, Device> byDeviceId = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final List<StoredEvent> stored = new CopyOnWriteArrayList<>();
    private final List<IncomingEvent> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
    private long seq;

    public Device add(String deviceId, String viidDeviceId, DeviceKind kind) {
        Device d = new Device(new DeviceRef(UUID.randomUUID(), deviceId, viidDeviceId, kind, "N1", "n1"),
                "tok-" + deviceId, viidDeviceId == null ? null : "pw-" + viidDeviceId);
        byDeviceId.put(deviceId, d);
        return d;
    }

    /** The next {@code n} submissions fail as if the database were down. */
    public void failNext(int n) {
        failures.set(n);
    }

    /** Answers wait until the returned future is completed. */
    public CompletableFuture<Void> hold() {
        CompletableFuture<Void> g = new CompletableFuture<>();
        gate = g;
        return g;
    }

    public List<StoredEvent> stored() {
        return stored;
    }

    /** Every event submitted, including duplicates and rejects. */
    public List<IncomingEvent> received() {
        return received;
    }

    public long storedCount(String eventId) {
        return stored.stream().filter(e -> e.eventId().equals(eventId)).count();
    }

    @Override
    public CompletableFuture<List<EventFate>> submit(DeviceRef device, List<IncomingEvent> events, Locale locale) {
        received.addAll(events);
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return CompletableFuture.failedFuture(new IllegalStateException("store unavailable (fake)"));
        }
        return gate.thenApplyAsync(v -> store(device, events));
    }

    private synchronized List<EventFate> store(DeviceRef device, List<IncomingEvent> events) {
        List<EventFate> fates = new ArrayList<>();
        for (IncomingEvent e : events) {
            if (e.parseProblem() != null) {
                fates.add(new EventFate(e.eventId(), EventFate.Outcome.REJECTED, e.parseProblem().field(),
                        e.parseProblem().messageKey()));
            } else if (e.eventId() == null || e.kind() == null || e.occurredAt() == null) {
                fates.add(new EventFate(e.eventId(), EventFate.Outcome.REJECTED, "eventId", "missing"));
            } else if (!seen.add(device.id() + "/" + e.eventId())) {
                fates.add(new EventFate(e.eventId(), EventFate.Outcome.DUPLICATE, null, null));
            } else {
                stored.add(new StoredEvent(++seq, device, e.eventId(), e.occurredAt(), java.time.Instant.now(),
                        e.kind(), e.direction(), e.plate(), e.plateColor(), e.tag(), e.method()));
                fates.add(new EventFate(e.eventId(), EventFate.Outcome.STORED, null, null));
            }
        }
        return fates;
    }

    @Override
    public Optional<DeviceRef> byToken(String token) {
        return byDeviceId.values().stream().filter(d -> d.token().equals(token)).map(Device::ref).findFirst();
    }

    @Override
    public Optional<DeviceRef> byDeviceId(String deviceId) {
        return Optional.ofNullable(byDeviceId.get(deviceId)).map(Device::ref);
    }

    @Override
    public Optional<DeviceRef> byViidDeviceId(String viidDeviceId) {
        return viid(viidDeviceId).map(Device::ref);
    }

    @Override
    public Optional<String> viidDigestHa1(String viidDeviceId, String realm) {
        return viid(viidDeviceId).map(d -> md5(viidDeviceId + ":" + realm + ":" + d.viidPassword()));
    }

    private Optional<Device> viid(String viidDeviceId) {
        return byDeviceId.values().stream().filter(d -> viidDeviceId.equals(d.ref().viidDeviceId())).findFirst();
    }

    public static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
