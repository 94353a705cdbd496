package org.beatbook.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The embedded PostgreSQL that Beatbook runs on when no external database is configured.
 * Its data directory lives under {@code BEATBOOK_HOME} and survives restarts. A server left
 * behind by a killed JVM is stopped before a new one starts on the same directory. As root,
 * zonky runs the server inside a user namespace ({@code unshare -U}), which PostgreSQL accepts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path directory;
    private final boolean ephemeral;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory, boolean ephemeral) {
        this.postgres = postgres;
        this.directory = directory;
        this.ephemeral = ephemeral;
    }

    /** Starts (initialising on first use) the cluster in {@code dataDirectory}. */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean ephemeral) {
        try {
            Path dir = dataDirectory.toAbsolutePath().normalize();
            Files.createDirectories(dir);
            stopOrphan(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // Spring closes the server with its context (after the pool and event registry are done);
                    // zonky's own JVM hook would race it and leave closing beans without a database.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (!ephemeral) {
                // zonky starts PostgreSQL with -F (fsync off) and synchronous_commit off, fine for throw-away test
                // clusters; Beatbook's own data must survive a crash (devices are acknowledged after the commit),
                // and a later -c wins over -F.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            log.info("Embedded PostgreSQL serving {} on 127.0.0.1:{}", dir, pg.getPort());
            return new EmbeddedDatabase(pg, dir, ephemeral);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:%d/%s".formatted(postgres.getPort(), database);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
        if (ephemeral) {
            org.springframework.util.FileSystemUtils.deleteRecursively(directory.toFile());
        }
    }

    /** A server whose JVM was killed keeps running; stop it so this start owns the directory. */
    private static void stopOrphan(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        if (server.isEmpty() || !server.get().isAlive()) {
            return;
        }
        log.warn("Stopping a PostgreSQL (pid {}) left running on {} by an earlier run", server.get().pid(), dir);
        server.get().destroy();
        try {
            server.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            server.get().destroyForcibly();
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
