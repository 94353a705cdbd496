package org.beatbook.housing.internal;

import java.util.Locale;

/** The result of a police verification of a house (核查结果). */
public enum VerificationResult {
    /** 正常 */
    NORMAL("正常"),
    /** 异常: something to follow up, described in the note. */
    ABNORMAL("异常");

    private final String chinese;

    VerificationResult(String chinese) {
        this.chinese = chinese;
    }

    public String messageKey() {
        return "housing.verification." + name();
    }

    /** NORMAL/ABNORMAL in any case, or 正常/异常; null otherwise. */
    static VerificationResult parse(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        for (VerificationResult r : values()) {
            if (r.name().equals(s.toUpperCase(Locale.ROOT)) || r.chinese.equals(s)) {
                return r;
            }
        }
        return null;
    }
}
