package org.beatbook.audit.internal;

import org.beatbook.shared.AuditEvent.Result;

import java.time.Instant;

/**
 * A validated search of the audit log: every filter optional, newest first, one page of {@code size}
 * rows with ids below {@code before} (keyset paging: stable while rows are appended).
 */
public record AuditQuery(Instant from, Instant to, String actor, String action, String objectType,
                         String objectId, Result result, Long before, int size) {

    /** The filters as short text for the audit row that records this search (values already masked). */
    String describe() {
        StringBuilder sb = new StringBuilder();
        add(sb, "from", from);
        add(sb, "to", to);
        add(sb, "actor", actor);
        add(sb, "action", action);
        add(sb, "objectType", objectType);
        add(sb, "objectId", objectId);
        add(sb, "result", result);
        add(sb, "before", before);
        return sb.isEmpty() ? "all" : sb.toString();
    }

    private static void add(StringBuilder sb, String name, Object value) {
        if (value != null) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(name).append('=').append(value);
        }
    }
}
