package org.beatbook.identity;

import org.beatbook.shared.security.Role;

import java.util.List;

/**
 * What a demo user needs to sign in: password, the TOTP secret (base32, for an authenticator app or a
 * test's code generator) and a personal API token ({@code Authorization: Bearer …}).
 */
public record DemoCredential(String username, String displayName, String password, Role role,
                             List<String> jurisdiction, String totpSecret, String apiToken) {

    public DemoCredential {
        jurisdiction = List.copyOf(jurisdiction);
    }
}
