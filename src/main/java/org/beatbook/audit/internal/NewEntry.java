package org.beatbook.audit.internal;

import org.beatbook.shared.AuditEvent.Result;

import java.time.Instant;

/** A row waiting to be appended: everything but its id and hashes, already masked and cleaned. */
record NewEntry(Instant occurredAt, String actor, String actorRole, String action, String objectType,
                String objectId, String scopePath, String purpose, Result result, String detail,
                String clientAddress) {

    AuditEntry chained(long id, String prevHash) {
        AuditEntry unhashed = new AuditEntry(id, occurredAt, actor, actorRole, action, objectType, objectId,
                scopePath, purpose, result, detail, clientAddress, prevHash, null);
        return new AuditEntry(id, occurredAt, actor, actorRole, action, objectType, objectId, scopePath, purpose,
                result, detail, clientAddress, prevHash, ChainHash.of(prevHash, unhashed));
    }
}
