package org.beatbook.exchange.internal;

import java.time.Instant;

/** One queued sighting as the pusher reads it. */
record OutboxRow(long id, String kind, String eventId, String viidDeviceId, Instant occurredAt, String plate,
                 String plateColor, String tag, int attempts) { }
