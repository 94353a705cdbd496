package org.beatbook.audit.internal;

import org.beatbook.shared.AuditEvent.Result;

import java.time.Instant;

/**
 * One stored row of the audit log, exactly as it was chained.
 *
 * @param occurredAt when it happened, UTC, microsecond precision (what PostgreSQL keeps)
 * @param prevHash   the hash of the row before (64 zeros for the first)
 * @param hash       SHA-256 over {@code prevHash} and every other field, see {@link ChainHash}
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String actorRole, String action,
                         String objectType, String objectId, String scopePath, String purpose, Result result,
                         String detail, String clientAddress, String prevHash, String hash) {
}
