package org.beatbook.identity.internal;

import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.shared.web.InvalidInput.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Account administration with separated duties (三员分立): the system administrator creates accounts, edits
 * names and jurisdictions and disables or enables them; the security administrator changes roles, unlocks,
 * and resets passwords and TOTP enrolment; the auditor does neither. Nobody changes their own role, disables
 * themselves or resets their own credentials. The rules are checked here, whatever page or API calls.
 */
@Service
public class UserAdministration {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,40}");
    static final int MAX_DISPLAY_NAME = 60;
    static final int MAX_LIST = 500;

    /** The acting administrator may not do this to their own account. */
    public static class SelfAdministrationRefused extends AccessDeniedException {
        SelfAdministrationRefused() {
            super("not on one's own account");
        }
    }

    private final UserRepository users;
    private final Passwords passwords;
    private final Jurisdictions jurisdictions;
    private final IdentityClock clock;
    private final ApplicationEventPublisher events;

    UserAdministration(UserRepository users, Passwords passwords, Jurisdictions jurisdictions, IdentityClock clock,
                       ApplicationEventPublisher events) {
        this.users = users;
        this.passwords = passwords;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
        this.events = events;
    }

    public static boolean administersAccounts(Role role) {
        return role == Role.SYSTEM_ADMIN;
    }

    public static boolean administersSecurity(Role role) {
        return role == Role.SECURITY_ADMIN;
    }

    private static void require(Caller actor, boolean allowed) {
        if (!allowed) {
            throw new AccessDeniedException("role " + actor.role() + " may not do this");
        }
    }

    private static void notSelf(Caller actor, long id) {
        if (actor.userId() == id) {
            throw new SelfAdministrationRefused();
        }
    }

    @Transactional(readOnly = true)
    public List<UserView> list(Caller actor, String text, Role role, UserState state) {
        require(actor, administersAccounts(actor.role()) || administersSecurity(actor.role()));
        Instant now = clock.now();
        String q = text == null ? null : text.replaceAll("\\p{Cntrl}", "").strip();
        if (q != null && q.length() > 100) {
            q = q.substring(0, 100);
        }
        return users.search(q, role, state, now, MAX_LIST).stream().map(u -> UserView.of(u, now)).toList();
    }

    @Transactional(readOnly = true)
    public UserView get(Caller actor, long id) {
        require(actor, administersAccounts(actor.role()) || administersSecurity(actor.role()));
        return UserView.of(load(id), clock.now());
    }

    private UserAccount load(long id) {
        return users.findById(id).orElseThrow(() -> new UserNotFound(id));
    }

    @Transactional
    public UserView create(Caller actor, CreateUserCmd cmd) {
        require(actor, administersAccounts(actor.role()));
        Instant now = clock.now();
        List<Violation> violations = new ArrayList<>();
        String username = cmd.username() == null ? "" : cmd.username().strip();
        if (username.isEmpty()) {
            violations.add(new Violation("username", "identity.username.required"));
        } else if (!USERNAME.matcher(username).matches()) {
            violations.add(new Violation("username", "identity.username.invalid"));
        }
        String displayName = checkDisplayName(cmd.displayName(), violations);
        if (cmd.role() == null) {
            violations.add(new Violation("role", "identity.role.required"));
        }
        List<String> codes = Jurisdictions.clean(cmd.jurisdiction());
        violations.addAll(jurisdictions.check("jurisdiction", codes, cmd.role()));
        violations.addAll(PasswordPolicy.check("password", cmd.password(), username));
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        if (users.usernameTaken(username)) {
            throw InvalidInput.conflict("username", "identity.username.taken");
        }
        long id = users.insert(username, displayName, cmd.role(), passwords.hash(cmd.password()), true, null, codes, now);
        events.publishEvent(AuditEvent.success("USER_CREATED", "USER", String.valueOf(id), null)
                .withDetail(username + " " + cmd.role() + " " + String.join(",", codes)));
        return UserView.of(load(id), now);
    }

    static String checkDisplayName(String value, List<Violation> violations) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty()) {
            violations.add(new Violation("displayName", "identity.displayName.required"));
        } else if (name.length() > MAX_DISPLAY_NAME || name.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation("displayName", "identity.displayName.invalid", MAX_DISPLAY_NAME));
        }
        return name;
    }

    @Transactional
    public UserView updateProfile(Caller actor, long id, UpdateProfileCmd cmd) {
        require(actor, administersAccounts(actor.role()));
        UserAccount user = load(id);
        Instant now = clock.now();
        List<Violation> violations = new ArrayList<>();
        String displayName = checkDisplayName(cmd.displayName(), violations);
        List<String> codes = Jurisdictions.clean(cmd.jurisdiction());
        violations.addAll(jurisdictions.check("jurisdiction", codes, user.role()));
        if (cmd.version() == null) {
            violations.add(new Violation("version", "error.field.required"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        if (!users.updateProfile(id, cmd.version(), displayName, codes, now)) {
            throw InvalidInput.conflict("version", "identity.user.changedMeanwhile");
        }
        if (!displayName.equals(user.displayName())) {
            events.publishEvent(AuditEvent.success("USER_UPDATED", "USER", String.valueOf(id), null)
                    .withDetail("display name"));
        }
        if (!codes.equals(user.jurisdiction())) {
            events.publishEvent(AuditEvent.success("JURISDICTION_CHANGED", "USER", String.valueOf(id), null)
                    .withDetail(String.join(",", user.jurisdiction()) + " -> " + String.join(",", codes)));
        }
        return UserView.of(load(id), now);
    }

    @Transactional
    public UserView setEnabled(Caller actor, long id, boolean enabled) {
        require(actor, administersAccounts(actor.role()));
        notSelf(actor, id);
        UserAccount user = load(id);
        if (!enabled && user.enabled() && isLastOf(user)) {
            throw InvalidInput.conflict("enabled", "identity.user.lastOfRole");
        }
        users.setEnabled(id, enabled, clock.now());
        events.publishEvent(AuditEvent.success(enabled ? "USER_ENABLED" : "USER_DISABLED", "USER",
                String.valueOf(id), null));
        return UserView.of(load(id), clock.now());
    }

    /** The last enabled system or security administrator cannot lose that duty: nobody could then restore it. */
    private boolean isLastOf(UserAccount user) {
        if (user.role() != Role.SYSTEM_ADMIN && user.role() != Role.SECURITY_ADMIN) {
            return false;
        }
        return users.search(null, user.role(), null, clock.now(), MAX_LIST).stream()
                .filter(u -> u.enabled() && u.id() != user.id()).findAny().isEmpty();
    }

    @Transactional
    public UserView changeRole(Caller actor, long id, Role role, Long version) {
        require(actor, administersSecurity(actor.role()));
        notSelf(actor, id);
        UserAccount user = load(id);
        List<Violation> violations = new ArrayList<>();
        if (role == null) {
            violations.add(new Violation("role", "identity.role.required"));
        } else if (role.operational() && user.jurisdiction().isEmpty()) {
            violations.add(new Violation("role", "identity.role.needsJurisdiction"));
        }
        if (version == null) {
            violations.add(new Violation("version", "error.field.required"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        if (role == user.role()) {
            return UserView.of(user, clock.now());
        }
        if (user.enabled() && isLastOf(user)) {
            throw InvalidInput.conflict("role", "identity.user.lastOfRole");
        }
        if (!users.changeRole(id, version, role, clock.now())) {
            throw InvalidInput.conflict("version", "identity.user.changedMeanwhile");
        }
        events.publishEvent(AuditEvent.success("ROLE_CHANGED", "USER", String.valueOf(id), null)
                .withDetail(user.role() + " -> " + role));
        return UserView.of(load(id), clock.now());
    }

    @Transactional
    public UserView unlock(Caller actor, long id) {
        require(actor, administersSecurity(actor.role()));
        load(id);
        users.unlock(id, clock.now());
        events.publishEvent(AuditEvent.success("USER_UNLOCKED", "USER", String.valueOf(id), null));
        return UserView.of(load(id), clock.now());
    }

    /** Sets a temporary password that the user must change at the next sign-in; ends the user's sessions. */
    @Transactional
    public UserView resetPassword(Caller actor, long id, String password) {
        require(actor, administersSecurity(actor.role()));
        notSelf(actor, id);
        UserAccount user = load(id);
        List<Violation> violations = PasswordPolicy.check("password", password, user.username());
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        users.changePassword(id, passwords.hash(password), true, clock.now());
        events.publishEvent(AuditEvent.success("PASSWORD_RESET", "USER", String.valueOf(id), null));
        return UserView.of(load(id), clock.now());
    }

    /** Forgets the user's TOTP secret: the next sign-in enrols a new one. Ends the user's sessions. */
    @Transactional
    public UserView resetTotp(Caller actor, long id) {
        require(actor, administersSecurity(actor.role()));
        notSelf(actor, id);
        load(id);
        users.resetTotp(id, clock.now());
        events.publishEvent(AuditEvent.success("TOTP_RESET", "USER", String.valueOf(id), null));
        return UserView.of(load(id), clock.now());
    }
}
