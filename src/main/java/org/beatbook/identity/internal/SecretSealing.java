package org.beatbook.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At start-up, seals the TOTP secrets an older version stored in the clear. */
@Component
class SecretSealing {

    private static final Logger log = LoggerFactory.getLogger(SecretSealing.class);

    private final UserRepository users;

    SecretSealing(UserRepository users) {
        this.users = users;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealClearSecrets() {
        int sealed = users.sealClearSecrets();
        if (sealed > 0) {
            log.info("sealed {} TOTP secret(s) that were stored in the clear", sealed);
        }
    }
}
