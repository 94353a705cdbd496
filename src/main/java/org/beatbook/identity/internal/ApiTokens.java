package org.beatbook.identity.internal;

import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.shared.web.InvalidInput.Violation;
import org.beatbook.shared.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens: {@code bb_} + 32 random bytes in base64url, shown once at creation. Only the SHA-256
 * hash is stored (the token has 256 bits of entropy, so a fast hash cannot be brute-forced) with a short
 * prefix for recognition. A token acts as its owner, with the owner's current role and jurisdiction.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "bb_";
    static final int MAX_PER_USER = 20;
    static final int MAX_NAME = 60;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A token as its owner sees it in the list (never the secret). */
    public record TokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
                            Instant expiresAt, Instant revokedAt, boolean active) { }

    /** A token just created: the secret {@code token} appears here and nowhere else, ever. */
    public record CreatedToken(TokenView view, String token) { }

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final CallerFactory callers;
    private final IdentityClock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, UserRepository users, CallerFactory callers, IdentityClock clock,
              ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.users = users;
        this.callers = callers;
        this.clock = clock;
        this.events = events;
    }

    /** A new token of {@code owner}, valid until the end of {@code expiresOn} (Asia/Shanghai) or without end. */
    @Transactional
    public CreatedToken create(Caller owner, String name, LocalDate expiresOn) {
        Instant now = clock.now();
        List<Violation> violations = new ArrayList<>(checkName(name));
        String cleanName = name == null ? "" : name.strip();
        Instant expiresAt = null;
        if (expiresOn != null) {
            if (!expiresOn.isAfter(LocalDate.ofInstant(now, ZONE)) || expiresOn.getYear() > 9999) {
                violations.add(new Violation("expiresOn", "identity.token.expiry.past"));
            } else {
                expiresAt = expiresOn.plusDays(1).atStartOfDay(ZONE).toInstant();
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        int active = jdbc.sql("""
                        SELECT count(*) FROM identity.api_token
                        WHERE user_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)""")
                .params(owner.userId(), UserRepository.ts(now)).query(Integer.class).single();
        if (active >= MAX_PER_USER) {
            throw InvalidInput.conflict("name", "identity.token.tooMany", MAX_PER_USER);
        }
        CreatedToken created = insert(owner.userId(), cleanName, expiresAt, now);
        events.publishEvent(new AuditEvent("TOKEN_CREATED", "API_TOKEN", String.valueOf(created.view().id()), null,
                null, AuditEvent.Result.SUCCESS, created.view().prefix(), null));
        return created;
    }

    /** What is wrong with a token name, if anything. */
    public static List<Violation> checkName(String name) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            return List.of(new Violation("name", "identity.token.name.required"));
        }
        if (cleanName.length() > MAX_NAME || cleanName.chars().anyMatch(Character::isISOControl)) {
            return List.of(new Violation("name", "identity.token.name.invalid", MAX_NAME));
        }
        return List.of();
    }

    CreatedToken insert(long userId, String name, Instant expiresAt, Instant now) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String prefix = token.substring(0, PREFIX.length() + 6);
        long id = jdbc.sql("""
                        INSERT INTO identity.api_token (user_id, name, token_hash, prefix, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(userId, name, sha256(token), prefix, UserRepository.ts(now), UserRepository.ts(expiresAt))
                .query(Long.class).single();
        return new CreatedToken(new TokenView(id, name, prefix, now, null, expiresAt, null, true), token);
    }

    @Transactional(readOnly = true)
    public List<TokenView> list(Caller owner) {
        Instant now = clock.now();
        return jdbc.sql("""
                        SELECT * FROM identity.api_token WHERE user_id = ?
                        ORDER BY revoked_at IS NOT NULL, created_at DESC, id DESC""")
                .param(owner.userId()).query((rs, n) -> view(rs, now)).list();
    }

    /** Revokes one of the caller's own tokens; someone else's token answers like a missing one. */
    @Transactional
    public void revoke(Caller owner, long id) {
        int rows = jdbc.sql("""
                        UPDATE identity.api_token SET revoked_at = coalesce(revoked_at, ?)
                        WHERE id = ? AND user_id = ?""")
                .params(UserRepository.ts(clock.now()), id, owner.userId()).update();
        if (rows == 0) {
            throw new TokenNotFound(id);
        }
        events.publishEvent(AuditEvent.success("TOKEN_REVOKED", "API_TOKEN", String.valueOf(id), null));
    }

    /** The caller a bearer token stands for, if it is known, not revoked, not expired and its owner may sign in. */
    @Transactional
    public Optional<Caller> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.now();
        Optional<Long> owner = jdbc.sql("""
                        UPDATE identity.api_token
                        SET last_used_at = CASE WHEN last_used_at IS NULL OR last_used_at < ?::timestamptz - interval '1 minute'
                                                THEN ?::timestamptz ELSE last_used_at END
                        WHERE token_hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
                        RETURNING user_id""")
                .params(UserRepository.ts(now), UserRepository.ts(now), sha256(token), UserRepository.ts(now))
                .query(Long.class).optional();
        return owner.flatMap(users::findById)
                .filter(u -> u.enabled() && u.totpEnrolled())
                .map(callers::callerOf);
    }

    private static TokenView view(ResultSet rs, Instant now) throws SQLException {
        Instant expires = UserRepository.instant(rs.getTimestamp("expires_at"));
        Instant revoked = UserRepository.instant(rs.getTimestamp("revoked_at"));
        return new TokenView(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                UserRepository.instant(rs.getTimestamp("created_at")),
                UserRepository.instant(rs.getTimestamp("last_used_at")), expires, revoked,
                revoked == null && (expires == null || expires.isAfter(now)));
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No such token among the caller's own. */
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public static class TokenNotFound extends NotFound {
        TokenNotFound(long id) {
            super("API token", String.valueOf(id));
        }
    }
}
