package org.beatbook.access;

import java.util.List;

import static org.beatbook.access.AccessRule.roles;
import static org.beatbook.access.AccessRule.unscoped;
import static org.beatbook.shared.security.Role.AUDITOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The audit log: the auditor alone reads it; no administrator does. */
class AuditAccessRules implements AccessRules {

    @Override
    public List<AccessRule> rules(AccessFixture f) {
        return List.of(
                unscoped(GET, "/audit", roles(AUDITOR), c -> get("/audit")),
                unscoped(GET, "/audit/export.csv", roles(AUDITOR), c -> get("/audit/export.csv")),
                unscoped(GET, "/audit/verify", roles(AUDITOR), c -> get("/audit/verify")),
                unscoped(GET, "/api/v1/audit", roles(AUDITOR), c -> get("/api/v1/audit")),
                unscoped(GET, "/api/v1/audit/verification", roles(AUDITOR), c -> get("/api/v1/audit/verification")));
    }
}
