package org.beatbook.housing.web;

import com.jayway.jsonpath.JsonPath;
import org.beatbook.address.AddressFixtures;
import org.beatbook.address.AddressFixtures.Tree;
import org.beatbook.address.internal.AddressNodeChanges;
import org.beatbook.address.internal.AddressService;
import org.beatbook.organisation.Organisations;
import org.beatbook.population.Residents;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.security.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.address.Workbooks.HEADER;
import static org.beatbook.address.Workbooks.xlsx;
import static org.beatbook.housing.web.HouseApiIntegrationTests.body;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The copies of an address label that housing, population and organisation keep follow the real address tree: a
 * renamed building (by hand), a renamed compound (by import) and a moved building show their new names on the house
 * page, in the house API, on the person and on the unit.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HouseLabelsIntegrationTests {

    @Autowired AddressService addresses;
    @Autowired MockMvcTester mvc;

    Tree tree;
    Authentication officer;

    MvcTestResult send(String method, String uri, String json) {
        var req = "PUT".equals(method) ? mvc.put() : mvc.post();
        return req.uri(uri).contentType(MediaType.APPLICATION_JSON).content(json).header("Accept-Language", "zh-CN")
                .with(authentication(officer)).with(csrf()).exchange();
    }

    String get(String uri) {
        return body(mvc.get().uri(uri).header("Accept-Language", "zh-CN").with(authentication(officer)).exchange());
    }

    @Test
    void renamedAndMovedBuildingsRelabelHousesResidencesAndUnits() {
        tree = AddressFixtures.tree(addresses);
        Caller admin = AddressFixtures.caller(Role.SYSTEM_ADMIN, tree.district());
        officer = Residents.signedIn(Role.COMMUNITY_OFFICER, new Scope(List.of(tree.communityPath())));
        String room = tree.room501();
        assertThat(send("PUT", "/api/v1/houses/" + room, "{\"usage\":\"RENTED\",\"landlordName\":\"王建国\"}"))
                .hasStatus(HttpStatus.CREATED);
        MvcTestResult person = send("POST", "/api/v1/persons", Residents.tenant().room(room).json());
        assertThat(person).as(body(person)).hasStatus(HttpStatus.CREATED);
        long personId = ((Number) JsonPath.read(body(person), "$.person.id")).longValue();
        MvcTestResult unit = send("POST", "/api/v1/organisations",
                Organisations.shop().with("addressCode", tree.building1()).json());
        assertThat(unit).as(body(unit)).hasStatus(HttpStatus.CREATED);
        long unitId = ((Number) JsonPath.read(body(unit), "$.id")).longValue();
        assertThat(houseLabel(room)).isEqualTo("阳光新城 1号楼1单元501");
        assertThat(residence(personId, "addressLabel")).isEqualTo("阳光新城 1号楼1单元501");
        assertThat(residence(personId, "roomKey")).isEqualTo("1-1-501");

        addresses.update(tree.building1(), new AddressNodeChanges("7号楼", null, null, null), null, admin);

        assertThat(houseLabel(room)).isEqualTo("阳光新城 7号楼1单元501");
        assertThat(get("/houses/rooms/" + room)).contains("阳光新城 7号楼1单元501");
        assertThat(get("/houses?compound=" + tree.compound())).contains("阳光新城 7号楼1单元501")
                .doesNotContain("1号楼1单元501");
        assertThat(residence(personId, "addressLabel")).isEqualTo("阳光新城 7号楼1单元501");
        assertThat(residence(personId, "roomKey")).isEqualTo("7-1-501");
        assertThat(JsonPath.<String>read(get("/api/v1/organisations/" + unitId), "$.addressLabel"))
                .isEqualTo("阳光新城 7号楼");

        MvcTestResult imported = mvc.post().multipart().uri("/api/v1/imports/addresses").with(authentication(officer))
                .with(csrf()).file(new MockMultipartFile("file", "a.xlsx", "application/octet-stream",
                        xlsx(HEADER, new Object[]{tree.compound(), tree.community(), "小区", "阳光新城东区"})))
                .exchange();
        assertThat(imported).as(body(imported)).hasStatusOk().bodyJson().extractingPath("$.updated").isEqualTo(1);
        assertThat(houseLabel(room)).isEqualTo("阳光新城东区 7号楼1单元501");
        assertThat(residence(personId, "addressLabel")).isEqualTo("阳光新城东区 7号楼1单元501");

        addresses.move(tree.building1(), tree.otherCompound(), admin);

        assertThat(houseLabel(room)).isEqualTo("御景花园 7号楼1单元501");
        assertThat(residence(personId, "addressLabel")).isEqualTo("御景花园 7号楼1单元501");
        assertThat(JsonPath.<String>read(get("/api/v1/organisations/" + unitId), "$.addressLabel"))
                .isEqualTo("御景花园 7号楼");
    }

    private String houseLabel(String room) {
        return JsonPath.read(get("/api/v1/houses/" + room), "$.address");
    }

    private String residence(long personId, String field) {
        List<String> values = JsonPath.read(get("/api/v1/persons/" + personId), "$.residences[*]." + field);
        return values.get(0);
    }
}
