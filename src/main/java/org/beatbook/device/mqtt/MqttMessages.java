package org.beatbook.device.mqtt;

import org.beatbook.device.web.EventBatchParser;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * An MQTT message body: the HTTP push's event JSON, either one event object or a {@code {"events":[…]}} batch,
 * read by the same {@link EventBatchParser}. Never throws on any input.
 */
final class MqttMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MqttMessages() {
    }

    static EventBatchParser.Parsed parse(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (JacksonException | IllegalArgumentException e) {
            root = null;
        }
        if (root != null && root.isObject() && !root.has("events")) {
            return new EventBatchParser.Parsed(List.of(EventBatchParser.event(root)), null);
        }
        return EventBatchParser.parse(body);
    }
}
