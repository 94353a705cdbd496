package org.beatbook.device.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Device settings ({@code beatbook.device.*}).
 *
 * @param retentionDays   how long events are kept; older partitions are dropped, older events rejected
 * @param clockSkew       how far in the future a device's clock may be before an event is rejected
 * @param silentAfter     a device that reported before and has been quiet this long is silent
 * @param groupCommit     true: one writer commits every waiting event together; false: one transaction per
 *                        submission on the caller's thread (only for comparison, see docs/benchmarks.md)
 * @param maxGroupEvents  at most this many events in one commit
 * @param writers         writer threads (each with its own connection) committing groups side by side
 * @param partitionsAhead monthly partitions kept ready beyond the current month
 * @param viidRealm       the HTTP Digest realm of GA/T 1400 passwords (their HA1 is stored for it)
 */
@ConfigurationProperties("beatbook.device")
public record DeviceProperties(@DefaultValue("180") int retentionDays,
                               @DefaultValue("5m") Duration clockSkew,
                               @DefaultValue("10m") Duration silentAfter,
                               @DefaultValue("true") boolean groupCommit,
                               @DefaultValue("20000") int maxGroupEvents,
                               @DefaultValue("2") int writers,
                               @DefaultValue("2") int partitionsAhead,
                               @DefaultValue("beatbook") String viidRealm) {

    public DeviceProperties {
        if (retentionDays < 31) {
            throw new IllegalArgumentException("beatbook.device.retention-days must be at least 31");
        }
        if (maxGroupEvents < 1000) {
            throw new IllegalArgumentException("beatbook.device.max-group-events must be at least 1000");
        }
        if (writers < 1 || writers > 8) {
            throw new IllegalArgumentException("beatbook.device.writers must be between 1 and 8");
        }
        if (partitionsAhead < 1 || partitionsAhead > 24) {
            throw new IllegalArgumentException("beatbook.device.partitions-ahead must be between 1 and 24");
        }
    }

    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }
}
