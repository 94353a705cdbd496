package org.beatbook.audit.internal;

import org.beatbook.audit.internal.ChainVerification.Anchor;
import org.beatbook.shared.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What auditors do with the log: search it, export it, verify it. Each of these is itself recorded in the
 * log (one row per search request, per export, per verification; never one per row read).
 */
@Service
public class AuditReading {

    static final String OBJECT_TYPE = "AUDIT_LOG";

    private final AuditLog log;
    private final ChainVerifier verifier;
    private final ApplicationEventPublisher events;

    AuditReading(AuditLog log, ChainVerifier verifier, ApplicationEventPublisher events) {
        this.log = log;
        this.verifier = verifier;
        this.events = events;
    }

    /** One page; the search is recorded in the same transaction, after the read, so it never lists itself. */
    @Transactional
    public AuditPage search(AuditQuery q) {
        List<AuditEntry> rows = log.search(q);
        boolean more = rows.size() > q.size();
        List<AuditEntry> page = more ? rows.subList(0, q.size()) : rows;
        events.publishEvent(new AuditEvent("AUDIT_SEARCHED", OBJECT_TYPE, null, null, null,
                AuditEvent.Result.SUCCESS, q.describe() + "; rows=" + page.size(), null));
        return new AuditPage(List.copyOf(page), more ? page.get(page.size() - 1).id() : null);
    }

    /** Records an export before any row leaves, and commits that record: a broken-off download still shows. */
    @Transactional
    public void recordExport(AuditQuery q) {
        events.publishEvent(new AuditEvent("AUDIT_EXPORTED", OBJECT_TYPE, null, null, null,
                AuditEvent.Result.SUCCESS, q.describe() + "; format=csv", null));
    }

    /** Every row matching the filters (paging ignored), newest first, through a cursor. */
    @Transactional(readOnly = true)
    public void export(AuditQuery q, Consumer<AuditEntry> each) {
        log.forEachMatching(q, each);
    }

    /** Verifies the chain, then records that it did (and what it found) in a row of its own. */
    public ChainVerification verify(Optional<Anchor> anchor, String actorWhenNoCaller) {
        ChainVerification v = verifier.verify(anchor);
        String detail = v.intact()
                ? "intact; rows=" + v.rows() + "; head=" + v.headId()
                : "broken at id=" + v.brokenId() + "; problem=" + v.problem();
        events.publishEvent(new AuditEvent("AUDIT_VERIFIED", OBJECT_TYPE, null, null, null,
                v.intact() ? AuditEvent.Result.SUCCESS : AuditEvent.Result.FAILURE, detail, actorWhenNoCaller));
        return v;
    }
}
