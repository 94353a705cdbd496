package org.beatbook.exchange.internal;

import java.time.Instant;
import java.util.List;

/**
 * The link to the platform as officers see it.
 *
 * @param enabled          false when no upstream URL is configured (events are still queued and counted)
 * @param upstreamUrl      where pushes go
 * @param queueDepth       sightings waiting to be pushed
 * @param oldestWaitingAt  when the oldest of them was queued; null when none waits
 * @param parked           sightings taken out of the queue because the platform refused them for good
 * @param registeredAt     last successful registration
 * @param lastSuccessAt    last push the platform answered
 * @param lastError        last failure; null if none yet
 * @param pushedPerMinute  acknowledged objects per minute over the last five minutes
 * @param collectedToday   events collected today (Beijing time) in the caller's jurisdiction
 * @param pushedToday      of today's events, those acknowledged by the platform, in the caller's jurisdiction
 * @param recentParked     the latest parked sightings in the caller's jurisdiction, newest first
 * @param parkedInScope    parked sightings in the caller's jurisdiction (what a re-queue would put back)
 * @param queueDepthAtLeast true when the queue was counted only so far: it holds at least {@code queueDepth}
 */
public record ExchangeStatus(boolean enabled, String upstreamUrl, long queueDepth, Instant oldestWaitingAt, long parked,
                             Instant registeredAt, Instant lastSuccessAt, LastError lastError, double pushedPerMinute,
                             long collectedToday, long pushedToday, List<ParkedSighting> recentParked,
                             long parkedInScope, boolean queueDepthAtLeast) {

    /**
     * @param at      when
     * @param message what happened, in the caller's language
     * @param detail  what the platform or network said
     */
    public record LastError(Instant at, String message, String detail) { }

    /**
     * @param eventId  the device's id of the event
     * @param compound code of the compound it was collected at
     * @param reason   the platform's StatusCode and text
     */
    public record ParkedSighting(long id, String kind, String eventId, String compound, Instant occurredAt,
                                 Instant parkedAt, int attempts, String reason) { }
}
