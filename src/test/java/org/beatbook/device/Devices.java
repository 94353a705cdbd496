package org.beatbook.device;

import org.beatbook.address.AddressFixtures;
import org.beatbook.device.internal.DeviceRegistry;
import org.beatbook.device.internal.DeviceViews.IssuedDevice;
import org.beatbook.device.internal.DeviceViews.NewDevice;
import org.beatbook.shared.security.Scope;

import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;

/** Test devices and event JSON. */
public final class Devices {

    private Devices() {
    }

    /** Registers a device of {@code kind} at {@code nodeCode} of the tree. */
    public static IssuedDevice register(DeviceRegistry registry, AddressFixtures.Tree tree, String nodeCode,
                                        DeviceKind kind, boolean gat1400) {
        return registry.register(new NewDevice("测试设备", kind, nodeCode, null, null, gat1400),
                new Scope(List.of(tree.path())), "test");
    }

    /** A vehicle pass as a device sends it. */
    public static String vehicle(String eventId, String plate, Instant at) {
        return """
                {"eventId":"%s","occurredAt":"%s","kind":"VEHICLE_PASS","direction":"IN","plate":"%s",\
                "plateColor":"蓝","payload":{"lane":1,"confidence":0.97}}""".formatted(eventId, at, plate);
    }

    public static String heartbeat(String eventId, Instant at) {
        return "{\"eventId\":\"%s\",\"occurredAt\":\"%s\",\"kind\":\"HEARTBEAT\"}".formatted(eventId, at);
    }

    public static String batch(String... events) {
        StringJoiner j = new StringJoiner(",", "{\"events\":[", "]}");
        for (String e : events) {
            j.add(e);
        }
        return j.toString();
    }
}
