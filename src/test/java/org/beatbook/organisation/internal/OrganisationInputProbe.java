package org.beatbook.organisation.internal;

import org.beatbook.organisation.internal.OrganisationRequests.OrganisationBody;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.support.StaticMessageSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the body rules on raw fields for the fuzz tests, with a place resolver that knows one compound. */
public final class OrganisationInputProbe {

    private static final OrganisationInput INPUT;

    static {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("organisation.type.SCHOOL", Locale.SIMPLIFIED_CHINESE, "学校");
        messages.addMessage("organisation.status.OPERATING", Locale.SIMPLIFIED_CHINESE, "营业");
        INPUT = new OrganisationInput(messages);
    }

    private OrganisationInputProbe() {
    }

    /** Checks a body of 13 raw fields; asserts the answer is facts or named violations, never anything else. */
    public static void check(String[] f) {
        Long person = f[8] != null && f[8].matches("[0-9]{1,12}") ? Long.parseLong(f[8]) : null;
        OrganisationBody body = new OrganisationBody(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], person, f[9],
                f[10], f[11], f[12]);
        OrganisationInput.Outcome o = INPUT.check(body, code -> code.equals("R1C1B3")
                ? new Places.Result(new Places.Place("R1C1B3", "R1.R1C1.R1C1B3", "R1C1", "阳光小区 3号楼"), null)
                : new Places.Result(null, Places.Refusal.UNKNOWN));
        if (o.facts() == null) {
            assertThat(o.violations()).isNotEmpty().allSatisfy(v -> {
                assertThat(v.field()).isNotBlank();
                assertThat(v.messageKey()).isNotBlank();
            });
        } else {
            assertThat(o.facts().name()).isNotBlank().doesNotContain("\u0000");
            assertThat(o.facts().place().code()).isEqualTo("R1C1B3");
            if (o.facts().phone() != null) {
                assertThat(o.facts().phone()).matches("1[3-9][0-9]{9}|0[0-9]{2,3}-[0-9]{7,8}(-[0-9]{1,5})?");
            }
        }
        try {
            INPUT.facts(body, code -> new Places.Result(null, Places.Refusal.UNKNOWN));
        } catch (InvalidInput expected) {
            assertThat(expected.violations()).isNotEmpty();
        }
    }
}
