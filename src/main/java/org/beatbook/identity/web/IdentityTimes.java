package org.beatbook.identity.web;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times on identity pages: stored in UTC, shown in Asia/Shanghai ({@code ${@identityTimes.format(t)}}). */
@Component("identityTimes")
class IdentityTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ZoneId.of("Asia/Shanghai"));

    public String format(Instant t) {
        return t == null ? "" : FORMAT.format(t);
    }

    /** The last day a token works (it expires at the start of the next day). */
    public String lastDay(Instant expiresAt) {
        return expiresAt == null ? "" : DAY.format(expiresAt.minusSeconds(1));
    }
}
