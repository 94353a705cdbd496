package org.beatbook.device.internal;

import org.beatbook.device.Direction;
import org.beatbook.device.EventKind;

import java.time.Instant;

/**
 * An event that passed {@link EventRules}: canonical values, ready to store.
 *
 * @param credential masked where it is an ID or phone number
 * @param payload    compact JSON text, with ID and phone numbers masked; or null
 */
record CheckedEvent(String eventId, Instant occurredAt, EventKind kind, Direction direction, String plate,
                    String plateColor, String tag, String credential, String method, String payload) { }
