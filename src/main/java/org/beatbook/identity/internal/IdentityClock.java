package org.beatbook.identity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/** The time sign-in decisions use: the application's {@link Clock} bean if there is one (tests move it), else UTC. */
@Component
class IdentityClock {

    private final ObjectProvider<Clock> clocks;

    IdentityClock(ObjectProvider<Clock> clocks) {
        this.clocks = clocks;
    }

    Instant now() {
        return clocks.getIfUnique(Clock::systemUTC).instant();
    }
}
