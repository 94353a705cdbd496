package org.beatbook.population;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NameKeysTests {

    @Test
    void jiangHaoHasItsFullSpellingInitialsAndPieces() {
        NameKeys.Keys keys = NameKeys.of("江浩");

        assertThat(keys.fullPinyin()).containsExactly("jianghao");
        assertThat(keys.initials()).containsExactly("jh");
        assertThat(keys.pieces()).containsExactly("江", "浩", "江浩");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jh", "j", "jianghao", "jiang", "jiangh"})
    void pinyinQueriesFindJiangHao(String typed) {
        SearchQuery query = NameKeys.normaliseQuery(typed);

        assertThat(query.kind()).isEqualTo(SearchQuery.Kind.PINYIN);
        assertThat(NameKeys.of("江浩").matchesPinyin(query.text())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hj", "jianghai", "zh", "haojiang"})
    void otherPinyinDoesNotFindJiangHao(String typed) {
        assertThat(NameKeys.of("江浩").matchesPinyin(NameKeys.normaliseQuery(typed).text())).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "曾小明, zeng, ceng, zxm, cxm",
            "单伟, shan, dan, sw, dw",
            "解放, xie, jie, xf, jf",
            "仇建国, qiu, chou, qjg, cjg",
            "区志强, ou, qu, ozq, qzq",
            "查良镛, zha, cha, zly, cly",
            "朴志勇, piao, pu, pzy, pzy",
            "盖丽丽, ge, gai, gll, gll",
    })
    void multiReadingSurnamesAreFoundByEveryReading(String name, String reading1, String reading2, String initials1,
                                                    String initials2) {
        NameKeys.Keys keys = NameKeys.of(name);

        assertThat(keys.fullPinyin()).anyMatch(k -> k.startsWith(reading1)).anyMatch(k -> k.startsWith(reading2));
        assertThat(keys.initials()).contains(initials1, initials2);
        assertThat(keys.matchesPinyin(reading1)).isTrue();
        assertThat(keys.matchesPinyin(reading2)).isTrue();
    }

    @Test
    void theSurnameReadingComesFirst() {
        assertThat(NameKeys.of("曾小明").fullPinyin().get(0)).isEqualTo("zengxiaoming");
        assertThat(NameKeys.of("单伟").fullPinyin().get(0)).isEqualTo("shanwei");
        assertThat(NameKeys.of("仇建国").fullPinyin().get(0)).isEqualTo("qiujianguo");
    }

    @Test
    void surnameReadingsReplaceTheCharactersOtherReadings() {
        // 单 is also read "chan", but only in the compound surname 单于, not as a surname on its own.
        assertThat(NameKeys.of("单伟").fullPinyin()).containsExactly("shanwei", "danwei");
    }

    @ParameterizedTest
    @CsvSource({"尉迟恭, yuchigong, ycg", "万俟卨, moqixie, mqx", "欧阳修, ouyangxiu, oyx", "诸葛亮, zhugeliang, zgl",
            "长孙无忌, zhangsunwuji, zswj", "单于乐, chanyule, cyl"})
    void compoundSurnamesUseTheirOwnReadings(String name, String full, String initials) {
        NameKeys.Keys keys = NameKeys.of(name);

        assertThat(keys.fullPinyin().get(0)).isEqualTo(full);
        assertThat(keys.initials().get(0)).isEqualTo(initials);
    }

    @Test
    void givenNameCharactersKeepAllTheirReadings() {
        NameKeys.Keys keys = NameKeys.of("李长乐");

        assertThat(keys.fullPinyin()).contains("lichangle", "lizhangle", "lichangyue", "lizhangyue");
    }

    @Test
    void uUmlautIsWrittenBothAsVAndAsU() {
        NameKeys.Keys lv = NameKeys.of("吕布");

        assertThat(lv.fullPinyin()).contains("lvbu", "lubu");
        assertThat(lv.matchesPinyin("lv")).isTrue();
        assertThat(lv.matchesPinyin("lu")).isTrue();
        assertThat(NameKeys.normaliseQuery("Lü").text()).isEqualTo("lv");
        assertThat(NameKeys.normaliseQuery("lu:bu").text()).isEqualTo("lvbu");
        assertThat(NameKeys.of("吕略").fullPinyin()).contains("lvlve", "lulue");
    }

    @Test
    void theNumberOfSpellingsIsCappedWhileEverySingleAlternativeSurvives() {
        // Every character here has several readings: the product runs into hundreds.
        NameKeys.Keys keys = NameKeys.of("单和乐行重长");

        assertThat(keys.fullPinyin()).hasSizeLessThanOrEqualTo(NameKeys.MAX_SPELLINGS);
        assertThat(keys.fullPinyin().get(0)).startsWith("shan");
        assertThat(keys.fullPinyin()).anyMatch(k -> k.startsWith("dan"));
        assertThat(keys.fullPinyin()).doesNotHaveDuplicates();
        assertThat(keys.initials()).doesNotHaveDuplicates();
    }

    @Test
    void likeliestChoicesComeInOrderOfDeviationFromTheFirstReadings() {
        List<int[]> choices = NameKeys.likeliest(List.of(List.of("a", "b"), List.of("c", "d", "e")), 100);

        assertThat(choices).hasSize(6);
        assertThat(choices.get(0)).containsExactly(0, 0);
        assertThat(choices.subList(1, 3)).allSatisfy(c -> assertThat(c[0] + c[1]).isEqualTo(1));
        assertThat(NameKeys.likeliest(List.of(List.of("a", "b"), List.of("c", "d", "e")), 2)).hasSize(2);
    }

    @Test
    void piecesAreTheOneAndTwoCharacterSubstringsWithoutSeparators() {
        assertThat(NameKeys.of("欧阳娜娜").pieces()).containsExactly("欧", "阳", "娜", "欧阳", "阳娜", "娜娜");
        assertThat(NameKeys.of("阿依古丽·买买提").pieces()).contains("阿", "丽买", "买提").doesNotContain("·", "丽·");
        assertThat(NameKeys.of("王 芳").pieces()).containsExactly("王", "芳", "王芳");
    }

    @Test
    void latinNamesGiveLowerCaseKeysAndNoPieces() {
        NameKeys.Keys keys = NameKeys.of("John SMITH");

        assertThat(keys.fullPinyin()).containsExactly("johnsmith");
        assertThat(keys.initials()).containsExactly("js");
        assertThat(keys.pieces()).isEmpty();
    }

    @Test
    void charactersWithoutAKnownReadingStillGivePieces() {
        NameKeys.Keys keys = NameKeys.of("李𠮷");   // 𠮷 is outside the BMP and unknown to pinyin4j

        assertThat(keys.pieces()).containsExactly("李", "𠮷", "李𠮷");
        assertThat(keys.fullPinyin()).containsExactly("li");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "·", "123", "!!"})
    void unusableNamesGiveEmptyKeys(String name) {
        NameKeys.Keys keys = NameKeys.of(name);

        assertThat(keys.fullPinyin()).isEmpty();
        assertThat(keys.initials()).isEmpty();
        assertThat(keys.pieces()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL|EMPTY|",
            "'   '|EMPTY|",
            "江浩|CHINESE|江浩",
            "' 江 浩 '|CHINESE|江浩",
            "江|CHINESE|江",
            "阿依古丽·买买提|CHINESE|阿依古丽买买提",
            "JH|PINYIN|jh",
            "Jiang Hao|PINYIN|jianghao",
            "xi'an|PINYIN|xian",
            "ｊｈ|PINYIN|jh",
            "34052419800101001x|ID_NUMBER|34052419800101001X",
            "340524 19800101 001X|ID_NUMBER|34052419800101001X",
            "340524800101001|ID_NUMBER|34052419800101001X",
            "340524198001010013|DIGITS|340524198001010013",
            "13812341234|PHONE|13812341234",
            "+86 138-1234-1234|PHONE|13812341234",
            "138-1234-1234|PHONE|13812341234",
            "1234|DIGITS|1234",
            "001X|DIGITS|001X",
            "001x|DIGITS|001X",
            "123456|DIGITS|123456",
            "12345678901|DIGITS|12345678901",
            "123|DIGITS_TOO_SHORT|123",
            "3-2-501|ROOM|3-2-501",
            "3－2－501|ROOM|3-2-501",
            "3 - 2 - 501|ROOM|3-2-501",
            "3栋2单元501|ROOM|3-2-501",
            "3号楼2单元501室|ROOM|3-2-501",
            "12-1201|ROOM|12-1201",
            "3/2/501|ROOM|3-2-501",
            "abc123|UNRECOGNISED|abc123",
            "!!|UNRECOGNISED|!!",
    })
    void searchInputIsClassifiedAndNormalised(String input, SearchQuery.Kind kind, String text) {
        SearchQuery query = NameKeys.normaliseQuery(input);

        assertThat(query.kind()).isEqualTo(kind);
        assertThat(query.text()).isEqualTo(text == null ? "" : text);
    }

    @Test
    void overlongSearchInputIsNotAnalysed() {
        assertThat(NameKeys.normaliseQuery("江".repeat(1000)).kind()).isEqualTo(SearchQuery.Kind.UNRECOGNISED);
    }

    @Test
    void inputThatNormalisationExpandsBeyondTheLimitIsNotAnalysed() {
        // U+FDFA is one character that NFKC turns into 18; found by Jazzer.
        assertThat(NameKeys.normaliseQuery("\uFDFA".repeat(5))).isEqualTo(new SearchQuery(SearchQuery.Kind.UNRECOGNISED, ""));
    }

    @Test
    void sensitiveQueriesAreMaskedInToString() {
        assertThat(NameKeys.normaliseQuery("13812341234").toString()).doesNotContain("13812341234");
        assertThat(NameKeys.normaliseQuery("江浩").toString()).contains("江浩");
    }
}
