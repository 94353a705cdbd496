package org.beatbook.identity.internal;

import org.beatbook.identity.DemoCredential;
import org.beatbook.identity.DemoJurisdictions;
import org.beatbook.identity.IdentityDemo;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo accounts. Usernames are fixed and passwords follow from the seed (the same seed gives the same
 * passwords); TOTP secrets and API tokens are random. Passwords need no change at first sign-in.
 */
@Service
class DemoUsers implements IdentityDemo {

    private record Spec(String username, String displayName, Role role, int jurisdiction) { }

    // jurisdiction: 0 = community, 1 = auxiliary one, 2 = auxiliary two
    private static final List<Spec> SPECS = List.of(
            new Spec("sysadmin", "系统管理员 王建国", Role.SYSTEM_ADMIN, 0),
            new Spec("secadmin", "安全管理员 李安", Role.SECURITY_ADMIN, 0),
            new Spec("auditor", "审计员 赵审", Role.AUDITOR, 0),
            new Spec("leader", "所领导 陈立", Role.STATION_LEADER, 0),
            new Spec("officer", "社区民警 江浩", Role.COMMUNITY_OFFICER, 0),
            new Spec("aux", "辅警 周明", Role.AUXILIARY_POLICE, 0),
            new Spec("aux1", "辅警 孙一", Role.AUXILIARY_POLICE, 1),
            new Spec("aux2", "辅警 吴二", Role.AUXILIARY_POLICE, 2),
            new Spec("worker", "网格员 刘芳", Role.COMMUNITY_WORKER, 0));

    private static final String LETTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";

    private final UserRepository users;
    private final Passwords passwords;
    private final TotpCodes totp;
    private final ApiTokens tokens;
    private final IdentityClock clock;
    private final ApplicationEventPublisher events;

    DemoUsers(UserRepository users, Passwords passwords, TotpCodes totp, ApiTokens tokens, IdentityClock clock,
              ApplicationEventPublisher events) {
        this.users = users;
        this.passwords = passwords;
        this.totp = totp;
        this.tokens = tokens;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public boolean anyUserExists() {
        return users.anyExists();
    }

    @Override
    @Transactional
    public List<DemoCredential> createDemoUsers(DemoJurisdictions jurisdictions, long seed) {
        if (users.anyExists()) {
            throw new IllegalStateException("accounts exist already; demo users are created on an empty installation only");
        }
        Random random = new Random(seed);
        Instant now = clock.now();
        List<String> plain = SPECS.stream().map(s -> password(random)).toList();
        // bcrypt is deliberately slow: hash the demo passwords on all cores, not one after another
        List<String> hashes = plain.parallelStream().map(passwords::hash).toList();
        List<DemoCredential> out = new ArrayList<>();
        for (int i = 0; i < SPECS.size(); i++) {
            Spec spec = SPECS.get(i);
            List<String> codes = switch (spec.jurisdiction()) {
                case 1 -> jurisdictions.auxiliaryOne();
                case 2 -> jurisdictions.auxiliaryTwo();
                default -> jurisdictions.community();
            };
            String password = plain.get(i);
            String secret = totp.newSecret();
            long id = users.insert(spec.username(), spec.displayName(), spec.role(), hashes.get(i), false,
                    secret, codes, now);
            String token = tokens.insert(id, "demo", null, now).token();
            events.publishEvent(new AuditEvent("USER_CREATED", "USER", String.valueOf(id), null, null,
                    AuditEvent.Result.SUCCESS, "demo " + spec.username() + " " + spec.role(), "demo"));
            out.add(new DemoCredential(spec.username(), spec.displayName(), password, spec.role(), codes, secret, token));
        }
        return out;
    }

    /** 12 characters from the seed: letters and digits, always both. */
    private static String password(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            String from = i % 4 == 3 ? DIGITS : LETTERS;
            sb.append(from.charAt(random.nextInt(from.length())));
        }
        return sb.toString();
    }
}
