package org.beatbook.identity;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.shared.security.Scope;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What identity tests need from outside the module: an address tree (any code maps to {@code R.<code>} unless
 * moved, codes starting with {@code X} do not exist) and a clock the tests move.
 */
@TestConfiguration(proxyBeanMethods = false)
public class IdentityTestConfiguration {

    @Bean
    @Primary
    FakeAddressApi fakeAddressApi() {
        return new FakeAddressApi();
    }

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(Instant.parse("2026-11-02T01:00:00Z"));
    }

    /** Code "C1" is at "R.C1" until {@link #move} puts it elsewhere; codes starting with "X" are unknown. */
    public static class FakeAddressApi implements AddressApi {

        private final Map<String, String> moved = new ConcurrentHashMap<>();

        public void move(String code, String path) {
            moved.put(code, path);
        }

        String pathOf(String code) {
            if (code.startsWith("X")) {
                return null;
            }
            return moved.getOrDefault(code, "R." + code);
        }

        @Override
        public Optional<AddressNodeView> find(String code, Scope scope) {
            String path = pathOf(code);
            return path == null || !scope.covers(path) ? Optional.empty()
                    : Optional.of(new AddressNodeView(code, "R", path, AddressLevel.COMMUNITY, code, null, null, null, false));
        }

        @Override
        public List<AddressNodeView> children(String parentCode, Scope scope) {
            return List.of();
        }

        @Override
        public Scope scopeOf(Collection<String> codes) {
            return new Scope(codes.stream().map(this::pathOf).filter(p -> p != null).toList());
        }

        @Override
        public Map<AddressLevel, Long> countByLevel(Scope scope) {
            return Map.of();
        }

        @Override
        public List<AddressNodeView> roots(Scope scope) {
            return List.of();
        }

        @Override
        public List<AddressNodeView> ancestors(String code, Scope scope) {
            return List.of();
        }

        @Override
        public List<AddressNodeView> search(String query, Scope scope, int offset, int limit) {
            return List.of();
        }
    }

    /** A clock tests move forward (never back, so TOTP steps and lock times stay consistent across tests). */
    public static class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        public void advance(java.time.Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
