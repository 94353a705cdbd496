package org.beatbook.audit.internal;

import org.beatbook.audit.internal.ChainVerification.Anchor;
import org.beatbook.audit.internal.ChainVerification.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Walks the whole chain in id order through a cursor (constant memory, ~1M rows in seconds) and reports
 * the first row that does not verify. One read-only transaction gives one consistent snapshot.
 */
@Service
public class ChainVerifier {

    private final AuditLog log;

    ChainVerifier(AuditLog log) {
        this.log = log;
    }

    @Transactional(readOnly = true)
    public ChainVerification verify(Optional<Anchor> anchor) {
        String prev = ChainHash.GENESIS;
        long rows = 0;
        Long lastId = null;
        boolean anchorSeen = false;
        try (Stream<AuditEntry> stream = log.streamInChainOrder()) {
            Iterator<AuditEntry> it = stream.iterator();
            while (it.hasNext()) {
                AuditEntry row = it.next();
                rows++;
                String expected = ChainHash.of(prev, row);
                if (!expected.equals(row.hash())) {
                    Problem problem = prev.equals(row.prevHash()) ? Problem.CONTENT_ALTERED : Problem.LINK_BROKEN;
                    return broken(rows, row.id(), problem, expected, row.hash());
                }
                if (anchor.isPresent() && anchor.get().id() == row.id()) {
                    anchorSeen = true;
                    if (!anchor.get().hash().equalsIgnoreCase(row.hash())) {
                        return broken(rows, row.id(), Problem.ANCHOR_MISMATCH, anchor.get().hash(), row.hash());
                    }
                }
                prev = row.hash();
                lastId = row.id();
            }
        }
        if (anchor.isPresent() && !anchorSeen) {
            return broken(rows, anchor.get().id(), Problem.ANCHOR_MISMATCH, anchor.get().hash(), null);
        }
        return new ChainVerification(true, rows, null, null, null, null, lastId, lastId == null ? null : prev,
                Instant.now());
    }

    private ChainVerification broken(long rows, long id, Problem problem, String expected, String stored) {
        Optional<AuditEntry> head = log.head();
        return new ChainVerification(false, rows, id, problem, expected, stored,
                head.map(AuditEntry::id).orElse(null), head.map(AuditEntry::hash).orElse(null), Instant.now());
    }
}
