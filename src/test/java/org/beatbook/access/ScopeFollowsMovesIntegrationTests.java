package org.beatbook.access;

import org.beatbook.address.AddressLevel;
import org.beatbook.address.internal.AddressService;
import org.beatbook.address.internal.NewAddressNode;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When a building moves to another community, its residents' scope moves with it. */
@SpringBootTest(properties = "beatbook.demo=true")
@AutoConfigureMockMvc
@Import(AccessFixture.Builder.class)
class ScopeFollowsMovesIntegrationTests {

    @Autowired
    AccessFixture.Builder fixtures;

    @Autowired
    AddressService addresses;

    @Autowired
    JdbcClient jdbc;

    @Test
    void residentsMoveWithTheirBuilding() {
        AccessFixture f = fixtures.get();
        String building = jdbc.sql("select parent_code from address.node where code = "
                + "(select parent_code from address.node where code = ?)").param(f.people().ownRoom())
                .query(String.class).single();
        AccessFixture.User admin = f.users().get(Role.SYSTEM_ADMIN);
        String street = jdbc.sql("select subpath(path, 0, 4)::text from address.node where code = ?")
                .param(f.foreignNode()).query(String.class).single();
        String streetCode = street.substring(street.lastIndexOf('.') + 1);
        Caller streetAdmin = new Caller(admin.id(), admin.username(), admin.displayName(), Role.SYSTEM_ADMIN,
                List.of(streetCode), addresses.scopeOf(List.of(streetCode)));

        addresses.move(building, f.foreignNode(), streetAdmin);

        String residencePath = jdbc.sql("select node_path::text from population.residence where person_id = ?")
                .param(Long.parseLong(f.people().ownPerson())).query(String.class).single();
        String roomPath = jdbc.sql("select path::text from address.node where code = ?")
                .param(f.people().ownRoom()).query(String.class).single();
        assertThat(residencePath).isEqualTo(roomPath).contains(f.foreignNode());
        assertThat(addresses.scopeOf(List.of(f.foreignNode())).covers(residencePath)).isTrue();
    }
}
