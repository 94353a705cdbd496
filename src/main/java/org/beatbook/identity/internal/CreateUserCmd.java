package org.beatbook.identity.internal;

import org.beatbook.shared.security.Role;

import java.util.List;

/** A new account, as a system administrator fills it in; the password must be changed at first sign-in. */
public record CreateUserCmd(String username, String displayName, Role role, List<String> jurisdiction,
                            String password) {

    public CreateUserCmd {
        jurisdiction = jurisdiction == null ? List.of() : jurisdiction.stream().filter(c -> c != null).toList();
    }
}
