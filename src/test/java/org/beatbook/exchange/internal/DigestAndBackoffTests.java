package org.beatbook.exchange.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DigestAndBackoffTests {

    @Test
    void answersTheRfc2617ExampleChallenge() {
        DigestChallenge c = DigestChallenge.parse("""
                Digest realm="testrealm@host.com", qop="auth,auth-int", \
                nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41\"""").orElseThrow();
        String answer = c.answer("Mufasa", "Circle Of Life", "GET", "/dir/index.html", "0a4f113b");
        assertThat(answer).contains("response=\"6629fae49393a05397450978507c4ef1\"", "qop=auth", "nc=00000001",
                "cnonce=\"0a4f113b\"", "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"", "username=\"Mufasa\"");
    }

    @Test
    void onlyDigestChallengesWithANonceAreAccepted() {
        assertThat(DigestChallenge.parse("Basic realm=\"x\"")).isEmpty();
        assertThat(DigestChallenge.parse("Digest realm=\"x\"")).isEmpty();
        assertThat(DigestChallenge.parse(null)).isEmpty();
        assertThat(DigestChallenge.parse("digest nonce=abc, realm=\"a, b\"").orElseThrow().params())
                .containsEntry("nonce", "abc").containsEntry("realm", "a, b");
    }

    @Test
    void backOffDoublesUpToTheCapWithJitterInTheUpperHalf() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        long[][] bounds = {{50, 100}, {100, 200}, {200, 400}, {400, 800}, {500, 1000}, {500, 1000}};
        for (long[] bound : bounds) {
            assertThat(b.next().toMillis()).isBetween(bound[0], bound[1]);
        }
        b.reset();
        assertThat(b.next().toMillis()).isBetween(50L, 100L);
    }
}
