package org.beatbook.device.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the monthly partitions of {@code device.event} ready: every month an accepted event can have occurred in
 * (back to the retention, since events are partitioned by when they occurred) and the months ahead (current month
 * plus {@code beatbook.device.partitions-ahead}); drops the months that lie wholly before the retention. Runs at
 * start and every hour; several instances may run it at once (an advisory lock lets one work, the rest skip).
 */
@Component
class PartitionMaintenance {

    private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);
    private static final long LOCK = 0x6465766963650001L; // "device" 1

    /** What one run did. */
    record Upkeep(List<String> created, List<String> dropped) { }

    private final JdbcClient jdbc;
    private final DeviceProperties props;
    private final Clock clock;

    PartitionMaintenance(JdbcClient jdbc, DeviceProperties props, Clock deviceClock) {
        this.jdbc = jdbc;
        this.props = props;
        this.clock = deviceClock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        run();
    }

    @Scheduled(cron = "${beatbook.device.partition-cron:0 17 * * * *}")
    void hourly() {
        run();
    }

    @Transactional
    public Upkeep run() {
        return run(clock.instant());
    }

    /** As if it were {@code now}. */
    @Transactional
    public Upkeep run(Instant now) {
        boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
        if (!locked) {
            return new Upkeep(List.of(), List.of());
        }
        // a month goes once its last day is older than the retention: nothing younger is ever dropped
        Instant cutoff = now.minus(props.retention());
        LocalDate last = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).plusMonths(props.partitionsAhead());
        List<String> created = new ArrayList<>();
        for (LocalDate month = LocalDate.ofInstant(cutoff, ZoneOffset.UTC).withDayOfMonth(1); !month.isAfter(last);
                month = month.plusMonths(1)) {
            jdbc.sql("SELECT device.create_event_partition(?::date)").param(month.toString())
                    .query(String.class).optional().ifPresent(created::add);
        }
        List<String> dropped = jdbc.sql("SELECT device.drop_event_partitions(?::timestamptz)")
                .param(cutoff.toString()).query(String.class).list();
        if (!created.isEmpty() || !dropped.isEmpty()) {
            log.info("device event partitions: created {}, dropped {}", created, dropped);
        }
        return new Upkeep(created, dropped);
    }
}
