package org.beatbook.demo;

import org.beatbook.address.AddressDemo;
import org.beatbook.address.AddressDemo.DemoTree;
import org.beatbook.housing.HousingDemo;
import org.beatbook.identity.DemoCredential;
import org.beatbook.identity.DemoJurisdictions;
import org.beatbook.identity.IdentityDemo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the demo community once: when {@code beatbook.demo} is on and no account exists yet (a new data
 * directory or an empty external database). By default it loads on a thread of its own while the web server
 * starts ({@code beatbook.demo-background}; tests load it before the context is ready), so a first start serves
 * as soon as a restart would. The credentials go to {@code BEATBOOK_HOME/demo-credentials.json} (mode 600) only
 * once everything is loaded, so nobody can sign in to a half-loaded community.
 */
@Component
class DemoInstallation implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoInstallation.class);

    private final boolean enabled;
    private final boolean background;
    private final long seed;
    private final Path home;
    private final String baseUrl;
    private final AddressDemo addresses;
    private final IdentityDemo identity;
    private final RegistryDemo registry;
    private final SmartCompoundDemo smartCompound;
    private final JsonMapper json;

    DemoInstallation(@Value("${beatbook.demo:true}") boolean enabled,
                     @Value("${beatbook.demo-background:true}") boolean background,
                     @Value("${beatbook.demo-seed:20261129}") long seed,
                     @Value("${beatbook.home:./data}") String home,
                     @Value("${server.port:8080}") int port,
                     AddressDemo addresses, IdentityDemo identity, RegistryDemo registry,
                     SmartCompoundDemo smartCompound, JsonMapper json) {
        this.enabled = enabled;
        this.background = background;
        this.seed = seed;
        this.home = Path.of(home);
        this.baseUrl = "http://localhost:" + port;
        this.addresses = addresses;
        this.identity = identity;
        this.registry = registry;
        this.smartCompound = smartCompound;
        this.json = json;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled || identity.anyUserExists()) {
            return;
        }
        if (!background) {
            load();
            return;
        }
        Thread t = new Thread(() -> {
            try {
                load();
            } catch (RuntimeException e) {
                log.error("demo data could not be loaded", e);
            }
        }, "demo-loader");
        t.start();
    }

    private void load() {
        long started = System.nanoTime();
        DemoTree tree = addresses.load(seed);
        List<DemoCredential> users = identity.createDemoUsers(
                new DemoJurisdictions(List.of(tree.community()), tree.firstHalf(), tree.secondHalf()), seed);
        registry.load(tree, seed);
        SmartCompoundDemo.Loaded compound = smartCompound.load(tree, seed);
        Path file = write(tree, users, compound);
        log.warn("""

                ================================================================
                 Beatbook demo data loaded in {} ms: {} compounds, {} rooms, {} users.
                 Sign in at {}/login — usernames, passwords, TOTP secrets and
                 API tokens are in {}
                ================================================================""",
                (System.nanoTime() - started) / 1_000_000, tree.compounds().size(), tree.rooms(), users.size(),
                baseUrl, file.toAbsolutePath());
    }

    private Path write(DemoTree tree, List<DemoCredential> users, SmartCompoundDemo.Loaded compound) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("generatedAt", Instant.now().toString());
        doc.put("baseUrl", baseUrl);
        doc.put("note", "Demo accounts only. Compute the 6-digit code from totpSecret (RFC 6238, SHA-1, 30 s).");
        doc.put("users", users.stream().map(DemoInstallation::user).toList());
        Map<String, Object> places = new LinkedHashMap<>();
        places.put("district", tree.district());
        places.put("street", tree.street());
        places.put("community", tree.community());
        places.put("compounds", tree.compounds());
        places.put("largeCompound", tree.largeCompound());
        places.put("places", tree.places());
        doc.put("addresses", places);
        doc.put("devices", compound.devices());
        doc.put("hotlist", compound.hotlist());
        try {
            Files.createDirectories(home);
            Path file = home.resolve("demo-credentials.json");
            Path tmp = Files.createTempFile(home, "demo-credentials", ".tmp");
            // secrets inside: owner-only where the file system has POSIX modes (on Windows the folder's ACL applies)
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), doc);
            return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write demo credentials to " + home, e);
        }
    }

    private static Map<String, Object> user(DemoCredential c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", c.username());
        m.put("displayName", c.displayName());
        m.put("password", c.password());
        m.put("role", c.role().name());
        m.put("jurisdiction", c.jurisdiction());
        m.put("totpSecret", c.totpSecret());
        m.put("apiToken", c.apiToken());
        return m;
    }
}
