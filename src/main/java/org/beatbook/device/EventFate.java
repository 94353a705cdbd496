package org.beatbook.device;

/**
 * What became of one submitted event, answered only after the batch it travelled in is durable.
 *
 * @param eventId the device's id for the event (may be null when the event had none: then REJECTED)
 * @param outcome STORED (new), DUPLICATE (this device sent this eventId before; stored once) or REJECTED
 * @param field   for REJECTED: the field at fault; null otherwise
 * @param reason  for REJECTED: the localized reason; null otherwise
 */
public record EventFate(String eventId, Outcome outcome, String field, String reason) {

    public enum Outcome { STORED, DUPLICATE, REJECTED }
}
