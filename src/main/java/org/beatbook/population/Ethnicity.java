package org.beatbook.population;

import java.util.Optional;

/**
 * Ethnic group (民族) as coded by GB/T 3304-1991, in the standard's order: the 56 groups 01 汉族 to
 * 56 基诺族, then 97 其他 and 98 外国血统中国籍人士. The romanised names are the standard's own
 * (Zang, not Tibetan; Chosen, not Korean); display names live in the message bundles.
 */
public enum Ethnicity {
    HAN("01", "汉族", "Han"),
    MONGOL("02", "蒙古族", "Mongol"),
    HUI("03", "回族", "Hui"),
    ZANG("04", "藏族", "Zang"),
    UYGUR("05", "维吾尔族", "Uygur"),
    MIAO("06", "苗族", "Miao"),
    YI("07", "彝族", "Yi"),
    ZHUANG("08", "壮族", "Zhuang"),
    BUYEI("09", "布依族", "Buyei"),
    CHOSEN("10", "朝鲜族", "Chosen"),
    MAN("11", "满族", "Man"),
    DONG("12", "侗族", "Dong"),
    YAO("13", "瑶族", "Yao"),
    BAI("14", "白族", "Bai"),
    TUJIA("15", "土家族", "Tujia"),
    HANI("16", "哈尼族", "Hani"),
    KAZAK("17", "哈萨克族", "Kazak"),
    DAI("18", "傣族", "Dai"),
    LI("19", "黎族", "Li"),
    LISU("20", "傈僳族", "Lisu"),
    VA("21", "佤族", "Va"),
    SHE("22", "畲族", "She"),
    GAOSHAN("23", "高山族", "Gaoshan"),
    LAHU("24", "拉祜族", "Lahu"),
    SUI("25", "水族", "Sui"),
    DONGXIANG("26", "东乡族", "Dongxiang"),
    NAXI("27", "纳西族", "Naxi"),
    JINGPO("28", "景颇族", "Jingpo"),
    KIRGIZ("29", "柯尔克孜族", "Kirgiz"),
    TU("30", "土族", "Tu"),
    DAUR("31", "达斡尔族", "Daur"),
    MULAO("32", "仫佬族", "Mulao"),
    QIANG("33", "羌族", "Qiang"),
    BLANG("34", "布朗族", "Blang"),
    SALAR("35", "撒拉族", "Salar"),
    MAONAN("36", "毛南族", "Maonan"),
    GELAO("37", "仡佬族", "Gelao"),
    XIBE("38", "锡伯族", "Xibe"),
    ACHANG("39", "阿昌族", "Achang"),
    PUMI("40", "普米族", "Pumi"),
    TAJIK("41", "塔吉克族", "Tajik"),
    NU("42", "怒族", "Nu"),
    UZBEK("43", "乌孜别克族", "Uzbek"),
    RUSS("44", "俄罗斯族", "Russ"),
    EWENKI("45", "鄂温克族", "Ewenki"),
    DEANG("46", "德昂族", "Deang"),
    BONAN("47", "保安族", "Bonan"),
    YUGUR("48", "裕固族", "Yugur"),
    GIN("49", "京族", "Gin"),
    TATAR("50", "塔塔尔族", "Tatar"),
    DERUNG("51", "独龙族", "Derung"),
    OROQEN("52", "鄂伦春族", "Oroqen"),
    HEZHEN("53", "赫哲族", "Hezhen"),
    MONBA("54", "门巴族", "Monba"),
    LHOBA("55", "珞巴族", "Lhoba"),
    JINO("56", "基诺族", "Jino"),
    OTHER("97", "其他", "Other"),
    FOREIGN_ORIGIN("98", "外国血统中国籍人士", "Chinese citizen of foreign origin");

    private final String code;
    private final String chineseName;
    private final String romanName;

    Ethnicity(String code, String chineseName, String romanName) {
        this.code = code;
        this.chineseName = chineseName;
        this.romanName = romanName;
    }

    /** The two-digit GB/T 3304 code. */
    public String code() {
        return code;
    }

    /** The name as the standard writes it in Chinese (data, e.g. for spreadsheet import). */
    public String chineseName() {
        return chineseName;
    }

    /** The standard's romanised name. */
    public String romanName() {
        return romanName;
    }

    public String messageKey() {
        return "population.ethnicity." + code;
    }

    public static Optional<Ethnicity> fromCode(String code) {
        for (Ethnicity e : values()) {
            if (e.code.equals(code)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Looks up by Chinese name, with or without the trailing 族 (“汉” and “汉族” both give HAN). */
    public static Optional<Ethnicity> fromChineseName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String wanted = name.strip();
        for (Ethnicity e : values()) {
            if (e.chineseName.equals(wanted) || (e.chineseName.endsWith("族")
                    && e.chineseName.substring(0, e.chineseName.length() - 1).equals(wanted))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
