package org.beatbook.device.internal;

import org.beatbook.address.AddressFixtures;
import org.beatbook.address.internal.AddressService;
import org.beatbook.device.DeviceCameBack;
import org.beatbook.device.DeviceIngest;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.DeviceWentSilent;
import org.beatbook.device.Devices;
import org.beatbook.device.EventKind;
import org.beatbook.device.IncomingEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Partition upkeep (ahead and retention) and the silence watch, on real PostgreSQL. */
@SpringBootTest(properties = {"beatbook.device.retention-days=180", "beatbook.device.partitions-ahead=2"})
@Import(PartitionAndSilenceIntegrationTests.Listener.class)
class PartitionAndSilenceIntegrationTests {

    @TestConfiguration
    static class Listener {
        static final List<Object> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void silent(DeviceWentSilent e) {
            seen.add(e);
        }

        @EventListener
        void back(DeviceCameBack e) {
            seen.add(e);
        }
    }

    @Autowired PartitionMaintenance maintenance;
    @Autowired SilenceWatch silence;
    @Autowired JdbcClient jdbc;
    @Autowired DeviceIngest ingest;
    @Autowired DeviceRegistry registry;
    @Autowired AddressService addresses;

    List<String> partitions() {
        return jdbc.sql("""
                        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent = 'device.event'::regclass ORDER BY c.relname""")
                .query(String.class).list();
    }

    static String name(LocalDate month) {
        return "event_%d_%02d".formatted(month.getYear(), month.getMonthValue());
    }

    @Test
    void createsMonthsAheadAndDropsThoseWhollyOlderThanTheRetention() {
        Instant now = Instant.parse("2027-03-15T12:00:00Z");
        LocalDate march = LocalDate.of(2027, 3, 1);
        // months already there from a year ago: September (5½ months back) must stay, August 2026 must go
        for (LocalDate m = LocalDate.of(2026, 7, 1); m.isBefore(march); m = m.plusMonths(1)) {
            jdbc.sql("SELECT device.create_event_partition(?::date)").param(m.toString()).query(String.class).optional();
        }
        UUID device = UUID.randomUUID();
        insertOld(device, "old-aug", "2026-08-20T10:00:00Z");
        insertOld(device, "kept-sep", "2026-09-20T10:00:00Z");

        PartitionMaintenance.Upkeep upkeep = maintenance.run(now);

        assertThat(upkeep.created()).contains(name(march), name(march.plusMonths(1)), name(march.plusMonths(2)));
        // (months before July may be there too: the migration made the default retention window of its own day)
        assertThat(upkeep.dropped()).contains(name(LocalDate.of(2026, 7, 1)), name(LocalDate.of(2026, 8, 1)))
                .allMatch(dropped -> dropped.compareTo(name(LocalDate.of(2026, 9, 1))) < 0);
        assertThat(partitions()).contains(name(LocalDate.of(2026, 9, 1)), name(march.plusMonths(2)))
                .doesNotContain(name(LocalDate.of(2026, 8, 1)), name(march.plusMonths(3)));
        // the dropped month's events (and with them their dedupe keys) left with it; the kept month's stay
        assertThat(jdbc.sql("SELECT event_id FROM device.event WHERE device = ?").param(device)
                .query(String.class).list()).containsExactly("kept-sep");
        assertThat(maintenance.run(now).dropped()).isEmpty();
    }

    private void insertOld(UUID device, String eventId, String at) {
        jdbc.sql("""
                        INSERT INTO device.event (seq, device, node_code, event_id, month, occurred_at, received_at,
                                                  kind)
                        VALUES (nextval('device.event_seq'), ?, 'X', ?,
                                date_trunc('month', ?::timestamptz AT TIME ZONE 'UTC')::date, ?::timestamptz,
                                ?::timestamptz, 'HEARTBEAT')""")
                .params(device, eventId, at, at, at).update();
    }

    @Test
    void aDeviceQuietForTenMinutesGoesSilentOnceAndComesBackWithItsNextReport() throws Exception {
        AddressFixtures.Tree tree = AddressFixtures.tree(addresses);
        var issued = Devices.register(registry, tree, tree.compound(), DeviceKind.EBIKE_READER, false);
        DeviceRef ref = new DeviceRef(issued.device().id(), issued.device().deviceId(), null, DeviceKind.EBIKE_READER,
                tree.compound(), tree.compoundPath());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        IncomingEvent beat = new IncomingEvent("hb-1", now, EventKind.HEARTBEAT, null, null, null, null, null, null,
                null, null);
        ingest.submit(ref, List.of(beat), Locale.CHINA).get(30, TimeUnit.SECONDS);
        silence.check();
        assertThat(Listener.seen).noneMatch(e -> e instanceof DeviceWentSilent s && s.device().id().equals(ref.id()));

        jdbc.sql("UPDATE device.device_status SET last_seen_at = now() - interval '11 minutes' WHERE device = ?")
                .param(ref.id()).update();
        silence.check();
        silence.check();
        assertThat(Listener.seen).filteredOn(e -> e instanceof DeviceWentSilent s && s.device().id().equals(ref.id()))
                .hasSize(1);
        assertThat(registry.find(ref.id(), AddressFixtures.caller(org.beatbook.shared.security.Role.COMMUNITY_OFFICER,
                tree.path())).online()).isFalse();

        IncomingEvent again = new IncomingEvent("hb-2", Instant.now(), EventKind.HEARTBEAT, null, null, null, null,
                null, null, null, null);
        ingest.submit(ref, List.of(again), Locale.CHINA).get(30, TimeUnit.SECONDS);
        assertThat(Listener.seen).filteredOn(e -> e instanceof DeviceCameBack b && b.device().id().equals(ref.id()))
                .hasSize(1);
    }
}
