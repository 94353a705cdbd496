package org.beatbook.exchange.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The upstream platform and how hard to push ({@code beatbook.exchange.*}).
 *
 * @param upstreamUrl       base URL of the platform's GA/T 1400 service (e.g. {@code http://10.1.1.1:8080}); empty
 *                          turns pushing off (events are still queued and counted)
 * @param deviceId          Beatbook's 20-digit DeviceID as registered on the platform (the Digest user name)
 * @param password          its Digest password
 * @param batchSize         objects per push request
 * @param pollInterval      how long the pusher sleeps when the queue is empty
 * @param keepaliveInterval how often to send Keepalive
 * @param backoffInitial    first wait after an outage; doubled per failure, jittered
 * @param backoffMax        longest wait after an outage
 * @param requestTimeout    per HTTP request
 * @param maxAttempts       an object the platform refuses this often with a temporary code is parked
 * @param acknowledgedRetention how long acknowledged rows stay in the outbox (they answer "was this sent?");
 *                          older ones are purged by {@link OutboxUpkeep}; the volume ledger keeps their counts
 * @param purgeBatchSize    rows deleted per purge statement, so no statement holds its locks for long
 */
@ConfigurationProperties(prefix = "beatbook.exchange")
public record ExchangeProperties(String upstreamUrl, String deviceId, String password, Integer batchSize,
                                 Duration pollInterval, Duration keepaliveInterval, Duration backoffInitial,
                                 Duration backoffMax, Duration requestTimeout, Integer maxAttempts,
                                 Duration acknowledgedRetention, Integer purgeBatchSize) {

    public ExchangeProperties {
        upstreamUrl = upstreamUrl == null ? "" : upstreamUrl.strip().replaceAll("/+$", "");
        deviceId = deviceId == null ? "" : deviceId.strip();
        password = password == null ? "" : password;
        batchSize = batchSize == null ? 100 : batchSize;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        keepaliveInterval = keepaliveInterval == null ? Duration.ofSeconds(60) : keepaliveInterval;
        backoffInitial = backoffInitial == null ? Duration.ofSeconds(1) : backoffInitial;
        backoffMax = backoffMax == null ? Duration.ofMinutes(2) : backoffMax;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        acknowledgedRetention = acknowledgedRetention == null ? Duration.ofDays(7) : acknowledgedRetention;
        purgeBatchSize = purgeBatchSize == null ? 10_000 : purgeBatchSize;
        if (acknowledgedRetention.isNegative() || acknowledgedRetention.isZero()) {
            throw new IllegalArgumentException("beatbook.exchange.acknowledged-retention must be positive");
        }
        if (purgeBatchSize < 1) {
            throw new IllegalArgumentException("beatbook.exchange.purge-batch-size must be at least 1");
        }
    }

    public boolean enabled() {
        return !upstreamUrl.isEmpty();
    }
}
