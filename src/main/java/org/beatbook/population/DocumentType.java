package org.beatbook.population;

/** The identity documents a person can be registered with, each with its own number format. */
public enum DocumentType {
    /** 居民身份证: GB 11643-1999 (see {@link IdNumber}). */
    RESIDENT_ID,
    /** 港澳台居民居住证: GB 11643 layout with prefix 810000, 820000 or 830000. */
    HMT_RESIDENCE_PERMIT,
    /** 中华人民共和国护照: E + 8 digits, E + letter + 7 digits, G + 8 digits; D/S/P (+E) + 7 digits. */
    CHINESE_PASSPORT,
    /** 外国护照: 5–20 letters and digits. */
    FOREIGN_PASSPORT,
    /** 港澳居民来往内地通行证 (回乡证): H or M + 8 digits, or + 10 digits on older cards. */
    HK_MACAO_TRAVEL_PERMIT,
    /** 台湾居民来往大陆通行证 (台胞证): 8 digits (card issued since 2015). */
    TAIWAN_TRAVEL_PERMIT,
    /** 外国人永久居留身份证: 3 letters + 12 digits (2004–2023), or 18 digits starting with 9 (since 2023-12). */
    FOREIGNER_PERMANENT_RESIDENCE;

    public String messageKey() {
        return "population.documentType." + name();
    }
}
