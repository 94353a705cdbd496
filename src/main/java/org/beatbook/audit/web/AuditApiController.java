package org.beatbook.audit.web;

import org.beatbook.audit.internal.AuditFilter;
import org.beatbook.audit.internal.AuditPage;
import org.beatbook.audit.internal.AuditReading;
import org.beatbook.audit.internal.ChainVerification;
import org.beatbook.audit.internal.ChainVerification.Anchor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for auditors' tools: search (same filters as the page) and chain verification. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditApiController {

    private final AuditReading reading;

    AuditApiController(AuditReading reading) {
        this.reading = reading;
    }

    /**
     * Newest first; times without offset are Beijing time; {@code nextBefore} fetches the next page.
     * The search itself is recorded as AUDIT_SEARCHED.
     */
    @GetMapping
    AuditPage search(@RequestParam MultiValueMap<String, String> params) {
        return reading.search(AuditFilter.of(params).toQuery());
    }

    /** Walks the whole chain; with {@code anchorId} and {@code anchorHash} also checks a head noted earlier. */
    @GetMapping("/verification")
    ChainVerification verification(@RequestParam(name = "anchorId", required = false) String anchorId,
                                   @RequestParam(name = "anchorHash", required = false) String anchorHash) {
        return reading.verify(Anchor.parse(anchorId, anchorHash), null);
    }
}
