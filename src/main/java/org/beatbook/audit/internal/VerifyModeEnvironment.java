package org.beatbook.audit.internal;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * With {@code --beatbook.audit.verify} the application starts only to check the audit chain: no HTTP port
 * is opened ({@code server.port=-1}: the context is complete, so every module's beans still wire, but no
 * connector listens) and no demo data is loaded. Registered in {@code META-INF/spring.factories}.
 */
class VerifyModeEnvironment implements EnvironmentPostProcessor {

    static final String PROPERTY = "beatbook.audit.verify";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String value = environment.getProperty(PROPERTY);
        if (value != null && !"false".equalsIgnoreCase(value)) {
            environment.getPropertySources().addFirst(new MapPropertySource("beatbook-audit-verify", Map.of(
                    "server.port", "-1",
                    "beatbook.demo", "false",
                    "spring.main.banner-mode", "off")));
        }
    }
}
