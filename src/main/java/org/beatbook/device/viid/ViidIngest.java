package org.beatbook.device.viid;

import org.beatbook.device.DeviceIngest;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.EventFate;
import org.beatbook.device.EventKind;
import org.beatbook.device.IncomingEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** GA/T 1400 objects into the one pipeline: each read vehicle becomes one event, the 48-digit id its event id. */
@Component
class ViidIngest {

    private final DeviceIngest ingest;
    private final ObjectMapper json;

    ViidIngest(DeviceIngest ingest, ObjectMapper json) {
        this.ingest = ingest;
        this.json = json;
    }

    IncomingEvent event(MotorVehicleObject v) {
        ObjectNode payload = json.createObjectNode().put("protocol", "GA/T 1400");
        if (v.deviceId() != null) {
            payload.put("viidDeviceId", v.deviceId());
        }
        if (v.hasPlate() != null) {
            payload.put("hasPlate", v.hasPlate());
        }
        if (v.vehicleClass() != null) {
            payload.put("vehicleClass", v.vehicleClass());
        }
        payload.put("images", v.imageCount());
        return new IncomingEvent(v.motorVehicleId(), v.passTime(), EventKind.VEHICLE_PASS, null, v.plateNo(),
                v.plateColor(), null, null, null, json.writeValueAsString(payload), null);
    }

    IncomingEvent event(NonMotorVehicleObject v) {
        ObjectNode payload = json.createObjectNode().put("protocol", "GA/T 1400");
        if (v.deviceId() != null) {
            payload.put("viidDeviceId", v.deviceId());
        }
        payload.put("images", v.imageCount());
        return new IncomingEvent(v.nonMotorVehicleId(), v.appearTime(), EventKind.EBIKE_PASS, null, v.plateNo(), null,
                null, null, null, json.writeValueAsString(payload), null);
    }

    IncomingEvent heartbeat(Instant at) {
        return new IncomingEvent("KA" + ViidReplies.localTime(at), at, EventKind.HEARTBEAT, null, null, null, null,
                null, null, "{\"protocol\":\"GA/T 1400\"}", null);
    }

    /** Submits in pipeline-sized batches; the fates in order, once all are durable. */
    CompletableFuture<List<EventFate>> submit(DeviceRef device, List<IncomingEvent> events, Locale locale) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<CompletableFuture<List<EventFate>>> parts = new ArrayList<>();
        for (int from = 0; from < events.size(); from += DeviceIngest.MAX_BATCH) {
            parts.add(ingest.submit(device, events.subList(from, Math.min(events.size(), from + DeviceIngest.MAX_BATCH)),
                    locale));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<EventFate> fates = new ArrayList<>(events.size());
            parts.forEach(p -> fates.addAll(p.join()));
            return fates;
        });
    }
}
