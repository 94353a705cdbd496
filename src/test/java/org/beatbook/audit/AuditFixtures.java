package org.beatbook.audit;

import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.CallerAuthentication;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.security.Scope;

import java.util.List;
import java.util.UUID;

/** Test data for the audit module: callers of each role and audit events with a unique action. */
public final class AuditFixtures {

    private AuditFixtures() {
    }

    public static Caller caller(Role role) {
        return new Caller(role.ordinal() + 1L, role.name().toLowerCase() + "1", "测试" + role.name(), role,
                List.of("340524"), new Scope(List.of("340524")));
    }

    public static CallerAuthentication signedIn(Role role) {
        return new CallerAuthentication(caller(role));
    }

    /** An action name no other test uses, so counts stay exact in a shared database. */
    public static String uniqueAction(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static AuditEvent event(String action) {
        return new AuditEvent(action, "PERSON", "42", "340524.340524001", null, AuditEvent.Result.SUCCESS,
                "test event", null);
    }
}
