package org.beatbook.alert.internal;

import org.beatbook.alert.AlertRule;

import java.time.Instant;

/**
 * An alert with its evidence and where it stands. Persons are not part of it: a vehicle alert names the vehicle
 * ({@code vehicleId}); opening the alert shows the owner and is recorded as a read.
 *
 * @param eventSeq   the stored device event, or null for a device's silence
 * @param place      the name of the node the device is mounted at
 * @param occurredAt when it happened (device clock); for a silence, when the device was last heard
 * @param receivedAt when Beatbook received the event
 * @param raisedAt   when the alert was raised
 * @param detail     rule-specific: the hotlist source, the days unseen
 */
public record AlertView(long id, AlertRule rule, AlertState state, String plate, String tag, String deviceId,
                        String nodeCode, String nodePath, String place, Long eventSeq, Instant occurredAt,
                        Instant receivedAt, Instant raisedAt, Long hotlistId, Long vehicleId, String detail,
                        String acknowledgedBy, Instant acknowledgedAt, String dispatchedBy, Instant dispatchedAt,
                        Long assigneeId, String assigneeName, String dispatchNote, String closedBy, Instant closedAt,
                        Outcome outcome, String outcomeNote, int version) { }
