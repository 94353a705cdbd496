package org.beatbook.population;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DivisionCodesTests {

    private final DivisionCodes table = DivisionCodes.table();

    @Test
    void theTableHasAllProvinceLevelDivisionsAndThousandsOfCounties() {
        List<String> provinces = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35",
                "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
                "65", "71", "81", "82");
        for (String p : provinces) {
            assertThat(table.find(p + "0000")).as(p).hasValueSatisfying(d -> {
                assertThat(d.level()).isEqualTo(DivisionLevel.PROVINCE);
                assertThat(d.isCurrent()).isTrue();
            });
        }
        assertThat(table.size()).isGreaterThan(3_900);
    }

    @ParameterizedTest
    @CsvSource({"110105, 朝阳区", "340000, 安徽省", "340500, 马鞍山市", "340523, 和县", "429004, 仙桃市",
            "650000, 新疆维吾尔自治区", "110103, 崇文区", "341400, 巢湖市"})
    void namesAreLookedUpByCode(String code, String name) {
        assertThat(table.name(code)).contains(name);
        assertThat(table.isKnown(code)).isTrue();
    }

    @Test
    void retiredCodesAreKeptWithTheirLastRevision() {
        assertThat(table.find("110103")).hasValueSatisfying(d -> {
            assertThat(d.isCurrent()).isFalse();
            assertThat(d.retired()).contains("200912");
            assertThat(d.level()).isEqualTo(DivisionLevel.COUNTY);
        });
        assertThat(table.find("110105").orElseThrow().isCurrent()).isTrue();
    }

    @Test
    void provinceAndCityOfACode() {
        assertThat(table.province("340524")).map(DivisionCodes.Division::name).contains("安徽省");
        assertThat(table.province("34")).map(DivisionCodes.Division::name).contains("安徽省");
        assertThat(table.city("340523")).map(DivisionCodes.Division::name).contains("马鞍山市");
        assertThat(table.province("990000")).isEmpty();
        assertThat(table.province("3")).isEmpty();
        assertThat(table.province("ab1234")).isEmpty();
        assertThat(table.province(null)).isEmpty();
        assertThat(table.city("34")).isEmpty();
    }

    @Test
    void unknownAndMalformedCodesAreSimplyUnknown() {
        assertThat(table.isKnown("340524")).isFalse();
        assertThat(table.isKnown(null)).isFalse();
        assertThat(table.isKnown("")).isFalse();
        assertThat(table.name("999999")).isEmpty();
    }

    @Test
    void aMalformedTableFailsLoudlyInsteadOfLosingRows() {
        assertThatThrownBy(() -> DivisionCodes.parse(new BufferedReader(new StringReader("code,name\n110000,北京市\n"))))
                .hasMessageContaining("unexpected header");
        assertThatThrownBy(() -> DivisionCodes.parse(new BufferedReader(new StringReader(
                "code,name,level,retired\n11000,北京市,PROVINCE,\n")))).hasMessageContaining("line 2");
        assertThatThrownBy(() -> DivisionCodes.parse(new BufferedReader(new StringReader(
                "code,name,level,retired\n110000,北京市,PROVINCE,\n110000,北京,PROVINCE,\n")))).hasMessageContaining("repeats");
    }
}
