package org.beatbook.address.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressDemo;
import org.beatbook.address.AddressDemo.DemoTree;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class AddressDemoTests {

    @Autowired
    AddressDemo demo;
    @Autowired
    AddressApi api;

    @Test
    void theDemoCommunityIsBuiltQuicklyOnceAndReproducibly() {
        long start = System.nanoTime();
        DemoTree first = demo.load(42);
        long millis = (System.nanoTime() - start) / 1_000_000;
        DemoTree second = demo.load(42);

        assertThat(millis).as("load time in ms").isLessThan(5_000);
        assertThat(second.created()).isFalse();
        assertThat(second).isEqualTo(new DemoTree(first.district(), first.street(), first.community(), first.compounds(),
                first.largeCompound(), first.firstHalf(), first.secondHalf(), first.places(), first.rooms(), false));
        assertThat(first.district()).isEqualTo("340524");
        assertThat(first.compounds()).hasSize(16).allMatch(c -> c.startsWith(first.community()));
        Set<String> halves = new HashSet<>(first.firstHalf());
        assertThat(first.secondHalf()).doesNotContainAnyElementsOf(halves);
        halves.addAll(first.secondHalf());
        assertThat(halves).containsExactlyInAnyOrderElementsOf(first.compounds());

        var community = api.scopeOf(List.of(first.community()));
        Map<AddressLevel, Long> counts = api.countByLevel(community);
        assertThat(counts.get(AddressLevel.COMPOUND)).isEqualTo(16);
        assertThat(counts.get(AddressLevel.ROOM)).isEqualTo(first.rooms()).isBetween(4_700L, 5_300L);
        assertThat(api.countByLevel(api.scopeOf(List.of(first.largeCompound()))).get(AddressLevel.ROOM))
                .isBetween(1_250L, 1_400L);
        assertThat(api.ancestors(first.community(), api.scopeOf(List.of("34"))))
                .extracting(AddressNodeView::name).containsExactly("安徽省", "马鞍山市", "含山县", "环峰镇");

        List<AddressNodeView> places = api.children(first.community(), community).stream()
                .filter(n -> n.level() == AddressLevel.PLACE).toList();
        assertThat(places).extracting(AddressNodeView::category)
                .contains("SCHOOL", "RAIL_STATION", "HOSPITAL", "MARKET", "KEY_SITE");
        assertThat(places.stream().filter(p -> "SCHOOL".equals(p.category()))).hasSize(4);
        assertThat(places).allMatch(p -> p.latitude() > 31.6 && p.latitude() < 31.8
                && p.longitude() > 118.0 && p.longitude() < 118.2);
        // rooms in natural order within a unit: 101, 102, 201, ... 1101
        String building = api.children(first.largeCompound(), community).get(0).code();
        String unit = api.children(building, community).get(0).code();
        List<String> rooms = api.children(unit, community).stream().map(AddressNodeView::name).toList();
        assertThat(rooms).startsWith("101室", "102室", "103室", "201室").endsWith("1103室");
    }
}
