package org.beatbook.population;

import java.util.Optional;

/**
 * Relationship to the householder (与户主关系) as coded by GB/T 4761-2008. A code ending in 0 is
 * the group (20 子), the others refine it (21 独生子 … 29 其他儿子); 01 本人, 02 户主, 97 其他亲属
 * and 99 非亲属 stand alone. Display names live in the message bundles.
 */
public enum Relationship {
    SELF("01"),
    HOUSEHOLDER("02"),
    SPOUSE("10"),
    HUSBAND("11"),
    WIFE("12"),
    SON("20"),
    ONLY_SON("21"),
    ELDEST_SON("22"),
    SECOND_SON("23"),
    THIRD_SON("24"),
    FOURTH_SON("25"),
    FIFTH_SON("26"),
    ADOPTED_OR_STEP_SON("27"),
    SON_IN_LAW("28"),
    OTHER_SON("29"),
    DAUGHTER("30"),
    ONLY_DAUGHTER("31"),
    ELDEST_DAUGHTER("32"),
    SECOND_DAUGHTER("33"),
    THIRD_DAUGHTER("34"),
    FOURTH_DAUGHTER("35"),
    FIFTH_DAUGHTER("36"),
    ADOPTED_OR_STEP_DAUGHTER("37"),
    DAUGHTER_IN_LAW("38"),
    OTHER_DAUGHTER("39"),
    GRANDCHILD("40"),
    SONS_SON("41"),
    SONS_DAUGHTER("42"),
    DAUGHTERS_SON("43"),
    DAUGHTERS_DAUGHTER("44"),
    GRANDSONS_WIFE("45"),
    GRANDDAUGHTERS_HUSBAND("46"),
    GREAT_GRANDSON("47"),
    GREAT_GRANDDAUGHTER("48"),
    OTHER_GRANDCHILD("49"),
    PARENT("50"),
    FATHER("51"),
    MOTHER("52"),
    HUSBANDS_FATHER("53"),
    HUSBANDS_MOTHER("54"),
    WIFES_FATHER("55"),
    WIFES_MOTHER("56"),
    STEP_OR_ADOPTIVE_FATHER("57"),
    STEP_OR_ADOPTIVE_MOTHER("58"),
    OTHER_PARENT("59"),
    GRANDPARENT("60"),
    FATHERS_FATHER("61"),
    FATHERS_MOTHER("62"),
    MOTHERS_FATHER("63"),
    MOTHERS_MOTHER("64"),
    SPOUSES_GRANDPARENT("65"),
    GREAT_GRANDFATHER("66"),
    GREAT_GRANDMOTHER("67"),
    SPOUSES_GREAT_GRANDPARENT("68"),
    OTHER_GRANDPARENT("69"),
    SIBLING("70"),
    ELDER_BROTHER("71"),
    ELDER_BROTHERS_WIFE("72"),
    YOUNGER_BROTHER("73"),
    YOUNGER_BROTHERS_WIFE("74"),
    ELDER_SISTER("75"),
    ELDER_SISTERS_HUSBAND("76"),
    YOUNGER_SISTER("77"),
    YOUNGER_SISTERS_HUSBAND("78"),
    OTHER_SIBLING("79"),
    OTHER("80"),
    FATHERS_ELDER_BROTHER("81"),
    FATHERS_ELDER_BROTHERS_WIFE("82"),
    FATHERS_YOUNGER_BROTHER("83"),
    FATHERS_YOUNGER_BROTHERS_WIFE("84"),
    MOTHERS_BROTHER("85"),
    MOTHERS_BROTHERS_WIFE("86"),
    MOTHERS_SISTERS_HUSBAND("87"),
    MOTHERS_SISTER("88"),
    FATHERS_SISTERS_HUSBAND("89"),
    FATHERS_SISTER("90"),
    PATERNAL_COUSIN("91"),
    COUSIN("92"),
    BROTHERS_SON("93"),
    BROTHERS_DAUGHTER("94"),
    SISTERS_SON("95"),
    SISTERS_DAUGHTER("96"),
    OTHER_RELATIVE("97"),
    NOT_RELATED("99");

    private final String code;

    Relationship(String code) {
        this.code = code;
    }

    /** The two-digit GB/T 4761 code. */
    public String code() {
        return code;
    }

    public String messageKey() {
        return "population.relationship." + code;
    }

    /**
     * The group this code belongs to (22 长子 → 20 子); a group and the stand-alone codes are their own
     * group. Codes 81–96 belong to 80 其他.
     */
    public Relationship group() {
        int n = Integer.parseInt(code);
        if (n < 10 || n >= 97) {
            return this;
        }
        if (n > 80) {
            return OTHER;
        }
        return fromCode(String.valueOf(n / 10 * 10)).orElseThrow();
    }

    public static Optional<Relationship> fromCode(String code) {
        for (Relationship r : values()) {
            if (r.code.equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
