package org.beatbook.address.internal;

import org.beatbook.address.AddressLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.address.AddressLevel.*;

class AddressRulesTests {

    @ParameterizedTest
    @CsvSource({
            "ROOM, UNIT, true", "ROOM, FLOOR, true", "ROOM, BUILDING, true", "ROOM, COMPOUND, false",
            "ROOM, COMMUNITY, false", "UNIT, BUILDING, true", "UNIT, COMPOUND, false", "BUILDING, COMPOUND, true",
            "BUILDING, COMMUNITY, false", "COMPOUND, COMMUNITY, true", "COMPOUND, STREET, false",
            "PLACE, STREET, true", "PLACE, COMMUNITY, true", "PLACE, COMPOUND, true", "PLACE, BUILDING, false",
            "COMMUNITY, STREET, true", "STREET, DISTRICT, true", "DISTRICT, CITY, true", "CITY, PROVINCE, true",
            "PROVINCE, CITY, false", "COMMUNITY, ROOM, false", "FLOOR, UNIT, true", "FLOOR, ROOM, false"})
    void childLevelsLieBelowTheirParent(AddressLevel child, AddressLevel parent, boolean allowed) {
        assertThat(AddressRules.mayHangUnder(child, parent)).isEqualTo(allowed);
    }

    @Test
    void onlyDivisionsAreRoots() {
        assertThat(AddressRules.mayHangUnder(PROVINCE, null)).isTrue();
        assertThat(AddressRules.mayHangUnder(DISTRICT, null)).isTrue();
        assertThat(AddressRules.mayHangUnder(COMPOUND, null)).isFalse();
        assertThat(AddressRules.childLevels(COMMUNITY)).containsExactly(COMPOUND, PLACE);
        assertThat(AddressRules.childLevels(ROOM)).isEmpty();
    }

    @Test
    void codesAreGeneratedFromTheParentWithALevelWidth() {
        assertThat(AddressRules.nextCode("340524100001", COMPOUND, 0)).isEqualTo("340524100001001");
        assertThat(AddressRules.nextCode("340524100001002", BUILDING, 9)).isEqualTo("340524100001002010");
        assertThat(AddressRules.nextCode("340524100001002001", UNIT, 1)).isEqualTo("34052410000100200102");
        assertThat(AddressRules.nextCode("34052410000100200102", ROOM, 501)).isEqualTo("340524100001002001020502");
        assertThat(AddressRules.nextCode("34", CITY, 4)).isEqualTo("3405");
        assertThat(AddressRules.nextCode("3405241000010020010", UNIT, 99)).as("width exhausted").isNull();
        assertThat(AddressRules.nextCode("X".repeat(38), ROOM, 0)).as("longer than 40").isNull();
    }

    @Test
    void codesAreDigitsAndCapitalsUpTo40() {
        assertThat(AddressRules.wellFormedCode("340524100001A")).isTrue();
        assertThat(AddressRules.wellFormedCode(AddressRules.normalizeCode(" 34ab "))).isTrue();
        assertThat(AddressRules.normalizeCode(" 34ab ")).isEqualTo("34AB");
        assertThat(AddressRules.wellFormedCode("34-01")).isFalse();
        assertThat(AddressRules.wellFormedCode("甲1")).isFalse();
        assertThat(AddressRules.wellFormedCode("")).isFalse();
        assertThat(AddressRules.wellFormedCode("1".repeat(40))).isTrue();
        assertThat(AddressRules.wellFormedCode("1".repeat(41))).isFalse();
        assertThat(AddressRules.normalizeCode("   ")).isNull();
    }

    @Test
    void namesSortNaturally() {
        List<String> names = new ArrayList<>(List.of("10号楼", "2号楼", "1号楼", "1201", "501", "A栋", "02号楼",
                "3单元", "12单元", "１１号楼"));
        names.sort(Comparator.comparing(AddressRules::sortKey));
        assertThat(names).containsExactly("1号楼", "2号楼", "02号楼", "3单元", "10号楼", "１１号楼", "12单元", "501", "1201", "A栋");
    }

    @Test
    void sortKeyOrdersByDigitRunLength() {
        assertThat(AddressRules.sortKey("2号楼")).isLessThan(AddressRules.sortKey("10号楼"));
        assertThat(AddressRules.sortKey("501")).isLessThan(AddressRules.sortKey("1201"));
        assertThat(AddressRules.sortKey("9".repeat(120))).isNotEmpty();
    }

    @Test
    void aMoveUnderItselfOrADescendantIsACycle() {
        assertThat(AddressRules.wouldCycle("34.3405", "34.3405")).isTrue();
        assertThat(AddressRules.wouldCycle("34.3405", "34.3405.340524")).isTrue();
        assertThat(AddressRules.wouldCycle("34.3405", "34.34051")).as("a sibling sharing a prefix").isFalse();
        assertThat(AddressRules.wouldCycle("34.3405.340524", "34.3405")).isFalse();
    }

    @Test
    void coordinatesAreWgs84Ranges() {
        assertThat(AddressRules.validLatitude(90.0)).isTrue();
        assertThat(AddressRules.validLatitude(-90.01)).isFalse();
        assertThat(AddressRules.validLatitude(Double.NaN)).isFalse();
        assertThat(AddressRules.validLongitude(180.0)).isTrue();
        assertThat(AddressRules.validLongitude(180.5)).isFalse();
        assertThat(AddressRules.validLongitude(null)).isTrue();
    }

    @Test
    void namesAreTrimmedAndFolded() {
        assertThat(AddressRules.normalizeName("  阳光   新城 ")).isEqualTo("阳光 新城");
        assertThat(AddressRules.normalizeName("１号楼")).isEqualTo("1号楼");
        assertThat(AddressRules.normalizeName(" \t ")).isNull();
    }
}
