package org.beatbook.identity.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.InvalidInput.Violation;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the node codes of a jurisdiction against the address tree. Operational roles need at least one node;
 * the administrative roles (system admin, security admin, auditor) may hold none, which is an empty scope.
 */
@Component
class Jurisdictions {

    static final int MAX_CODES = 50;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final AddressApi address;

    Jurisdictions(@Lazy AddressApi address) {
        this.address = address;
    }

    /** Trimmed, de-duplicated codes in the order typed. */
    static List<String> clean(List<String> codes) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : codes) {
            for (String part : c.split("[,，\\s]+")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return List.copyOf(out);
    }

    List<Violation> check(String field, List<String> codes, Role role) {
        List<Violation> violations = new ArrayList<>();
        if (codes.isEmpty()) {
            if (role != null && role.operational()) {
                violations.add(new Violation(field, "identity.jurisdiction.required"));
            }
            return violations;
        }
        if (codes.size() > MAX_CODES) {
            violations.add(new Violation(field, "identity.jurisdiction.tooMany", MAX_CODES));
            return violations;
        }
        for (String code : codes) {
            if (!CODE.matcher(code).matches() || address.scopeOf(List.of(code)).paths().isEmpty()) {
                violations.add(new Violation(field, "identity.jurisdiction.unknown", code));
            }
        }
        return violations;
    }
}
