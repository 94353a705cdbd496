package org.beatbook.device.mqtt;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import org.beatbook.device.DeviceDirectory;
import org.beatbook.device.DeviceRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The embedded MQTT broker (HiveMQ CE, ADR 0007). It starts in the background once the application is ready, so
 * its cold start (several seconds on two busy cores) neither delays nor competes with the application's own, and
 * it does not stop the application from starting when its port is taken: MQTT is one of three ways in, and the
 * error names the setting to change.
 */
final class EmbeddedBroker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final MqttProperties properties;
    private final Path home;
    private final DeviceDirectory directory;
    private final MqttIngest ingest;
    private final Map<String, DeviceRef> connected = new ConcurrentHashMap<>();
    private final CompletableFuture<Boolean> ready = new CompletableFuture<>();
    private volatile EmbeddedHiveMQ hive;
    private volatile boolean running;

    EmbeddedBroker(MqttProperties properties, Path home, DeviceDirectory directory, MqttIngest ingest) {
        this.properties = properties;
        this.home = home;
        this.directory = directory;
        this.ingest = ingest;
    }

    /** Completes with true once devices can connect, false if the broker could not start. */
    CompletableFuture<Boolean> ready() {
        return ready;
    }

    @Override
    public void start() {
        running = true;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        launch();
    }

    /** Starts the broker without waiting for it; {@link #ready()} tells when it listens. */
    void launch() {
        if (!portFree()) {
            log.error("Embedded MQTT broker not started: port {} on {} is in use. Set beatbook.mqtt.port to a free "
                    + "port, or beatbook.mqtt.url to use the broker already there; HTTP and GA/T 1400 ingest run "
                    + "regardless.", properties.port(), properties.bindAddress());
            ready.complete(false);
            return;
        }
        long started = System.nanoTime();
        try {
            Path root = home.resolve("mqtt");
            hive = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(configuration(root.resolve("conf")))
                    .withDataFolder(Files.createDirectories(root.resolve("data")))
                    .withExtensionsFolder(Files.createDirectories(root.resolve("extensions")))
                    .withEmbeddedExtension(EmbeddedExtension.builder()
                            .withId("beatbook-devices").withName("Beatbook devices").withVersion("1")
                            .withPriority(1000).withStartPriority(1000)
                            .withExtensionMain(new DevicesExtension())
                            .build())
                    .withoutLoggingBootstrap()
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        hive.start().whenComplete((v, e) -> {
            if (e != null) {
                log.error("Embedded MQTT broker failed to start", e);
                ready.complete(false);
            } else {
                log.info("Embedded MQTT broker listening on {}:{} (started in {} ms)", properties.bindAddress(),
                        properties.port(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                ready.complete(true);
            }
        });
    }

    @Override
    public void stop() {
        EmbeddedHiveMQ broker = hive;
        if (broker != null) {
            try {
                broker.stop().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("Embedded MQTT broker did not stop cleanly: {}", e.toString());
            }
            hive = null;
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private boolean portFree() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(properties.bindAddress()), properties.port()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** In-memory persistence: an unacknowledged message lives on in the device, not in the broker. */
    private Path configuration(Path dir) throws IOException {
        Files.createDirectories(dir);
        String xml = """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <persistence>
                        <mode>in-memory</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(properties.port(), properties.bindAddress());
        Files.writeString(dir.resolve("config.xml"), xml, StandardCharsets.UTF_8);
        return dir;
    }

    private final class DevicesExtension implements ExtensionMain {

        @Override
        public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
            DeviceAuthenticator authenticator = new DeviceAuthenticator(directory, connected);
            StoreBeforeAck interceptor = new StoreBeforeAck(ingest, connected, properties.storeTimeout());
            Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
            Services.initializerRegistry().setClientInitializer(
                    (initializerInput, client) -> client.addPublishInboundInterceptor(interceptor));
        }

        @Override
        public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
            connected.clear();
        }
    }
}
