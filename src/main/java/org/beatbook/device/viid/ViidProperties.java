package org.beatbook.device.viid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * GA/T 1400 server settings ({@code beatbook.viid.*}). The Digest realm is the registry's
 * {@code beatbook.device.viid-realm}, the one the device passwords' HA1 is stored for.
 *
 * @param serverId        Beatbook's own 20-digit VIID server id, as {@code GET /VIID/System/Time} tells it
 * @param nonceLifetime   how long a Digest challenge may be answered
 * @param registrationTtl how long a registration lasts without any call from the device (Keepalive renews it)
 */
@ConfigurationProperties("beatbook.viid")
public record ViidProperties(@DefaultValue("00000000005030000001") String serverId,
                             @DefaultValue("5m") Duration nonceLifetime,
                             @DefaultValue("30m") Duration registrationTtl) { }
