package org.beatbook.housing.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The usage dictionary (房屋用途): seeded by the migration, readable by every operational role. */
@Component
public class Usages {

    public static final String SELF_OCCUPIED = "SELF_OCCUPIED";
    public static final String RENTED = "RENTED";
    public static final String SHORT_TERM = "SHORT_TERM_RENTAL";
    public static final String VACANT = "VACANT";
    public static final String SHOP = "SHOP";
    /** Filter value: rented and short-term rental houses, the ones the rental ledger lists. */
    public static final String RENTAL = "RENTAL";

    @Schema(description = "An entry of the usage dictionary")
    public record Usage(String code, String labelZh, String labelEn, int position) {

        /** The label in the reader's language. */
        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? labelEn : labelZh;
        }

        /** Accepts the code (any case) or either label, as typed in a form or a sheet. */
        boolean matches(String typed) {
            String t = typed.strip();
            return code.equalsIgnoreCase(t) || labelZh.equals(t) || labelEn.equalsIgnoreCase(t);
        }
    }

    private final JdbcClient jdbc;

    Usages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Usage> all() {
        return jdbc.sql("SELECT code, label_zh, label_en, position FROM housing.usage ORDER BY position, code")
                .query(Usage.class).list();
    }

    /** The entry a typed value names, from an already loaded list. */
    static Optional<Usage> find(List<Usage> usages, String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        return usages.stream().filter(u -> u.matches(typed)).findFirst();
    }
}
