package org.beatbook.device.mqtt;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import org.beatbook.device.DeviceDirectory;
import org.beatbook.device.DeviceRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Devices sign in to the embedded broker with username = device id and password = device token, and the client id
 * equal to the device id (so no device can take over another's session). A device may then publish to its own
 * events topic only; everything else (other topics, subscribing) is denied.
 */
final class DeviceAuthenticator implements SimpleAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(DeviceAuthenticator.class);

    private final DeviceDirectory directory;
    private final Map<String, DeviceRef> connected;

    DeviceAuthenticator(DeviceDirectory directory, Map<String, DeviceRef> connected) {
        this.directory = directory;
        this.connected = connected;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        String clientId = connect.getClientId();
        Optional<String> username = connect.getUserName();
        Optional<DeviceRef> device = connect.getPassword()
                .map(DeviceAuthenticator::text)
                .flatMap(directory::byToken)
                .filter(d -> username.filter(d.deviceId()::equals).isPresent());
        if (device.isEmpty()) {
            log.info("MQTT sign-in refused for username {} from client {}", username.orElse("-"), clientId);
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD);
            return;
        }
        if (!clientId.equals(device.get().deviceId())) {
            output.failAuthentication(ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID);
            return;
        }
        connected.put(clientId, device.get());
        output.getDefaultPermissions().add(Builders.topicPermission()
                .topicFilter(MqttTopics.events(device.get().deviceId()))
                .activity(TopicPermission.MqttActivity.PUBLISH)
                .retain(TopicPermission.Retain.NOT_RETAINED)
                .type(TopicPermission.PermissionType.ALLOW)
                .build());
        output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        output.authenticateSuccessfully();
    }

    private static String text(ByteBuffer password) {
        ByteBuffer copy = password.asReadOnlyBuffer();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
