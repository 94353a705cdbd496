package org.beatbook.identity;

import java.util.List;

/**
 * Creates the demo accounts of a demo installation: one user per role plus two auxiliary police with
 * disjoint sub-jurisdictions, each enrolled in TOTP and holding one API token.
 */
public interface IdentityDemo {

    /** True once any account exists (demo or not); the demo users are then not created again. */
    boolean anyUserExists();

    /**
     * Creates the demo users in one transaction. Usernames and passwords follow from {@code seed};
     * TOTP secrets and API tokens are random and only returned here, so write them down.
     *
     * @throws IllegalStateException when an account already exists
     */
    List<DemoCredential> createDemoUsers(DemoJurisdictions jurisdictions, long seed);
}
