package org.beatbook.device.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** The device module's clock (tests move it) and its scheduled jobs (partition upkeep, silence watch). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DeviceConfiguration {

    @Bean
    Clock deviceClock() {
        return Clock.systemUTC();
    }
}
