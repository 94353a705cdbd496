package org.beatbook.support;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Tests: every application context gets its own fresh BEATBOOK_HOME (embedded database, demo credentials),
 * fixed once per context so every bean sees the same directory.
 */
public class ThrowAwayHome implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains("beatbookTestHome")) {
            return;
        }
        try {
            Path home = Files.createTempDirectory("beatbook-test-");
            environment.getPropertySources().addFirst(new MapPropertySource("beatbookTestHome",
                    Map.of("beatbook.home", home.toString(), "beatbook.db.home", home.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
