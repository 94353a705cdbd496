package org.beatbook.device;

/**
 * A stored event as the {@link EventLog} hands it out.
 *
 * @param position where it lies in the log; a reader that has dealt with it keeps this as its cursor
 * @param event    the event, with its device as the registry has it now
 */
public record LoggedEvent(LogPosition position, StoredEvent event) { }
