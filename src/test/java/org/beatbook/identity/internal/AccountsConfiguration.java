package org.beatbook.identity.internal;

import org.beatbook.identity.IdentityTestConfiguration.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers the {@link Accounts} fixture in identity test contexts only. */
@TestConfiguration(proxyBeanMethods = false)
public class AccountsConfiguration {

    @Bean
    Accounts accounts(UserRepository users, Passwords passwords, TotpCodes totp, ApiTokens tokens,
                      CallerFactory callers, MutableClock clock) {
        return new Accounts(users, passwords, totp, tokens, callers, clock);
    }
}
