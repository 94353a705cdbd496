package org.beatbook.device.viid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * GA/T 1400 server settings ({@code beatbook.viid.*}).
 *
 * @param realm           the HTTP Digest realm (device passwords are checked as MD5(DeviceID:realm:password))
 * @param serverId        Beatbook's own 20-digit VIID server id, as {@code GET /VIID/System/Time} tells it
 * @param nonceLifetime   how long a Digest challenge may be answered
 * @param registrationTtl how long a registration lasts without any call from the device (Keepalive renews it)
 */
@ConfigurationProperties("beatbook.viid")
public record ViidProperties(@DefaultValue("beatbook") String realm,
                             @DefaultValue("00000000005030000001") String serverId,
                             @DefaultValue("5m") Duration nonceLifetime,
                             @DefaultValue("30m") Duration registrationTtl) { }
