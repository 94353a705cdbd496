package org.beatbook.vehicle.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.device.DemoFleet;
import org.beatbook.population.PopulationApi;
import org.beatbook.population.PopulationApi.CurrentResidence;
import org.beatbook.population.ResidenceType;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Scope;
import org.beatbook.vehicle.VehicleDemo;
import org.beatbook.vehicle.VehicleKind;
import org.beatbook.vehicle.internal.VehicleStore.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The demo's vehicles, generated in memory from the population API's owners and tenants and written with one
 * INSERT … SELECT FROM unnest ({@link VehicleStore#insertAll}). Also the demo traffic's {@link DemoFleet}: any vehicle registered in a compound, demo
 * or not, passes its gates.
 */
@Component
class DemoVehicles implements VehicleDemo, DemoFleet {

    private static final Logger log = LoggerFactory.getLogger(DemoVehicles.class);

    static final String BY = "demo";
    /** Households with a car: owners' and tenants'; of those, the share with a second one. */
    static final double OWNER_CAR = 0.50;
    static final double TENANT_CAR = 0.20;
    static final double SECOND_CAR = 0.12;
    /** Households with an e-bike: owners' and tenants'; of those, the share with a second one. */
    static final double OWNER_EBIKE = 0.62;
    static final double TENANT_EBIKE = 0.70;
    static final double SECOND_EBIKE = 0.22;

    /** GA 36 plate characters: no I or O. */
    private static final String PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    private static final String CITY = "皖E";
    private static final String[] CAR_BRANDS = {"大众", "大众", "丰田", "丰田", "本田", "日产", "别克", "吉利", "吉利",
            "长安", "哈弗", "奇瑞", "奇瑞", "江淮", "五菱", "宝马", "奥迪", "奔驰"};
    private static final String[] NEW_ENERGY_BRANDS = {"比亚迪", "比亚迪", "比亚迪", "蔚来", "特斯拉", "五菱", "理想", "埃安"};
    private static final String[] TRUCK_BRANDS = {"江淮", "五菱", "福田"};
    private static final String[] CAR_COLOURS = {"白", "白", "白", "黑", "黑", "银", "灰", "灰", "红", "蓝", "棕"};
    private static final String[] EBIKE_BRANDS = {"雅迪", "雅迪", "雅迪", "爱玛", "爱玛", "台铃", "台铃", "新日", "绿源",
            "小牛", "九号", "立马"};
    private static final String[] EBIKE_COLOURS = {"白", "黑", "黑", "灰", "红", "蓝", "粉", "绿", "银"};

    private final AddressApi addresses;
    private final PopulationApi population;
    private final VehicleStore store;
    private final RegisteredVehicles registered;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    DemoVehicles(AddressApi addresses, PopulationApi population, VehicleStore store, RegisteredVehicles registered,
                 ApplicationEventPublisher events) {
        this.addresses = addresses;
        this.population = population;
        this.store = store;
        this.registered = registered;
        this.events = events;
    }

    @Override
    public Fleet at(String compound) {
        Map<VehicleKind, List<String>> ids = store.identifiers(addresses.scopeOf(List.of(compound)));
        return new Fleet(ids.getOrDefault(VehicleKind.MOTOR, List.of()), ids.getOrDefault(VehicleKind.EBIKE, List.of()));
    }

    @Override
    @Transactional
    public Loaded load(List<String> compounds, long seed) {
        if (store.any()) {
            return new Loaded(0, 0, 0, 0);
        }
        long started = System.nanoTime();
        Scope scope = addresses.scopeOf(compounds);
        Map<String, String> paths = new HashMap<>();
        for (String compound : compounds) {
            for (AddressNodeView room : addresses.descendants(compound, AddressLevel.ROOM, scope)) {
                paths.put(room.code(), room.path());
            }
        }
        long read = System.nanoTime();
        // one householder per room, in the API's order (by room): the first owner, else the first tenant
        Map<String, Long> owners = householders(population.currentResidences(ResidenceType.OWNER, scope));
        Map<String, Long> tenants = householders(population.currentResidences(ResidenceType.TENANT, scope));
        tenants.keySet().removeAll(owners.keySet());

        Random random = new Random(seed ^ 0x5645484943L);
        Rows rows = new Rows(random, clock.instant());
        rows.households(owners, paths, OWNER_CAR, OWNER_EBIKE);
        rows.households(tenants, paths, TENANT_CAR, TENANT_EBIKE);
        rows.makeDormant(DORMANT);
        long generated = System.nanoTime();
        store.insertAll(rows.rows(), BY);
        registered.reloadAfterCommit();

        Loaded loaded = new Loaded(rows.count(VehicleKind.MOTOR), rows.count(VehicleKind.EBIKE), rows.owners(),
                (System.nanoTime() - started) / 1_000_000);
        events.publishEvent(AuditEvent.success("VEHICLE_DEMO_LOADED", Vehicles.VEHICLE, null, null)
                .withDetail("motor=" + loaded.motorVehicles() + "; ebikes=" + loaded.ebikes()));
        log.info("demo vehicles in {} ms (rooms {} ms, householders and generating {} ms, writing {} ms): {}",
                loaded.millis(), (read - started) / 1_000_000, (generated - read) / 1_000_000,
                (System.nanoTime() - generated) / 1_000_000, loaded);
        return loaded;
    }

    private static Map<String, Long> householders(List<CurrentResidence> residences) {
        Map<String, Long> byRoom = new LinkedHashMap<>();
        residences.forEach(r -> byRoom.putIfAbsent(r.roomCode(), r.personId()));
        return byRoom;
    }

    /** The generated vehicles, with their plates and tags kept unique. */
    private static final class Rows {

        private final Random random;
        private final Instant now;
        private final List<Row> rows = new ArrayList<>();
        private final Set<String> taken = new HashSet<>();

        Rows(Random random, Instant now) {
            this.random = random;
            this.now = now;
        }

        /** Each household's cars and e-bikes, owned by its householder (room → person), by chance. */
        void households(Map<String, Long> householders, Map<String, String> paths, double carShare, double ebikeShare) {
            householders.forEach((room, person) -> {
                String path = paths.get(room);
                if (path == null) {
                    return; // a room outside the demo compounds
                }
                if (random.nextDouble() < carShare) {
                    car(person, room, path);
                    if (random.nextDouble() < SECOND_CAR) {
                        car(person, room, path);
                    }
                }
                if (random.nextDouble() < ebikeShare) {
                    ebike(person, room, path);
                    if (random.nextDouble() < SECOND_EBIKE) {
                        ebike(person, room, path);
                    }
                }
            });
        }

        void car(long owner, String room, String path) {
            int type = random.nextInt(100);
            if (type < 15) { // small new-energy car: green plate, D or F and five characters
                add(VehicleKind.MOTOR, unique(() -> CITY + (random.nextBoolean() ? "D" : "F") + chars(5)),
                        PlateColor.GREEN, VehicleType.NEW_ENERGY_CAR, null, pick(NEW_ENERGY_BRANDS), owner, room, path);
            } else if (type < 17) {
                add(VehicleKind.MOTOR, unique(this::fuelPlate), PlateColor.YELLOW, VehicleType.TRUCK, null,
                        pick(TRUCK_BRANDS), owner, room, path);
            } else {
                add(VehicleKind.MOTOR, unique(this::fuelPlate), PlateColor.BLUE, VehicleType.SMALL_CAR, null,
                        pick(CAR_BRANDS), owner, room, path);
            }
        }

        void ebike(long owner, String room, String path) {
            String tag = unique(() -> String.format("E28068940000%012X", random.nextLong() & 0xFFFFFFFFFFFFL));
            // most e-bikes of the county carry a registration plate as well
            String plate = random.nextInt(4) == 0 ? null
                    : unique(() -> "含山" + String.format("%06d", random.nextInt(1_000_000)));
            add(VehicleKind.EBIKE, plate, null, null, tag, pick(EBIKE_BRANDS), owner, room, path);
        }

        /**
         * A blue plate: five characters, never a letter and four digits (the demo hotlist's stolen plates look like
         * that, and no resident's car is on it).
         */
        private String fuelPlate() {
            String body;
            do {
                body = chars(5);
            } while (body.matches("[A-Z][0-9]{4}"));
            return CITY + body;
        }

        private String chars(int n) {
            StringBuilder b = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                b.append(PLATE_CHARS.charAt(random.nextInt(PLATE_CHARS.length())));
            }
            return b.toString();
        }

        private String unique(Supplier<String> next) {
            String s;
            do {
                s = next.get();
            } while (!taken.add(s));
            return s;
        }

        private String pick(String[] from) {
            return from[random.nextInt(from.length)];
        }

        private void add(VehicleKind kind, String plate, PlateColor color, VehicleType type, String tag, String brand,
                         long owner, String room, String path) {
            String colour = kind == VehicleKind.MOTOR ? pick(CAR_COLOURS) : pick(EBIKE_COLOURS);
            // registered over the last three years, seen at a gate within the last two days
            Instant seen = now.minus(Duration.ofMinutes(10 + random.nextInt(2 * 24 * 60)));
            Instant registered = seen.minus(Duration.ofDays(3 + random.nextInt(3 * 365)));
            rows.add(new Row(0, kind, plate, color, type, tag, brand, colour, owner, room, path, registered, seen, 1));
        }

        /** {@code n} vehicles, half cars and half e-bikes, last seen 31–60 days ago. */
        void makeDormant(int n) {
            int cars = 0;
            int bikes = 0;
            for (int tries = 0; cars + bikes < n && tries < 100 * n; tries++) {
                int i = random.nextInt(rows.size());
                Row r = rows.get(i);
                boolean car = r.kind() == VehicleKind.MOTOR;
                if (r.lastSeenAt().isBefore(now.minus(Duration.ofDays(30))) || (car ? cars >= n / 2 : bikes >= n - n / 2)) {
                    continue;
                }
                Instant away = now.minus(Duration.ofDays(31 + random.nextInt(30)))
                        .minus(Duration.ofMinutes(random.nextInt(24 * 60)));
                rows.set(i, new Row(0, r.kind(), r.plate(), r.plateColor(), r.vehicleType(), r.tag(), r.brand(),
                        r.colour(), r.ownerId(), r.nodeCode(), r.nodePath(),
                        away.minus(Duration.ofDays(30 + random.nextInt(700))), away, 1));
                if (car) {
                    cars++;
                } else {
                    bikes++;
                }
            }
        }

        List<Row> rows() {
            return rows;
        }

        int count(VehicleKind kind) {
            return (int) rows.stream().filter(r -> r.kind() == kind).count();
        }

        int owners() {
            return (int) rows.stream().mapToLong(Row::ownerId).distinct().count();
        }
    }
}
