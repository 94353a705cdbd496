package org.beatbook.access;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.address.internal.AddressImport;
import org.beatbook.address.internal.AddressService;
import org.beatbook.address.internal.NewAddressNode;
import org.beatbook.population.internal.ResidentImport;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.CallerAuthentication;
import org.beatbook.shared.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The world the access matrix runs in: the demo community (every demo user's jurisdiction lies in it), a
 * second community next to it that no demo user holds (the foreign records), and one demo user per role.
 * Pages are called with the user's session authentication, {@code /api/v1} with the user's API token.
 *
 * @param users        one demo user per role (for AUXILIARY_POLICE the one holding the whole community)
 * @param ownNode      a building every demo user can see
 * @param foreignNode  a compound in the other community
 * @param ownCompound  another compound every demo user can see (a move target for the own building)
 * @param missingNode  a code no node has
 * @param tokenIds     each demo user's API token id
 * @param importIds    an address import run of each writing role's demo user
 * @param targetUserId the account the administrators act on in the matrix (the community worker)
 */
public record AccessFixture(Map<Role, User> users, String ownNode, String ownCompound, String foreignNode,
                            String missingNode, Map<Role, Long> tokenIds, Map<Role, String> importIds,
                            long targetUserId, long targetUserVersion, People people, Smart smart,
                            OrganisationAccessRules.Units units) {

    /**
     * Vehicles, alerts and the hotlist: own and foreign (the other community) records.
     *
     * @param ownAlert        a NEW alert at the own building
     * @param ownAcknowledged an ACKNOWLEDGED alert there (to dispatch or close)
     * @param assigneeId      an officer whose jurisdiction covers the own building (the station leader)
     */
    public record Smart(String ownVehicle, String foreignVehicle, String ownAlert, String ownAcknowledged,
                        String foreignAlert, String hotlistEntry, long assigneeId) { }

    /**
     * Residents: one in the demo community (everybody's own), one in the other community (foreign).
     *
     * @param ownPerson        id of a resident of an own room
     * @param ownResidence     that resident's residence id
     * @param foreignPerson    id of a resident of the other community
     * @param foreignResidence that resident's residence id
     * @param ownRoom          a room of the own building
     * @param otherOwnRoom     another own room (a second residence)
     * @param foreignRoom      a room in the other community
     * @param ownDuplicate     the own resident registered a second time, by passport (a record to merge)
     * @param importRuns       a resident import run of each operational role's demo user
     */
    public record People(String ownPerson, String ownResidence, String foreignPerson, String foreignResidence,
                         String ownRoom, String otherOwnRoom, String foreignRoom, String ownDuplicate,
                         Map<Role, String> importRuns) {

        /** Resident import runs: the caller's own, another user's, and none. */
        AccessRule.Ids importIds(Role role) {
            String own = importRuns.getOrDefault(role, importRuns.get(Role.COMMUNITY_OFFICER));
            String other = importRuns.get(role == Role.STATION_LEADER ? Role.COMMUNITY_OFFICER : Role.STATION_LEADER);
            return new AccessRule.Ids(own, other, "00000000-0000-4000-8000-000000000000");
        }
    }

    public record User(long id, String username, String displayName, Role role, List<String> jurisdiction,
                       String apiToken) { }

    /** API tokens: the caller's own, another user's, and none. */
    AccessRule.Ids tokenIds(Role role) {
        Role other = role == Role.SYSTEM_ADMIN ? Role.AUDITOR : Role.SYSTEM_ADMIN;
        return new AccessRule.Ids(String.valueOf(tokenIds.get(role)), String.valueOf(tokenIds.get(other)), "999999999");
    }

    /** Address import runs: the caller's own, another user's, and none. */
    AccessRule.Ids importIds(Role role) {
        String own = importIds.getOrDefault(role, importIds.get(Role.SYSTEM_ADMIN));
        String other = importIds.get(role == Role.SYSTEM_ADMIN ? Role.COMMUNITY_OFFICER : Role.SYSTEM_ADMIN);
        return new AccessRule.Ids(own, other, "00000000-0000-4000-8000-000000000000");
    }

    /** Signs the request in as the demo user of {@code role}. */
    AbstractMockHttpServletRequestBuilder<?> signIn(AbstractMockHttpServletRequestBuilder<?> request, Role role) {
        User user = users.get(role);
        String uri = request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI();
        if (uri.startsWith("/api/")) {
            return request.header("Authorization", "Bearer " + user.apiToken());
        }
        Caller caller = new Caller(user.id(), user.username(), user.displayName(), role, user.jurisdiction(),
                Builder.addresses.scopeOf(user.jurisdiction()));
        return request.with(authentication(new CallerAuthentication(caller))).with(csrf());
    }

    /** A valid GB 11643 number: the 15 leading digits given, then the sequence and the check character. */
    static String idNumber(String fifteen, int sequence) {
        String body = fifteen + String.format("%02d", sequence);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** Builds the fixture once per application context. */
    @TestComponent
    static class Builder {

        static AddressApi addresses;
        /** For module rules that need records of their own beside the fixture's (see HousingAccessRules). */
        static JdbcClient sharedJdbc;

        private final Path home;
        private final AddressService addressService;
        private final AddressImport imports;
        private final ResidentImport residents;
        private final JdbcClient jdbc;
        private final org.springframework.test.web.servlet.MockMvc mvc;
        private final org.beatbook.organisation.internal.OrganisationImport organisationImport;
        private AccessFixture fixture;

        Builder(@Value("${beatbook.home}") Path home, AddressService addressService, AddressImport imports,
                ResidentImport residents, JdbcClient jdbc, org.springframework.test.web.servlet.MockMvc mvc,
                org.beatbook.organisation.internal.OrganisationImport organisationImport) {
            this.organisationImport = organisationImport;
            this.mvc = mvc;
            this.residents = residents;
            this.home = home;
            this.addressService = addressService;
            this.imports = imports;
            this.jdbc = jdbc;
            Builder.addresses = addressService;
            Builder.sharedJdbc = jdbc;
        }

        /** Registers a resident through the API as {@code caller}; answers {personId, residenceId}. */
        private String[] register(String idNumber, String name, String room, Caller caller) {
            return register("""
                    {"idNumber":"%s","name":"%s","phone":"13800138000","addressCode":"%s","residenceType":"OWNER",
                     "confirmNew":true}""".formatted(idNumber, name, room), caller);
        }

        private String[] register(String body, Caller caller) {
            try {
                var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/persons").contentType("application/json").content(body)
                        .with(authentication(new CallerAuthentication(caller))).with(csrf()))
                        .andReturn().getResponse();
                if (response.getStatus() != 201) {
                    throw new IllegalStateException("fixture resident not registered: " + response.getStatus() + " "
                            + response.getContentAsString());
                }
                JsonNode person = JsonMapper.builder().build().readTree(response.getContentAsString());
                JsonNode p = person.has("person") ? person.get("person") : person;
                String id = p.get("id").asString();
                String residence = jdbc.sql("select id from population.residence where person_id = ? order by id limit 1")
                        .param(Long.parseLong(id)).query(String.class).single();
                return new String[] {id, residence};
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        synchronized AccessFixture get() {
            if (fixture == null) {
                fixture = build();
            }
            return fixture;
        }

        private AccessFixture build() {
            JsonNode doc = JsonMapper.builder().build().readTree(home.resolve("demo-credentials.json").toFile());
            Map<Role, User> users = new EnumMap<>(Role.class);
            for (JsonNode u : doc.get("users")) {
                Role role = Role.valueOf(u.get("role").asString());
                if (users.containsKey(role)) {
                    continue;
                }
                List<String> jurisdiction = new ArrayList<>();
                u.get("jurisdiction").forEach(j -> jurisdiction.add(j.asString()));
                long id = jdbc.sql("select id from identity.app_user where lower(username) = lower(?)")
                        .param(u.get("username").asString()).query(Long.class).single();
                users.put(role, new User(id, u.get("username").asString(), u.get("displayName").asString(), role,
                        jurisdiction, u.get("apiToken").asString()));
            }
            String street = doc.get("addresses").get("street").asString();
            User admin = users.get(Role.SYSTEM_ADMIN);
            Caller streetAdmin = new Caller(admin.id(), admin.username(), admin.displayName(), Role.SYSTEM_ADMIN,
                    List.of(street), addressService.scopeOf(List.of(street)));
            AddressNodeView otherCommunity = addressService.create(new NewAddressNode(street, AddressLevel.COMMUNITY,
                    "邻近社区（访问测试）", null, null, null, null), streetAdmin);
            AddressNodeView foreignCompound = addressService.create(new NewAddressNode(otherCommunity.code(),
                    AddressLevel.COMPOUND, "外辖小区", null, null, null, null), streetAdmin);

            List<String> auxCompounds = new ArrayList<>();
            doc.get("addresses").get("compounds").forEach(c -> auxCompounds.add(c.asString()));
            String ownBuilding = jdbc.sql("select code from address.node where parent_code = ? order by code limit 1")
                    .param(auxCompounds.get(0)).query(String.class).single();

            Map<Role, Long> tokens = new EnumMap<>(Role.class);
            users.forEach((role, user) -> tokens.put(role, jdbc.sql(
                    "select id from identity.api_token where user_id = ? order by id limit 1")
                    .param(user.id()).query(Long.class).single()));
            Map<Role, String> runs = new EnumMap<>(Role.class);
            for (Role role : AddressAccessRules.WRITERS) {
                User u = users.get(role);
                Caller caller = new Caller(u.id(), u.username(), u.displayName(), role, u.jurisdiction(),
                        addressService.scopeOf(u.jurisdiction()));
                runs.put(role, imports.importRows(List.of(), "empty.xlsx", caller).id().toString());
            }
            long target = users.get(Role.COMMUNITY_WORKER).id();
            long version = jdbc.sql("select version from identity.app_user where id = ?").param(target)
                    .query(Long.class).single();
            List<String> ownRooms = jdbc.sql("""
                    select code from address.node where level = 'ROOM' and path ~ ?::lquery order by code limit 2""")
                    .param("*." + ownBuilding + ".*").query(String.class).list();
            AddressNodeView fb = addressService.create(new NewAddressNode(foreignCompound.code(), AddressLevel.BUILDING,
                    "1号楼", null, null, null, null), streetAdmin);
            AddressNodeView fu = addressService.create(new NewAddressNode(fb.code(), AddressLevel.UNIT, "1单元", null,
                    null, null, null), streetAdmin);
            AddressNodeView fr = addressService.create(new NewAddressNode(fu.code(), AddressLevel.ROOM, "101室", null,
                    null, null, null), streetAdmin);
            User officer = users.get(Role.COMMUNITY_OFFICER);
            Caller streetOfficer = new Caller(officer.id(), officer.username(), officer.displayName(),
                    Role.COMMUNITY_OFFICER, List.of(street), addressService.scopeOf(List.of(street)));
            String[] own = register(idNumber("340524199001010", 21), "郑访问", ownRooms.get(0), streetOfficer);
            String[] foreign = register(idNumber("340524199202020", 33), "钱外辖", fr.code(), streetOfficer);
            String[] duplicate = register("""
                    {"documentType":"CHINESE_PASSPORT","idNumber":"E90010121","name":"郑访问","birthDate":"1990-01-01",
                     "sex":"1","phone":"13900139021","addressCode":"%s","residenceType":"TENANT","confirmNew":true}"""
                    .formatted(ownRooms.get(1)), streetOfficer);
            Map<Role, String> residentRuns = new EnumMap<>(Role.class);
            for (Role role : List.of(Role.STATION_LEADER, Role.COMMUNITY_OFFICER, Role.AUXILIARY_POLICE,
                    Role.COMMUNITY_WORKER)) {
                User u = users.get(role);
                Caller caller = new Caller(u.id(), u.username(), u.displayName(), role, u.jurisdiction(),
                        addressService.scopeOf(u.jurisdiction()));
                residentRuns.put(role, residents.importRows(List.of(), "empty.xlsx", caller).id().toString());
            }
            People people = new People(own[0], own[1], foreign[0], foreign[1], ownRooms.get(0), ownRooms.get(1),
                    fr.code(), duplicate[0], residentRuns);
            return new AccessFixture(users, ownBuilding, auxCompounds.get(1), foreignCompound.code(),
                    "999999999999999999", tokens, runs, target, version, people,
                    smart(people, ownBuilding, foreignCompound.code(), users.get(Role.STATION_LEADER).id()),
                    OrganisationAccessRules.build(jdbc, organisationImport, users, foreignCompound, addressService::scopeOf));
        }

        /** Vehicles and alerts straight into their tables (their own tests cover how they get there). */
        private Smart smart(People people, String ownBuilding, String foreignCompound, long leader) {
            String vehicle = """
                    INSERT INTO vehicle.vehicle (kind, tag, owner_id, node_code, node_path, registered_by)
                    SELECT 'EBIKE', ?, ?, code, path, 'fixture' FROM address.node WHERE code = ? RETURNING id""";
            String ownVehicle = jdbc.sql(vehicle).params("E2801160FFFF0001", Long.parseLong(people.ownPerson()),
                    people.ownRoom()).query(String.class).single();
            String foreignVehicle = jdbc.sql(vehicle).params("E2801160FFFF0002", Long.parseLong(people.foreignPerson()),
                    people.foreignRoom()).query(String.class).single();
            String alert = """
                    INSERT INTO alert.alert (rule, dedupe_key, device_uuid, device_id, node_code, node_path, tag, occurred_at,
                                             received_at, state, acknowledged_at, acknowledged_by)
                    SELECT 'HOTLIST_HIT', ?, gen_random_uuid(), 'fixture-gate', code, path, 'E2801160FFFF0009', now(), now(), ?,
                           CASE WHEN ? = 'NEW' THEN NULL ELSE now() END, 'fixture'
                      FROM address.node WHERE code = ? RETURNING id""";
            String ownAlert = jdbc.sql(alert).params("fixture-1", "NEW", "NEW", ownBuilding).query(String.class).single();
            String acked = jdbc.sql(alert).params("fixture-2", "ACKNOWLEDGED", "ACKNOWLEDGED", ownBuilding)
                    .query(String.class).single();
            String foreign = jdbc.sql(alert).params("fixture-3", "ACKNOWLEDGED", "ACKNOWLEDGED", foreignCompound)
                    .query(String.class).single();
            String entry = jdbc.sql("""
                    INSERT INTO alert.hotlist_entry (kind, value, source, valid_from, entered_by)
                    VALUES ('PLATE', '皖EFX001', 'fixture', now(), 'fixture') RETURNING id""").query(String.class).single();
            return new Smart(ownVehicle, foreignVehicle, ownAlert, acked, foreign, entry, leader);
        }
    }
}
