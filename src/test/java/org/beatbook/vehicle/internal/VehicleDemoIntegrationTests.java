package org.beatbook.vehicle.internal;

import org.beatbook.address.AddressDemo;
import org.beatbook.address.AddressDemo.DemoTree;
import org.beatbook.address.AddressFixtures;
import org.beatbook.address.internal.AddressService;
import org.beatbook.device.DemoFleet;
import org.beatbook.shared.security.Role;
import org.beatbook.vehicle.Plates;
import org.beatbook.vehicle.VehicleDemo;
import org.beatbook.vehicle.VehicleKind;
import org.beatbook.vehicle.VehicleRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo community's vehicles as the first start registers them, and the vehicle page that lists them. */
@SpringBootTest(properties = "beatbook.demo=true")
@AutoConfigureMockMvc
class VehicleDemoIntegrationTests {

    static final long SEED = 20261129;

    @Autowired AddressDemo addressDemo;
    @Autowired AddressService addresses;
    @Autowired VehicleDemo vehicleDemo;
    @Autowired VehicleRegistry registry;
    @Autowired DemoFleet fleet;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvcTester mvc;

    DemoTree tree;
    String community;

    @BeforeEach
    void tree() {
        tree = addressDemo.load(SEED);
        community = addresses.scopeOf(List.of(tree.community())).paths().get(0);
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void aboutHalfTheHouseholdsHaveACarAndTwoInThreeAnEbikeOwnedByTheirResidentsAtTheirRooms() {
        long motor = count("select count(*) from vehicle.vehicle where kind = 'MOTOR'");
        long ebikes = count("select count(*) from vehicle.vehicle where kind = 'EBIKE'");
        long households = count("""
                select count(distinct node_code) from population.residence
                 where moved_out is null and residence_type in ('OWNER', 'TENANT')""");
        assertThat(households).isGreaterThan(3_000);
        assertThat(motor).isBetween(households * 4 / 10, households * 6 / 10);
        assertThat(ebikes).isBetween(households * 6 / 10, households * 9 / 10);
        assertThat(count("select count(*) from vehicle.vehicle where registered_by = 'demo'")).isEqualTo(motor + ebikes);

        // every owner lives in the vehicle's room now, as its owner or tenant, and the room's path is the tree's
        assertThat(count("""
                select count(*) from vehicle.vehicle v
                 where not exists (select 1 from population.residence r
                                    where r.person_id = v.owner_id and r.node_code = v.node_code and r.moved_out is null
                                      and r.residence_type in ('OWNER', 'TENANT'))""")).isZero();
        assertThat(count("""
                select count(*) from vehicle.vehicle v join address.node n on n.code = v.node_code
                 where n.path = v.node_path and n.level = 'ROOM'""")).isEqualTo(motor + ebikes);
        // one household's vehicles belong to one person
        assertThat(count("select count(*) from (select node_code from vehicle.vehicle group by node_code"
                + " having count(distinct owner_id) > 1) x")).isZero();

        List<String> plates = jdbc.sql("select plate from vehicle.vehicle where kind = 'MOTOR'").query(String.class).list();
        assertThat(plates).allMatch(Plates::validMotorPlate).allMatch(p -> p.startsWith("皖E"));
        assertThat(plates).filteredOn(p -> p.length() == 8).as("green new-energy plates").hasSizeBetween(
                (int) motor / 10, (int) motor / 5);
        assertThat(count("select count(*) from vehicle.vehicle where kind = 'MOTOR' and (plate_color is null"
                + " or vehicle_type is null or brand is null or colour is null)")).isZero();
        assertThat(jdbc.sql("select tag from vehicle.vehicle where kind = 'EBIKE'").query(String.class).list())
                .allMatch(Plates::validTag);
        assertThat(count("select count(*) from vehicle.vehicle where kind = 'EBIKE' and (brand is null or colour is null)"))
                .isZero();
        assertThat(count("""
                select count(*) from vehicle.vehicle v join alert.hotlist_entry h on h.value in (v.plate, v.tag)""")).
                as("no resident's vehicle is on the demo hotlist").isZero();
    }

    @Test
    void aFewWereLastSeenOverThirtyDaysAgoAndTheRestRecently() {
        assertThat(count("select count(*) from vehicle.vehicle where last_seen_at < now() - interval '30 days'"))
                .isEqualTo(VehicleDemo.DORMANT);
        assertThat(count("select count(*) from vehicle.vehicle where last_seen_at is null or last_seen_at > now()"
                + " or registered_at > last_seen_at")).isZero();
        assertThat(count("select count(*) from vehicle.vehicle where last_seen_at > now() - interval '3 days'"))
                .isEqualTo(count("select count(*) from vehicle.vehicle") - VehicleDemo.DORMANT);
    }

    @Test
    void theRegistryTheRulesAndTheDemoTrafficKnowThemAndASecondLoadWritesNothing() {
        String plate = jdbc.sql("select plate from vehicle.vehicle where kind = 'MOTOR' order by id limit 1")
                .query(String.class).single();
        String tag = jdbc.sql("select tag from vehicle.vehicle where kind = 'EBIKE' order by id limit 1")
                .query(String.class).single();
        assertThat(registry.byPlate(plate)).get().extracting(v -> v.kind()).isEqualTo(VehicleKind.MOTOR);
        assertThat(registry.byTag(tag)).get().extracting(v -> v.kind()).isEqualTo(VehicleKind.EBIKE);

        for (String compound : tree.compounds()) {
            DemoFleet.Fleet here = fleet.at(compound);
            String under = addresses.scopeOf(List.of(compound)).paths().get(0);
            assertThat(here.plates()).as(compound).hasSize((int) count("""
                    select count(*) from vehicle.vehicle where kind = 'MOTOR' and node_path <@ cast(? as ltree)""", under))
                    .isNotEmpty();
            assertThat(here.tags()).as(compound).hasSize((int) count("""
                    select count(*) from vehicle.vehicle where kind = 'EBIKE' and node_path <@ cast(? as ltree)""", under))
                    .isNotEmpty();
        }
        assertThat(fleet.at("no-such-node")).isEqualTo(DemoFleet.Fleet.NONE);

        long before = count("select count(*) from vehicle.vehicle");
        assertThat(vehicleDemo.load(tree.compounds(), SEED)).isEqualTo(new VehicleDemo.Loaded(0, 0, 0, 0));
        assertThat(count("select count(*) from vehicle.vehicle")).isEqualTo(before);
    }

    @Test
    void theVehiclePageListsThemWithTheirOwnersAndFiltersByCompoundAndKind() {
        MvcTestResult all = mvc.get().uri("/vehicles").with(AddressFixtures.as(Role.COMMUNITY_OFFICER, community))
                .header("Accept-Language", "zh-CN").exchange();
        assertThat(all).hasStatusOk();
        String html = html(all);
        Object[] newest = jdbc.sql("""
                        select coalesce(v.plate, v.tag), p.name from vehicle.vehicle v join population.person p on p.id = v.owner_id
                         order by v.id desc limit 1""")
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getString(2)}).single();
        assertThat(html).contains((String) newest[0], (String) newest[1], "电动自行车", "机动车");
        assertThat(html.split("<tr", -1).length - 2).as("a full first page of vehicles").isEqualTo(100);

        String compound = tree.compounds().get(3);
        MvcTestResult ebikes = mvc.get().uri("/vehicles?kind=EBIKE&compound=" + compound)
                .with(AddressFixtures.as(Role.COMMUNITY_OFFICER, community)).header("HX-Request", "true").exchange();
        assertThat(ebikes).hasStatusOk();
        String under = addresses.scopeOf(List.of(compound)).paths().get(0);
        String tag = jdbc.sql("""
                        select tag from vehicle.vehicle where kind = 'EBIKE' and node_path <@ cast(? as ltree)
                         order by id desc limit 1""").param(under).query(String.class).single();
        String otherTag = jdbc.sql("""
                        select tag from vehicle.vehicle where kind = 'EBIKE' and not node_path <@ cast(? as ltree)
                         order by id desc limit 1""").param(under).query(String.class).single();
        assertThat(html(ebikes)).contains(tag).doesNotContain(otherTag, "机动车");
    }

    static String html(MvcTestResult r) {
        return new String(r.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
