package org.beatbook.population;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Sex, ethnicity, relationship and residence type codes, and the messages that name them. */
class CodeTablesTests {

    @Test
    void sexCodesAreThoseOfGbt2261() {
        assertThat(Arrays.stream(Sex.values()).map(Sex::code)).containsExactly("0", "1", "2", "9");
        assertThat(Sex.fromCode("2")).contains(Sex.FEMALE);
        assertThat(Sex.fromCode("3")).isEmpty();
        assertThat(Sex.fromCode(null)).isEmpty();
    }

    @Test
    void ethnicitiesAreThe56GroupsInTheStandardsOrderThen97And98() {
        Ethnicity[] all = Ethnicity.values();
        assertThat(all).hasSize(58);
        for (int i = 0; i < 56; i++) {
            assertThat(all[i].code()).isEqualTo(String.format("%02d", i + 1));
            assertThat(all[i].chineseName()).endsWith("族");
        }
        assertThat(all[56].code()).isEqualTo("97");
        assertThat(all[57].code()).isEqualTo("98");
        assertThat(all[57].chineseName()).isEqualTo("外国血统中国籍人士");
    }

    @ParameterizedTest
    @CsvSource({"01, 汉族, Han", "04, 藏族, Zang", "05, 维吾尔族, Uygur", "10, 朝鲜族, Chosen", "11, 满族, Man",
            "23, 高山族, Gaoshan", "29, 柯尔克孜族, Kirgiz", "38, 锡伯族, Xibe", "44, 俄罗斯族, Russ", "49, 京族, Gin",
            "51, 独龙族, Derung", "56, 基诺族, Jino", "97, 其他, Other"})
    void ethnicityCodesNamesAndRomanisations(String code, String chinese, String roman) {
        Ethnicity e = Ethnicity.fromCode(code).orElseThrow();
        assertThat(e.chineseName()).isEqualTo(chinese);
        assertThat(e.romanName()).isEqualTo(roman);
    }

    @ParameterizedTest
    @ValueSource(strings = {"汉族", "汉", " 汉族 "})
    void ethnicityByChineseNameWithOrWithoutZu(String name) {
        assertThat(Ethnicity.fromChineseName(name)).contains(Ethnicity.HAN);
    }

    @Test
    void unknownEthnicitiesAreEmpty() {
        assertThat(Ethnicity.fromChineseName("火星族")).isEmpty();
        assertThat(Ethnicity.fromChineseName(null)).isEmpty();
        assertThat(Ethnicity.fromCode("57")).isEmpty();
        assertThat(Ethnicity.fromChineseName("其")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"01, SELF, SELF", "02, HOUSEHOLDER, HOUSEHOLDER", "10, SPOUSE, SPOUSE", "11, HUSBAND, SPOUSE",
            "12, WIFE, SPOUSE", "20, SON, SON", "22, ELDEST_SON, SON", "30, DAUGHTER, DAUGHTER", "38, DAUGHTER_IN_LAW, DAUGHTER",
            "40, GRANDCHILD, GRANDCHILD", "41, SONS_SON, GRANDCHILD", "50, PARENT, PARENT", "51, FATHER, PARENT",
            "52, MOTHER, PARENT", "60, GRANDPARENT, GRANDPARENT", "70, SIBLING, SIBLING", "80, OTHER, OTHER",
            "93, BROTHERS_SON, OTHER", "97, OTHER_RELATIVE, OTHER_RELATIVE", "99, NOT_RELATED, NOT_RELATED"})
    void relationshipCodesOfGbt4761AndTheirGroups(String code, Relationship relationship, Relationship group) {
        assertThat(Relationship.fromCode(code)).contains(relationship);
        assertThat(relationship.group()).isEqualTo(group);
    }

    @Test
    void relationshipCodesAreUniqueAndTwoDigits() {
        assertThat(Arrays.stream(Relationship.values()).map(Relationship::code).distinct().count())
                .isEqualTo(Relationship.values().length);
        assertThat(Arrays.stream(Relationship.values()).map(Relationship::code)).allMatch(c -> c.matches("[0-9]{2}"));
        assertThat(Relationship.fromCode("98")).isEmpty();
    }

    @Test
    void residenceTypesAreTheFiveTheApiNames() {
        assertThat(Arrays.stream(ResidenceType.values()).map(Enum::name))
                .containsExactly("OWNER", "FAMILY", "TENANT", "TEMPORARY", "SHORT_TERM_GUEST");
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        assertThat(bundle("").stringPropertyNames()).isEqualTo(bundle("_en").stringPropertyNames());
    }

    @Test
    void everyCodeAndEveryReasonHasAMessageInBothLanguages() throws IOException {
        List<String> keys = new ArrayList<>();
        Stream.of(Sex.values()).map(Sex::messageKey).forEach(keys::add);
        Stream.of(Ethnicity.values()).map(Ethnicity::messageKey).forEach(keys::add);
        Stream.of(Relationship.values()).map(Relationship::messageKey).forEach(keys::add);
        Stream.of(ResidenceType.values()).map(ResidenceType::messageKey).forEach(keys::add);
        Stream.of(DocumentType.values()).map(DocumentType::messageKey).forEach(keys::add);
        Stream.of(IdNumber.Problem.values()).map(Reason::messageKey).forEach(keys::add);
        Stream.of(PhoneNumber.Problem.values()).map(Reason::messageKey).forEach(keys::add);
        Stream.of(DocumentNumber.Problem.values()).map(Reason::messageKey).forEach(keys::add);
        for (String suffix : List.of("", "_en")) {
            Properties messages = bundle(suffix);
            assertThat(messages.stringPropertyNames()).as("bundle population" + suffix).containsAll(keys);
        }
    }

    @Test
    void messagesInTheBundlesMatchTheStandardsNames() throws IOException {
        Properties zh = bundle("");
        Properties en = bundle("_en");
        for (Ethnicity e : Ethnicity.values()) {
            assertThat(zh.getProperty(e.messageKey())).isEqualTo(e.chineseName());
            assertThat(en.getProperty(e.messageKey())).isEqualTo(e.romanName());
        }
        assertThat(zh.getProperty(Relationship.HOUSEHOLDER.messageKey())).isEqualTo("户主");
        assertThat(zh.getProperty(Relationship.NOT_RELATED.messageKey())).isEqualTo("非亲属");
        assertThat(zh.getProperty(Sex.MALE.messageKey())).isEqualTo("男");
    }

    @Test
    void messagesWithArgumentsFormatCleanly() throws IOException {
        for (String suffix : List.of("", "_en")) {
            Properties messages = bundle(suffix);
            for (String key : messages.stringPropertyNames()) {
                String pattern = messages.getProperty(key);
                if (!pattern.contains("{")) {
                    continue;
                }
                String formatted = new MessageFormat(pattern, Locale.ROOT).format(new Object[] {"A1", "B2", "C3"});
                assertThat(formatted).as(key).doesNotContain("{").contains("A1");
                // A lone apostrophe would swallow text under MessageFormat.
                assertThat(formatted.length()).as(key).isGreaterThanOrEqualTo(pattern.replaceAll("\\{\\d}", "").length());
            }
        }
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CodeTablesTests.class.getResourceAsStream("/messages/population" + suffix + ".properties")) {
            assertThat(in).as("bundle population" + suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
