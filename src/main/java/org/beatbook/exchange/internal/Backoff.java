package org.beatbook.exchange.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off after outages: initial × 2^(failures − 1), capped, with "equal jitter" (a random point in the
 * upper half), so instances that lost the platform together do not come back together.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private int failures;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    Duration next() {
        failures = Math.min(failures + 1, 30);
        long cap = Math.min(max.toMillis(), initial.toMillis() << Math.min(failures - 1, 20));
        long half = cap / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(cap - half + 1));
    }

    void reset() {
        failures = 0;
    }

    int failures() {
        return failures;
    }
}
