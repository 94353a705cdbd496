package org.beatbook.device.mqtt;

import org.beatbook.device.DeviceDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/** Which broker the devices reach: an external one when {@code beatbook.mqtt.url} is set, else the embedded one. */
@Configuration(proxyBeanMethods = false)
class MqttConfiguration {

    @Bean
    @ConditionalOnExpression("'${beatbook.mqtt.url:}'.isBlank() and ${beatbook.mqtt.embedded:true}")
    EmbeddedBroker embeddedMqttBroker(MqttProperties properties, @Value("${beatbook.home}") Path home,
                                      DeviceDirectory directory, MqttIngest ingest) {
        return new EmbeddedBroker(properties, home, directory, ingest);
    }

    @Bean
    @ConditionalOnExpression("!'${beatbook.mqtt.url:}'.isBlank()")
    ExternalBrokerSubscriber externalMqttSubscriber(MqttProperties properties, DeviceDirectory directory,
                                                    MqttIngest ingest) {
        return new ExternalBrokerSubscriber(properties, directory, ingest);
    }
}
