package org.beatbook.device;

/**
 * A place in the {@link EventLog}: the stored events after it are those of later transactions, and those of the
 * same transaction with a higher sequence number.
 *
 * @param xid the id of the transaction that stored the event (0 for events stored before the log existed)
 * @param seq the event's sequence number
 */
public record LogPosition(long xid, long seq) {

    /** Before every event of the log. */
    public static final LogPosition START = new LogPosition(0, 0);
}
