package org.beatbook.exchange.web;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressFixtures;
import org.beatbook.address.internal.AddressService;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.StoredEvent;
import org.beatbook.device.StoredEventsHandler;
import org.beatbook.exchange.Sightings;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ranking on the real address tree: every compound of the caller's jurisdiction is listed, those that collected
 * nothing with zeros at the bottom; a place outside any compound (a school gate) is listed once it has collected.
 */
@SpringBootTest
@AutoConfigureMockMvc
class VolumeRankingIntegrationTests {

    @Autowired AddressService addresses;
    @Autowired AddressApi tree;
    @Autowired MockMvcTester mvc;
    @Autowired List<StoredEventsHandler> handlers;
    @Autowired TransactionTemplate tx;

    DeviceRef camera(String nodeCode) {
        String path = tree.scopeOf(List.of(nodeCode)).paths().get(0);
        return new DeviceRef(UUID.randomUUID(), "cam-" + nodeCode, null, DeviceKind.PLATE_CAMERA, nodeCode, path);
    }

    void store(List<StoredEvent> batch) {
        tx.executeWithoutResult(s -> handlers.forEach(h -> h.inTransaction(batch)));
    }

    @Test
    void everyCompoundOfTheJurisdictionIsRankedThoseWithoutDataWithZeros() {
        AddressFixtures.Tree t = AddressFixtures.tree(addresses);
        DeviceRef gate = camera(t.building2());
        DeviceRef school = camera(t.school());
        Instant day = Instant.parse("2026-11-18T02:00:00Z");
        List<StoredEvent> batch = new ArrayList<>();
        batch.addAll(Sightings.many(5, i -> Sightings.vehicle(gate, "皖F1000" + i, day.plusSeconds(i))));
        batch.addAll(Sightings.many(2, i -> Sightings.vehicle(school, "皖F2000" + i, day.plusSeconds(i))));
        store(batch);
        var officer = AddressFixtures.as(Role.COMMUNITY_OFFICER, t.communityPath());

        MvcTestResult r = mvc.get().uri("/api/v1/volume?from=2026-11-18&to=2026-11-18").with(officer).exchange();
        assertThat(r).hasStatusOk();
        assertThat(r).bodyJson().extractingPath("$.compounds[*].code").asArray()
                .containsExactly(t.compound(), t.school(), t.otherCompound());
        assertThat(r).bodyJson().extractingPath("$.compounds[*].collected").asArray().containsExactly(5, 2, 0);
        assertThat(r).bodyJson().extractingPath("$.compounds[*].rank").asArray().containsExactly(1, 2, 3);
        assertThat(r).bodyJson().extractingPath("$.compounds[2].name").isEqualTo("御景花园");
        assertThat(r).bodyJson().extractingPath("$.compounds[2].pushedRate").isEqualTo(0.0);

        MvcTestResult quiet = mvc.get().uri("/api/v1/volume?from=2026-11-17&to=2026-11-17").with(officer).exchange();
        assertThat(quiet).bodyJson().extractingPath("$.compounds[*].code").asArray()
                .containsExactlyInAnyOrder(t.compound(), t.school(), t.otherCompound());
        assertThat(quiet).bodyJson().extractingPath("$.compounds[*].rank").asArray().containsOnly(1);
        assertThat(quiet).bodyJson().extractingPath("$.totalCollected").isEqualTo(0);

        MvcTestResult page = mvc.get().uri("/exchange/volume?period=DAY&date=2026-11-18").with(officer).exchange();
        assertThat(page).hasStatusOk();
        String html = new String(page.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(html).contains("阳光新城", "御景花园", "id=\"volume-" + t.otherCompound() + "\"", "class=\"zero\"",
                "合计：采集 7 条，推送 0 条");

        var compoundOnly = AddressFixtures.as(Role.AUXILIARY_POLICE, t.otherCompoundPath());
        assertThat(mvc.get().uri("/api/v1/volume?from=2026-11-18&to=2026-11-18").with(compoundOnly).exchange())
                .bodyJson().extractingPath("$.compounds[*].code").asArray().containsExactly(t.otherCompound());
    }
}
