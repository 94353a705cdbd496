/**
 * Users, roles and jurisdictions; sign-in with password and TOTP, lockout, sessions and personal API tokens.
 */
@ApplicationModule(allowedDependencies = {"shared", "address"})
package org.beatbook.identity;

import org.springframework.modulith.ApplicationModule;
