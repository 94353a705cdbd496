package org.beatbook.device;

import java.time.Instant;

/**
 * One event as a protocol adapter parsed it, not yet validated: the pipeline checks every field and answers
 * {@link EventFate.Outcome#REJECTED} with a reason naming the field. Adapters parse leniently (vendor type quirks)
 * and leave a field null when it is absent or unreadable, recording why in {@code parseProblem}.
 *
 * @param eventId      the device's own id for the event, unique per device (GA/T 1400: the 48-digit object id)
 * @param occurredAt   when it happened, per the device
 * @param kind         what happened
 * @param direction    IN, OUT or null
 * @param plate        motor-vehicle plate, for VEHICLE_PASS (and e-bike plates where read)
 * @param plateColor   plate colour code or name as sent
 * @param tag          e-bike RFID tag, for EBIKE_PASS
 * @param credential   card/face/... identifier for DOOR_OPEN (stored masked where personal)
 * @param method       door-open method (card, face, Bluetooth, remote, exit button, PIN, ID card, visitor call,
 *                     QR code)
 * @param payload      the rest, as compact JSON text; may be null
 * @param parseProblem the adapter's reason (field + message key) when it could not read a field; null if none
 */
public record IncomingEvent(String eventId, Instant occurredAt, EventKind kind, Direction direction, String plate,
                            String plateColor, String tag, String credential, String method, String payload,
                            ParseProblem parseProblem) {

    /** What an adapter could not read: the JSON field and a message key of the rule. */
    public record ParseProblem(String field, String messageKey) { }
}
