package org.beatbook.audit.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies in front of Beatbook
 *                       ({@code beatbook.audit.trusted-proxies}). Only a request arriving from one of
 *                       them has its {@code X-Forwarded-For} believed; empty (the default) believes none.
 */
@ConfigurationProperties(prefix = "beatbook.audit")
record AuditProperties(List<String> trustedProxies) {

    AuditProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }
}
