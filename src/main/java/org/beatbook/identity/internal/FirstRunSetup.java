package org.beatbook.identity.internal;

import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.InvalidInput.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * First run of a clean (non-demo) installation: while no account exists, a one-time setup code is printed to
 * the console at start-up, and {@code /setup} with that code creates the first system administrator. The code
 * lives only in memory: a restart before setup prints a new one, and once an account exists setup is closed
 * for good. After {@link #MAX_WRONG} wrong codes a new code replaces the old one (printed again).
 */
@Service
public class FirstRunSetup {

    private static final Logger log = LoggerFactory.getLogger(FirstRunSetup.class);
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int MAX_WRONG = 10;

    private final UserRepository users;
    private final Passwords passwords;
    private final Jurisdictions jurisdictions;
    private final IdentityClock clock;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final boolean demo;
    private final SecureRandom random = new SecureRandom();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String code;
    private int wrong;

    FirstRunSetup(UserRepository users, Passwords passwords, Jurisdictions jurisdictions, IdentityClock clock,
                  ApplicationEventPublisher events, JdbcClient jdbc, @Value("${beatbook.demo:true}") boolean demo) {
        this.users = users;
        this.passwords = passwords;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
        this.events = events;
        this.jdbc = jdbc;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (!demo && open()) {
            newCode();
        }
    }

    /** True while no account exists. */
    public boolean open() {
        if (closed.get()) {
            return false;
        }
        if (users.anyExists()) {
            closed.set(true);
            code = null;
            return false;
        }
        return true;
    }

    /** The current code, for tests of this module. */
    String currentCode() {
        return code;
    }

    private synchronized void newCode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        code = sb.toString();
        wrong = 0;
        log.warn("""

                ==============================================================================
                  Beatbook has no user account yet. Open /setup and enter this one-time code
                  to create the first system administrator (首次安装：请打开 /setup 并输入此一次性设置码):

                      {}

                  The code works once and only until the first account exists.
                ==============================================================================""", code);
    }

    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /**
     * Creates the first system administrator if {@code typedCode} is the current code and no account exists.
     * Returns what was wrong with the input, empty on success; a wrong code is audited (so it is returned,
     * not thrown: throwing would roll the audit row back).
     */
    @Transactional
    public List<Violation> complete(String typedCode, String username, String displayName, String password, String repeat,
                         List<String> jurisdiction) {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext('identity.first-run-setup'))").query(Integer.class).single();
        if (!open()) {
            throw new SetupClosed();
        }
        List<Violation> violations = new ArrayList<>();
        synchronized (this) {
            String current = code;
            boolean right = current != null && MessageDigest.isEqual(normalise(current).getBytes(StandardCharsets.UTF_8),
                    normalise(typedCode).getBytes(StandardCharsets.UTF_8));
            if (!right) {
                if (current != null && ++wrong >= MAX_WRONG) {
                    newCode();
                }
                events.publishEvent(new AuditEvent("SETUP_COMPLETED", "USER", null, null, null,
                        AuditEvent.Result.FAILURE, "wrong setup code", abbreviate(username)));
                return List.of(new Violation("code", "identity.setup.codeWrong"));
            }
        }
        String name = username == null ? "" : username.strip();
        if (name.isEmpty()) {
            violations.add(new Violation("username", "identity.username.required"));
        } else if (!UserAdministration.USERNAME.matcher(name).matches()) {
            violations.add(new Violation("username", "identity.username.invalid"));
        }
        String display = UserAdministration.checkDisplayName(displayName, violations);
        violations.addAll(PasswordPolicy.check("password", password, name));
        if (password != null && !password.equals(repeat)) {
            violations.add(new Violation("repeat", "identity.password.mismatch"));
        }
        List<String> codes = Jurisdictions.clean(jurisdiction == null ? List.of() : jurisdiction);
        violations.addAll(jurisdictions.check("jurisdiction", codes, Role.SYSTEM_ADMIN));
        if (!violations.isEmpty()) {
            return violations;
        }
        long id = users.insert(name, display, Role.SYSTEM_ADMIN, passwords.hash(password), false, null, codes,
                clock.now());
        events.publishEvent(new AuditEvent("USER_CREATED", "USER", String.valueOf(id), null, null,
                AuditEvent.Result.SUCCESS, name + " SYSTEM_ADMIN", name));
        events.publishEvent(new AuditEvent("SETUP_COMPLETED", "USER", String.valueOf(id), null, null,
                AuditEvent.Result.SUCCESS, null, name));
        return List.of();
    }

    private static String abbreviate(String s) {
        return s == null ? null : SignInService.abbreviate(s);
    }

    /** Setup is over: an account exists. */
    public static class SetupClosed extends RuntimeException {
        SetupClosed() {
            super("setup is closed: an account exists");
        }
    }
}
