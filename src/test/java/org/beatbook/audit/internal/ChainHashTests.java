package org.beatbook.audit.internal;

import org.beatbook.shared.AuditEvent.Result;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ChainHashTests {

    static AuditEntry entry(String actor, String action, String detail) {
        return new AuditEntry(7, Instant.parse("2026-11-03T00:30:05.123456Z"), actor, null, action, "PERSON", "1",
                null, null, Result.SUCCESS, detail, null, ChainHash.GENESIS, null);
    }

    @Test
    void isTheSha256OfThePreviousHashAndEveryField() {
        String h = ChainHash.of(ChainHash.GENESIS, entry("wang", "PERSON_READ", "x"));
        assertThat(h).matches("[0-9a-f]{64}").isEqualTo(ChainHash.of(ChainHash.GENESIS, entry("wang", "PERSON_READ", "x")));
        assertThat(ChainHash.of("1".repeat(64), entry("wang", "PERSON_READ", "x"))).isNotEqualTo(h);
        assertThat(ChainHash.of(ChainHash.GENESIS, entry("wang", "PERSON_READ", "y"))).isNotEqualTo(h);
    }

    @Test
    void fieldsCannotBleedIntoEachOtherAndNullIsNotEmpty() {
        assertThat(ChainHash.of(ChainHash.GENESIS, entry("wa", "ngPERSON_READ", "x")))
                .isNotEqualTo(ChainHash.of(ChainHash.GENESIS, entry("wang", "PERSON_READ", "x")));
        assertThat(ChainHash.of(ChainHash.GENESIS, entry("wang", "PERSON_READ", null)))
                .isNotEqualTo(ChainHash.of(ChainHash.GENESIS, entry("wang", "PERSON_READ", "")));
    }
}
