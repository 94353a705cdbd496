package org.beatbook.address.internal;

import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.springframework.security.access.AccessDeniedException;

import java.util.EnumSet;
import java.util.Set;

/** Who may read and who may change the address tree. */
public final class AddressWriters {

    public static final Set<Role> READERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.STATION_LEADER,
            Role.COMMUNITY_OFFICER, Role.AUXILIARY_POLICE, Role.COMMUNITY_WORKER);
    public static final Set<Role> WRITERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.STATION_LEADER, Role.COMMUNITY_OFFICER);

    private AddressWriters() {
    }

    public static boolean mayWrite(Caller caller) {
        return caller != null && WRITERS.contains(caller.role());
    }

    static void requireWriter(Caller caller) {
        if (!mayWrite(caller)) {
            throw new AccessDeniedException("address write");
        }
    }

    static void requireReader(Caller caller) {
        if (caller == null || !READERS.contains(caller.role())) {
            throw new AccessDeniedException("address read");
        }
    }
}
