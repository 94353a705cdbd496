package org.beatbook.identity.internal;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.beatbook.identity.IdentityTestConfiguration.MutableClock;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;


import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Test accounts, written straight to the database: {@code accounts.create(b -> b.role(Role.AUDITOR))}. */

public class Accounts {

    public static final String PASSWORD = "Correct42horse";

    /** What a test needs to act as an account. */
    public record TestUser(long id, String username, String password, String totpSecret, Role role,
                           List<String> jurisdiction) { }

    public record Spec(Role role, List<String> jurisdiction, boolean enrolled, boolean mustChange) {
        public Spec role(Role r) {
            return new Spec(r, jurisdiction, enrolled, mustChange);
        }

        public Spec jurisdiction(String... codes) {
            return new Spec(role, List.of(codes), enrolled, mustChange);
        }

        /** Not yet enrolled in TOTP, and with an administrator-chosen password (must change). */
        public Spec fresh() {
            return new Spec(role, jurisdiction, false, true);
        }
    }

    private final UserRepository users;
    private final Passwords passwords;
    private final TotpCodes totp;
    private final ApiTokens tokens;
    private final CallerFactory callers;
    private final MutableClock clock;

    Accounts(UserRepository users, Passwords passwords, TotpCodes totp, ApiTokens tokens, CallerFactory callers,
             MutableClock clock) {
        this.users = users;
        this.passwords = passwords;
        this.totp = totp;
        this.tokens = tokens;
        this.callers = callers;
        this.clock = clock;
    }

    public TestUser create(UnaryOperator<Spec> spec) {
        Spec s = spec.apply(new Spec(Role.COMMUNITY_OFFICER, List.of("C1"), true, false));
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String secret = s.enrolled() ? totp.newSecret() : null;
        long id = users.insert(username, "测试 " + username, s.role(), passwords.hash(PASSWORD), s.mustChange(), secret,
                s.jurisdiction(), clock.instant());
        return new TestUser(id, username, PASSWORD, secret, s.role(), s.jurisdiction());
    }

    public TestUser create(Role role) {
        return create(s -> s.role(role));
    }

    /** A bearer token of the account, valid until {@code validFor} from now (null: without end). */
    public String token(TestUser user, Duration validFor) {
        return tokens.insert(user.id(), "test", validFor == null ? null : clock.instant().plus(validFor),
                clock.instant()).token();
    }

    public Caller caller(TestUser user) {
        return callers.callerOf(users.findById(user.id()).orElseThrow());
    }

    public UserAccount load(long id) {
        return users.findById(id).orElseThrow();
    }

    /** The code an authenticator shows now; moves the clock to a fresh 30-second step first. */
    public String nextCode(String secret) {
        clock.advance(Duration.ofSeconds(30));
        return codeNow(secret);
    }

    public String codeNow(String secret) {
        try {
            return new DefaultCodeGenerator().generate(secret, clock.instant().getEpochSecond() / 30);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public MutableClock clock() {
        return clock;
    }
}
