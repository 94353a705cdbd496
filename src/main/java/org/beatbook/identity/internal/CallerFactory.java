package org.beatbook.identity.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Scope;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Builds the {@link Caller} of a user from the stored account, with the jurisdiction's current subtree paths
 * from the address module, and rebuilds it on every request so a moved node, a new role or a disabled
 * account takes effect at once.
 */
@Component
public class CallerFactory {

    private final UserRepository users;
    private final AddressApi address;

    // @Lazy: resolved at first use, so this module starts even where no address implementation is present yet
    CallerFactory(UserRepository users, @Lazy AddressApi address) {
        this.users = users;
        this.address = address;
    }

    Caller callerOf(UserAccount user) {
        Scope scope = user.jurisdiction().isEmpty() ? Scope.none() : address.scopeOf(user.jurisdiction());
        return new Caller(user.id(), user.username(), user.displayName(), user.role(), user.jurisdiction(), scope);
    }

    /**
     * The current caller for a session signed in as {@code userId}, or empty when the account is gone,
     * disabled, or its credentials changed since (the security stamp moved on).
     */
    public Optional<Caller> refresh(long userId, int securityStamp) {
        return users.findById(userId)
                .filter(u -> u.enabled() && u.totpEnrolled() && u.securityStamp() == securityStamp)
                .map(this::callerOf);
    }
}
