package org.beatbook.device.web;

import org.beatbook.device.DeviceIngest;
import org.beatbook.device.Direction;
import org.beatbook.device.EventKind;
import org.beatbook.device.IncomingEvent;
import org.beatbook.device.IncomingEvent.ParseProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code {"events":[…]}} leniently: what is wrong with the batch as a whole is a {@link BatchProblem}
 * (a 400 naming the field); what is wrong with one event travels with that event as its {@link ParseProblem}, so
 * the pipeline rejects it alone. Text fields also take numbers (vendors send card numbers and tags as numbers).
 * Shared with the MQTT adapter, which takes the same event JSON.
 */
public final class EventBatchParser {

    /** The batch cannot be read at all. */
    public record BatchProblem(String field, String messageKey, Object... args) { }

    /** Either the events or the problem. */
    public record Parsed(List<IncomingEvent> events, BatchProblem problem) { }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventBatchParser() {
    }

    public static Parsed parse(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (JacksonException | IllegalArgumentException e) {
            return problem("body", "device.batch.malformed");
        }
        if (root == null || root.isMissingNode()) {
            return problem("body", "device.batch.malformed");
        }
        if (!root.isObject()) {
            return problem("body", "device.batch.notObject");
        }
        JsonNode events = root.get("events");
        if (events == null || events.isNull()) {
            return problem("events", "device.batch.eventsRequired");
        }
        if (!events.isArray()) {
            return problem("events", "device.batch.eventsNotArray");
        }
        if (events.size() > DeviceIngest.MAX_BATCH) {
            return problem("events", "device.batch.tooMany", DeviceIngest.MAX_BATCH);
        }
        List<IncomingEvent> list = new ArrayList<>(events.size());
        for (JsonNode e : events) {
            list.add(event(e));
        }
        return new Parsed(list, null);
    }

    private static Parsed problem(String field, String key, Object... args) {
        return new Parsed(null, new BatchProblem(field, key, args));
    }

    /** One event; the first field that cannot be read becomes its parse problem. */
    public static IncomingEvent event(JsonNode e) {
        if (e == null || !e.isObject()) {
            return new IncomingEvent(null, null, null, null, null, null, null, null, null, null,
                    new ParseProblem("events", "device.event.notObject"));
        }
        Fields f = new Fields(e);
        String eventId = f.text("eventId");
        Instant occurredAt = f.instant("occurredAt");
        EventKind kind = f.choice("kind", EventKind.class);
        Direction direction = f.choice("direction", Direction.class);
        String plate = f.text("plate");
        String plateColor = f.text("plateColor");
        String tag = f.text("tag");
        String credential = f.text("credential");
        String method = f.text("method");
        JsonNode payload = e.get("payload");
        String payloadText = payload == null || payload.isNull() ? null : payload.toString();
        return new IncomingEvent(eventId, occurredAt, kind, direction, plate, plateColor, tag, credential, method,
                payloadText, f.problem);
    }

    private static final class Fields {
        private final JsonNode node;
        private ParseProblem problem;

        Fields(JsonNode node) {
            this.node = node;
        }

        String text(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (v.isString()) {
                return v.stringValue();
            }
            if (v.isIntegralNumber()) {
                return v.bigIntegerValue().toString();
            }
            fail(field, "device.event.field.notText");
            return null;
        }

        Instant instant(String field) {
            String text = text(field);
            if (text == null) {
                return null;
            }
            try {
                return IsoTimestamps.parse(text.strip());
            } catch (DateTimeException e) {
                fail(field, "device.event.occurredAt.invalid");
                return null;
            }
        }

        <E extends Enum<E>> E choice(String field, Class<E> type) {
            String text = text(field);
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                fail(field, "device.event." + field + ".invalid");
                return null;
            }
        }

        private void fail(String field, String key) {
            if (problem == null) {
                problem = new ParseProblem(field, key);
            }
        }
    }
}
