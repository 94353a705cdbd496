package org.beatbook.audit.web;

import org.beatbook.audit.internal.AuditEntry;
import org.beatbook.audit.internal.AuditFilter;

import java.time.format.DateTimeFormatter;

/** A row as the auditor sees it: the time in Beijing time, everything else as stored. */
record AuditRow(long id, String time, AuditEntry entry) {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(AuditFilter.SHOWN_ZONE);

    static AuditRow of(AuditEntry e) {
        return new AuditRow(e.id(), SHOWN.format(e.occurredAt()), e);
    }
}
