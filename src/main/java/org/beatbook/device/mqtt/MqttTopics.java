package org.beatbook.device.mqtt;

import java.util.Optional;
import java.util.regex.Pattern;

/** The one topic devices publish to: {@code beatbook/devices/{deviceId}/events}. */
final class MqttTopics {

    static final String SUBSCRIPTION = "beatbook/devices/+/events";

    private static final Pattern EVENTS = Pattern.compile("beatbook/devices/([^/+#]+)/events");

    private MqttTopics() {
    }

    static String events(String deviceId) {
        return "beatbook/devices/" + deviceId + "/events";
    }

    /** The device id in an events topic; empty for any other topic. */
    static Optional<String> deviceId(String topic) {
        var m = EVENTS.matcher(topic);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
