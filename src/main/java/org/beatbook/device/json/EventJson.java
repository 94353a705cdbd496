package org.beatbook.device.json;

import org.beatbook.device.DeviceIngest;
import org.beatbook.device.Direction;
import org.beatbook.device.EventKind;
import org.beatbook.device.IncomingEvent;
import org.beatbook.device.IncomingEvent.ParseProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The event JSON devices send, over HTTP push and MQTT alike: one event object
 * {@code {"eventId","occurredAt","kind","direction","plate","plateColor","tag","credential","method","payload"}}, or a
 * batch {@code {"events":[…]}}. Lenient about types (numbers for text, kind and direction in any case), strict about
 * names: an unknown or unreadable field leaves a {@link ParseProblem} on that event, so the pipeline rejects it and
 * the rest of the batch is stored. Never throws on any input.
 */
public final class EventJson {

    private final ObjectMapper json;

    public EventJson(ObjectMapper json) {
        this.json = json;
    }

    /**
     * What a message held: its events, or, when the message as a whole is unusable (not JSON, no object, an empty or
     * oversized batch), no events and the problem.
     */
    public record Message(List<IncomingEvent> events, ParseProblem problem) {

        static Message unusable(String field, String messageKey) {
            return new Message(List.of(), new ParseProblem(field, messageKey));
        }
    }

    public Message parse(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            return Message.unusable("body", "eventjson.malformed");
        }
        if (root == null || !root.isObject()) {
            return Message.unusable("body", "eventjson.notObject");
        }
        JsonNode batch = root.get("events");
        if (batch == null) {
            return new Message(List.of(event(root, "")), null);
        }
        if (root.size() > 1) {
            return Message.unusable("body", "eventjson.batchWithOtherFields");
        }
        if (!batch.isArray()) {
            return Message.unusable("events", "eventjson.eventsNotArray");
        }
        if (batch.isEmpty()) {
            return Message.unusable("events", "eventjson.batchEmpty");
        }
        if (batch.size() > DeviceIngest.MAX_BATCH) {
            return Message.unusable("events", "eventjson.batchTooLarge");
        }
        List<IncomingEvent> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            JsonNode item = batch.get(i);
            events.add(item.isObject() ? event(item, "events[" + i + "].")
                    : problemOnly(new ParseProblem("events[" + i + "]", "eventjson.notObject")));
        }
        return new Message(List.copyOf(events), null);
    }

    private IncomingEvent event(JsonNode node, String prefix) {
        Fields f = new Fields(prefix);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "eventId" -> f.eventId = f.text("eventId", v);
                case "occurredAt" -> f.occurredAt = f.instant(v);
                case "kind" -> f.kind = f.kind(v);
                case "direction" -> f.direction = f.direction(v);
                case "plate" -> f.plate = f.text("plate", v);
                case "plateColor" -> f.plateColor = f.text("plateColor", v);
                case "tag" -> f.tag = f.text("tag", v);
                case "credential" -> f.credential = f.text("credential", v);
                case "method" -> f.method = f.text("method", v);
                case "payload" -> f.payload = v.isNull() ? null : json.writeValueAsString(v);
                default -> f.problem(e.getKey(), "eventjson.unknownField");
            }
        }
        return new IncomingEvent(f.eventId, f.occurredAt, f.kind, f.direction, f.plate, f.plateColor, f.tag,
                f.credential, f.method, f.payload, f.problem);
    }

    private static IncomingEvent problemOnly(ParseProblem problem) {
        return new IncomingEvent(null, null, null, null, null, null, null, null, null, null, problem);
    }

    /** One event's fields while it is read; keeps the first problem. */
    private static final class Fields {
        private final String prefix;
        String eventId;
        Instant occurredAt;
        EventKind kind;
        Direction direction;
        String plate;
        String plateColor;
        String tag;
        String credential;
        String method;
        String payload;
        ParseProblem problem;

        Fields(String prefix) {
            this.prefix = prefix;
        }

        void problem(String field, String messageKey) {
            if (problem == null) {
                problem = new ParseProblem(prefix + field, messageKey);
            }
        }

        /** Text as sent; a number is taken as its decimal text (vendors send ids and codes either way). */
        String text(String field, JsonNode v) {
            if (v.isNull()) {
                return null;
            }
            if (v.isString()) {
                return v.stringValue();
            }
            if (v.isIntegralNumber()) {
                return v.bigIntegerValue().toString();
            }
            problem(field, "eventjson.notText");
            return null;
        }

        Instant instant(JsonNode v) {
            if (v.isNull()) {
                return null;
            }
            if (v.isIntegralNumber() && v.canConvertToLong()) {
                return Instant.ofEpochMilli(v.longValue()); // epoch milliseconds, as many controllers send
            }
            if (v.isString()) {
                try {
                    return OffsetDateTime.parse(v.stringValue().trim()).toInstant();
                } catch (DateTimeParseException | ArithmeticException e) {
                    // falls through to the problem
                }
            }
            problem("occurredAt", "eventjson.badTime");
            return null;
        }

        EventKind kind(JsonNode v) {
            String s = v.isString() ? v.stringValue().trim().toUpperCase(Locale.ROOT) : null;
            for (EventKind k : EventKind.values()) {
                if (k.name().equals(s)) {
                    return k;
                }
            }
            if (!v.isNull()) {
                problem("kind", "eventjson.badKind");
            }
            return null;
        }

        Direction direction(JsonNode v) {
            String s = v.isString() ? v.stringValue().trim().toUpperCase(Locale.ROOT) : null;
            for (Direction d : Direction.values()) {
                if (d.name().equals(s)) {
                    return d;
                }
            }
            if (!v.isNull() && !(v.isString() && v.stringValue().isBlank())) {
                problem("direction", "eventjson.badDirection");
            }
            return null;
        }
    }
}
