package org.beatbook.identity.internal;

import org.beatbook.identity.internal.PendingSignIn.Stage;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.AuditEvent.Result;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.web.InvalidInput.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The sign-in steps: password, then TOTP (or TOTP enrolment on a first sign-in), then a new password when an
 * administrator chose the current one. Every failure answers the same generic way, whether the username is
 * unknown, the password wrong, the account locked or disabled; consecutive failures lock the account.
 */
@Service
public class SignInService {

    public static final String FAILED = "identity.signIn.failed";
    public static final String CODE_FAILED = "identity.signIn.codeFailed";

    /** What a step led to. */
    public sealed interface Outcome {
        /** The step failed; show {@code messageKey} and let the user try again (if the pending state is kept). */
        record Failed(String messageKey, boolean restart) implements Outcome { }
        /** The step passed; another is needed. */
        record Next(PendingSignIn pending) implements Outcome { }
        /** Signed in. */
        record Done(Caller caller, int securityStamp) implements Outcome { }
        /** The new password broke the policy. */
        record Rejected(List<Violation> violations) implements Outcome { }
    }

    private final UserRepository users;
    private final Passwords passwords;
    private final TotpCodes totp;
    private final CallerFactory callers;
    private final IdentityProperties properties;
    private final IdentityClock clock;
    private final ApplicationEventPublisher events;

    SignInService(UserRepository users, Passwords passwords, TotpCodes totp, CallerFactory callers,
                  IdentityProperties properties, IdentityClock clock, ApplicationEventPublisher events) {
        this.users = users;
        this.passwords = passwords;
        this.totp = totp;
        this.callers = callers;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Outcome password(String username, String password) {
        Instant now = clock.now();
        String typed = username == null ? "" : username.strip();
        // no valid username is long or holds control characters (PostgreSQL refuses NUL in text outright)
        Optional<UserAccount> found = typed.isEmpty() || typed.length() > 100 || typed.chars().anyMatch(Character::isISOControl)
                ? Optional.empty() : users.findByUsername(typed);
        // always one hash, so an unknown username costs as long as a wrong password
        boolean matches = passwords.matchesOrDummy(password, found.map(UserAccount::passwordHash).orElse(null));
        if (found.isEmpty()) {
            events.publishEvent(failure(null, abbreviate(typed), "unknown user"));
            return new Outcome.Failed(FAILED, true);
        }
        UserAccount user = found.get();
        if (user.lockedAt(now)) {
            events.publishEvent(failure(user, user.username(), "locked"));
            return new Outcome.Failed(FAILED, true);
        }
        if (!matches) {
            fail(user, "password", now);
            return new Outcome.Failed(FAILED, true);
        }
        if (!user.enabled()) {
            events.publishEvent(failure(user, user.username(), "disabled"));
            return new Outcome.Failed(FAILED, true);
        }
        PendingSignIn pending = user.totpEnrolled()
                ? new PendingSignIn(user.id(), user.username(), Stage.TOTP, null, user.securityStamp(), now)
                : new PendingSignIn(user.id(), user.username(), Stage.ENROL, totp.newSecret(), user.securityStamp(), now);
        return new Outcome.Next(pending);
    }

    /** The account behind a pending sign-in, if the pending state is still good for another step. */
    private Optional<UserAccount> current(PendingSignIn pending, Stage stage, Instant now) {
        if (pending == null || pending.stage() != stage
                || pending.startedAt().plus(properties.pendingTimeout()).isBefore(now)) {
            return Optional.empty();
        }
        return users.findById(pending.userId())
                .filter(u -> u.enabled() && !u.lockedAt(now) && u.securityStamp() == pending.securityStamp());
    }

    @Transactional
    public Outcome totp(PendingSignIn pending, String code) {
        Instant now = clock.now();
        Optional<UserAccount> found = current(pending, Stage.TOTP, now);
        if (found.isEmpty()) {
            return new Outcome.Failed(FAILED, true);
        }
        UserAccount user = found.get();
        OptionalLong step = totp.verify(user.totpSecret(), code, now);
        if (step.isEmpty() || !users.acceptTotpStep(user.id(), step.getAsLong())) {
            boolean locked = fail(user, "totp", now);
            return new Outcome.Failed(locked ? FAILED : CODE_FAILED, locked);
        }
        return afterSecondFactor(pending, user, now);
    }

    @Transactional
    public Outcome enrol(PendingSignIn pending, String code) {
        Instant now = clock.now();
        Optional<UserAccount> found = current(pending, Stage.ENROL, now).filter(u -> !u.totpEnrolled());
        if (found.isEmpty()) {
            return new Outcome.Failed(FAILED, true);
        }
        UserAccount user = found.get();
        OptionalLong step = totp.verify(pending.enrolSecret(), code, now);
        if (step.isEmpty()) {
            boolean locked = fail(user, "totp enrolment", now);
            return new Outcome.Failed(locked ? FAILED : CODE_FAILED, locked);
        }
        if (!users.completeEnrolment(user.id(), pending.enrolSecret(), step.getAsLong(), now)) {
            return new Outcome.Failed(FAILED, true);
        }
        events.publishEvent(new AuditEvent("TOTP_ENROLLED", "USER", String.valueOf(user.id()), null, null,
                Result.SUCCESS, null, user.username()));
        return afterSecondFactor(pending, user, now);
    }

    @Transactional
    public Outcome changePassword(PendingSignIn pending, String password, String repeat) {
        Instant now = clock.now();
        Optional<UserAccount> found = current(pending, Stage.CHANGE_PASSWORD, now);
        if (found.isEmpty()) {
            return new Outcome.Failed(FAILED, true);
        }
        UserAccount user = found.get();
        List<Violation> violations = new java.util.ArrayList<>(PasswordPolicy.check("password", password, user.username()));
        if (violations.isEmpty() && !password.equals(repeat)) {
            violations.add(new Violation("repeat", "identity.password.mismatch"));
        }
        if (violations.isEmpty() && passwords.matchesOrDummy(password, user.passwordHash())) {
            violations.add(new Violation("password", "identity.password.unchanged"));
        }
        if (!violations.isEmpty()) {
            return new Outcome.Rejected(violations);
        }
        users.changePassword(user.id(), passwords.hash(password), false, now);
        events.publishEvent(new AuditEvent("PASSWORD_CHANGED", "USER", String.valueOf(user.id()), null, null,
                Result.SUCCESS, null, user.username()));
        UserAccount changed = users.findById(user.id()).orElseThrow();
        return complete(changed, now);
    }

    private Outcome afterSecondFactor(PendingSignIn pending, UserAccount user, Instant now) {
        if (user.passwordMustChange()) {
            return new Outcome.Next(pending.next(Stage.CHANGE_PASSWORD));
        }
        return complete(users.findById(user.id()).orElseThrow(), now);
    }

    private Outcome complete(UserAccount user, Instant now) {
        users.signedIn(user.id(), now);
        events.publishEvent(new AuditEvent("SIGN_IN", "USER", String.valueOf(user.id()), null, null,
                Result.SUCCESS, null, user.username()));
        return new Outcome.Done(callers.callerOf(user), user.securityStamp());
    }

    /** Counts a failure; returns true when it locked the account. */
    private boolean fail(UserAccount user, String what, Instant now) {
        events.publishEvent(failure(user, user.username(), what));
        boolean locked = users.recordFailure(user.id(), properties.maxFailedAttempts(),
                now.plus(properties.lockDuration()), now);
        if (locked) {
            events.publishEvent(new AuditEvent("ACCOUNT_LOCKED", "USER", String.valueOf(user.id()), null, null,
                    Result.SUCCESS, "after " + properties.maxFailedAttempts() + " failed attempts", user.username()));
        }
        return locked;
    }

    private static AuditEvent failure(UserAccount user, String actor, String detail) {
        return new AuditEvent("SIGN_IN", "USER", user == null ? null : String.valueOf(user.id()), null, null,
                Result.FAILURE, detail, actor);
    }

    /** The typed username as the audit log may keep it: at most 64 characters, control characters replaced. */
    static String abbreviate(String s) {
        String cut = s.length() <= 64 ? s : s.substring(0, 64);
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** Records a sign-out (the session is already being invalidated). */
    @Transactional
    public void signedOut(Caller caller) {
        events.publishEvent(new AuditEvent("SIGN_OUT", "USER", String.valueOf(caller.userId()), null, null,
                Result.SUCCESS, null, caller.username()));
    }
}
