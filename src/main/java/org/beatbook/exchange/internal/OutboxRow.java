package org.beatbook.exchange.internal;

import java.time.Instant;

/**
 * One queued sighting as the pusher reads it.
 *
 * @param id       the outbox row (what the pusher marks)
 * @param eventSeq the stored event's sequence number: part of the GA/T 1400 object id, so every attempt to push
 *                 the sighting sends the same id, whenever and however often its outbox row was made
 */
record OutboxRow(long id, long eventSeq, String kind, String eventId, String viidDeviceId, Instant occurredAt,
                 String plate, String plateColor, String tag, int attempts) { }
