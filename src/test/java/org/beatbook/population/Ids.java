package org.beatbook.population;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Test fixtures: ID numbers built from their parts, with the check character computed. */
final class Ids {

    /** The DOMAIN.md example: 340524, 1980-01-01, sequence 001 (male), check X. */
    static final String EXAMPLE = "34052419800101001X";
    /** The example in GB 11643-1999 itself: Beijing Chaoyang, 1949-12-31, sequence 002 (female), check X. */
    static final String STANDARD_EXAMPLE = "11010519491231002X";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private Ids() {
    }

    static String of(String division, LocalDate born, String sequence) {
        String body = division + born.format(DateTimeFormatter.BASIC_ISO_DATE) + sequence;
        return body + IdNumber.checkCharacter(body);
    }

    /** A valid number for someone born in Chaoyang, Beijing (a division listed in the table). */
    static String beijing(LocalDate born, String sequence) {
        return of("110105", born, sequence);
    }

    /** {@code id} with its last character replaced by a wrong one. */
    static String withWrongCheck(String id) {
        char right = id.charAt(17);
        char wrong = right == '0' ? '1' : '0';
        return id.substring(0, 17) + wrong;
    }
}
