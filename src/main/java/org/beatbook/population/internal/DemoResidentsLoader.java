package org.beatbook.population.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressDemo.DemoTree;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.population.PopulationDemo;
import org.beatbook.population.internal.DemoHouseholds.Resident;
import org.beatbook.population.internal.DemoHouseholds.Room;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Scope;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link DemoHouseholds}' residents with three COPYs (persons with their precomputed search and residence
 * keys, phones, residences) and one INSERT … SELECT for the first versions: no per-person round trip, so the demo
 * adds well under two seconds to a first start.
 */
@Service
class DemoResidentsLoader implements PopulationDemo {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoResidentsLoader.class);

    static final int RESIDENTS = 14_000;
    static final int LARGE_COMPOUND_RESIDENTS = 3_864;
    static final String BY = "demo";

    private final AddressApi addresses;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DemoResidentsLoader(AddressApi addresses, JdbcClient jdbc, DataSource dataSource, ApplicationEventPublisher events) {
        this.addresses = addresses;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.events = events;
        this.clock = Clock.systemDefaultZone();
    }

    @Override
    @Transactional
    public Loaded load(DemoTree tree, long seed) {
        long started = System.nanoTime();
        Scope community = addresses.scopeOf(List.of(tree.community()));
        boolean inhabited = community.paths().isEmpty() || jdbc.sql(
                        "select exists (select 1 from population.residence where node_path <@ cast(? as ltree[]))")
                .param(community.sqlArray()).query(Boolean.class).single();
        if (inhabited) {
            return new Loaded(0, 0, (System.nanoTime() - started) / 1_000_000);
        }
        List<Room> rooms = rooms(tree.community(), community);
        long read = System.nanoTime();
        DemoHouseholds households = new DemoHouseholds(seed, LocalDate.now(clock));
        List<Resident> residents = households.fill(rooms, targets(rooms, tree.largeCompound()));
        long generated = System.nanoTime();
        write(residents);
        log.info("Demo residents: rooms read in {} ms, {} residents generated in {} ms, written in {} ms",
                (read - started) / 1_000_000, residents.size(), (generated - read) / 1_000_000,
                (System.nanoTime() - generated) / 1_000_000);
        events.publishEvent(AuditEvent.success("POPULATION_DEMO_LOADED", PersonRegistry.PERSON, null,
                community.paths().get(0)).withDetail("seed=" + seed + " persons=" + residents.size()));
        return new Loaded(residents.size(), households.tenantRooms(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Every room of the community with the key and label {@link Rooms#room} would give it. */
    private List<Room> rooms(String communityCode, Scope scope) {
        Map<String, AddressNodeView> above = new HashMap<>();
        for (AddressLevel level : List.of(AddressLevel.COMPOUND, AddressLevel.BUILDING, AddressLevel.UNIT)) {
            addresses.descendants(communityCode, level, scope).forEach(n -> above.put(n.code(), n));
        }
        List<Room> rooms = new ArrayList<>();
        for (AddressNodeView room : addresses.descendants(communityCode, AddressLevel.ROOM, scope)) {
            String building = null;
            String unit = null;
            AddressNodeView compound = null;
            StringBuilder label = new StringBuilder(room.name());
            for (AddressNodeView at = above.get(room.parentCode()); at != null; at = above.get(at.parentCode())) {
                if (at.level() == AddressLevel.COMPOUND) {
                    compound = at;
                    label.insert(0, at.name() + " ");
                    break;
                }
                label.insert(0, at.name());
                if (at.level() == AddressLevel.UNIT) {
                    unit = Rooms.number(at.name());
                } else {
                    building = Rooms.number(at.name());
                }
            }
            if (compound != null && building != null) {
                String key = building + (unit == null ? "" : "-" + unit) + "-" + Rooms.number(room.name());
                rooms.add(new Room(room.code(), room.path(), key, label.toString(), compound.code()));
            }
        }
        return rooms;
    }

    /** The large compound gets its 3,864; the others share the rest by their number of rooms. */
    static Map<String, Integer> targets(List<Room> rooms, String largeCompound) {
        Map<String, Integer> roomCount = new LinkedHashMap<>();
        rooms.forEach(r -> roomCount.merge(r.compound(), 1, Integer::sum));
        int others = roomCount.entrySet().stream().filter(e -> !e.getKey().equals(largeCompound))
                .mapToInt(Map.Entry::getValue).sum();
        Map<String, Integer> targets = new LinkedHashMap<>();
        int left = RESIDENTS - LARGE_COMPOUND_RESIDENTS;
        int roomsLeft = others;
        for (var e : roomCount.entrySet()) {
            if (e.getKey().equals(largeCompound)) {
                targets.put(e.getKey(), LARGE_COMPOUND_RESIDENTS);
            } else {
                int share = (int) Math.round((double) left * e.getValue() / roomsLeft);
                targets.put(e.getKey(), share);
                left -= share;
                roomsLeft -= e.getValue();
            }
        }
        return targets;
    }

    private void write(List<Resident> residents) {
        long first = jdbc.sql("select nextval(pg_get_serial_sequence('population.person', 'id'))")
                .query(Long.class).single();
        jdbc.sql("select setval(pg_get_serial_sequence('population.person', 'id'), ?)")
                .param(first + residents.size() - 1).query(Long.class).single();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        long started = System.nanoTime();
        Map<String, SearchKeys> keys = new HashMap<>();
        StringBuilder persons = new StringBuilder(residents.size() * 260);
        StringBuilder phones = new StringBuilder(residents.size() * 30);
        StringBuilder residences = new StringBuilder(residents.size() * 220);
        for (int i = 0; i < residents.size(); i++) {
            Resident r = residents.get(i);
            long id = first + i;
            SearchKeys k = keys.computeIfAbsent(r.name(), n -> SearchKeys.of(n, List.of()));
            String residenceKeys = "{" + r.room().path().replace('.', ',') + "," + r.type().name() + "}";
            persons.append(id).append("\tRESIDENT_ID\t").append(r.idNumber()).append('\t').append(r.name())
                    .append("\t{}\t").append(r.sex()).append('\t').append(r.ethnicity()).append('\t')
                    .append(r.birthDate()).append('\t').append(r.householdDivision()).append('\t')
                    .append(array(r.tags())).append('\t').append(k.text()).append('\t')
                    .append(array(List.of(k.pieces()))).append('\t').append(array(List.of(k.keys()))).append('\t')
                    .append(residenceKeys).append('\n');
            if (r.phone() != null) {
                phones.append(id).append("\t0\t").append(r.phone()).append('\n');
            }
            OffsetDateTime verified = now.minusDays(r.verifiedDaysAgo()).minusMinutes(i % 600);
            OffsetDateTime registered = r.movedIn().atTime(9, 0).atOffset(ZoneOffset.ofHours(8))
                    .plusDays(i % 20);
            if (registered.isAfter(verified)) {
                registered = verified;
            }
            residences.append(id).append('\t').append(r.room().code()).append('\t').append(r.room().path())
                    .append('\t').append(r.room().key()).append('\t').append(r.room().label()).append('\t')
                    .append(r.type().name()).append('\t')
                    .append(r.relationship() == null ? "\\N" : r.relationship().code()).append('\t')
                    .append(r.movedIn()).append('\t').append(registered).append('\t').append(BY).append('\t')
                    .append(verified).append('\t').append(BY).append('\n');
        }
        log.info("Demo residents: rows and search keys of {} names built in {} ms", keys.size(),
                (System.nanoTime() - started) / 1_000_000);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("""
                    copy population.person (id, document_type, document_number, name, former_names, sex, ethnicity,
                        birth_date, household_division, tags, name_text, name_pieces, name_keys, residence_keys)
                    from stdin""", new StringReader(persons.toString()));
            copy.copyIn("copy population.person_phone (person_id, position, phone) from stdin",
                    new StringReader(phones.toString()));
            copy.copyIn("""
                    copy population.residence (person_id, node_code, node_path, room_key, address_label, residence_type,
                        relationship, moved_in, started_at, started_by, verified_at, verified_by)
                    from stdin""", new StringReader(residences.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("demo residents could not be written", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        jdbc.sql("""
                        insert into population.person_version (person_id, version, changed_by, change, changes)
                        select id, 1, ?, 'REGISTERED', '{"source": "demo"}' from population.person
                        where id between ? and ?""")
                .param(BY).param(first).param(first + residents.size() - 1).update();
    }

    private static String array(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }
}
