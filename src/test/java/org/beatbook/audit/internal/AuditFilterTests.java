package org.beatbook.audit.internal;

import org.beatbook.shared.AuditEvent.Result;
import org.beatbook.shared.web.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AuditFilterTests {

    @Test
    void readsBeijingTimeAndOffsetTimes() {
        AuditQuery q = new AuditFilter("2026-11-03T08:30", "2026-11-03T10:00:00Z", " zhang ", "PERSON_READ", null,
                null, "denied", null, "20").toQuery();
        assertThat(q.from()).isEqualTo(Instant.parse("2026-11-03T00:30:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("2026-11-03T10:00:00Z"));
        assertThat(q.actor()).isEqualTo("zhang");
        assertThat(q.result()).isEqualTo(Result.DENIED);
        assertThat(q.size()).isEqualTo(20);
        assertThat(AuditFilter.empty().toQuery().size()).isEqualTo(AuditFilter.DEFAULT_SIZE);
    }

    @Test
    void masksAnIdNumberTypedAsObjectIdLikeTheStoredOnes() {
        AuditQuery q = new AuditFilter(null, null, null, null, null, "34052419800101001X", null, null, null).toQuery();
        assertThat(q.objectId()).isEqualTo("340***********001X");
        assertThat(q.describe()).doesNotContain("34052419800101001X");
    }

    @Test
    void namesEveryFieldThatBreaksARule() {
        InvalidInput e = catchThrowableOfType(InvalidInput.class, () -> new AuditFilter("yesterday",
                "2026-11-03T08:00", "a".repeat(129), "X\u0000", null, null, "MAYBE", "-3", "500").toQuery());
        assertThat(e.violations()).extracting(InvalidInput.Violation::field, InvalidInput.Violation::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("from", "audit.filter.time.format"),
                        org.assertj.core.groups.Tuple.tuple("actor", "audit.filter.text.tooLong"),
                        org.assertj.core.groups.Tuple.tuple("action", "audit.filter.text.invalid"),
                        org.assertj.core.groups.Tuple.tuple("result", "audit.filter.result.unknown"),
                        org.assertj.core.groups.Tuple.tuple("before", "audit.filter.before.invalid"),
                        org.assertj.core.groups.Tuple.tuple("size", "audit.filter.size.range"));
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        InvalidInput e = catchThrowableOfType(InvalidInput.class, () -> new AuditFilter("2026-11-03T10:00",
                "2026-11-03T09:00", null, null, null, null, null, null, null).toQuery());
        assertThat(e.violations()).singleElement().extracting(InvalidInput.Violation::field).isEqualTo("to");
    }
}
