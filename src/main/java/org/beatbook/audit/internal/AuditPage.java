package org.beatbook.audit.internal;

import java.util.List;

/**
 * One page of a search, newest first.
 *
 * @param nextBefore pass as {@code before} for the next (older) page; null on the last page
 */
public record AuditPage(List<AuditEntry> entries, Long nextBefore) {
}
