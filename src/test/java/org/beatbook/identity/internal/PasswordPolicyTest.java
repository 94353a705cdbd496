package org.beatbook.identity.internal;

import org.beatbook.shared.web.InvalidInput.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private static List<String> keys(String password, String username) {
        return PasswordPolicy.check("password", password, username).stream().map(Violation::messageKey).toList();
    }

    @Test
    void acceptsTenCharactersWithLettersAndDigits() {
        assertThat(keys("abcdefghi1", "zhang")).isEmpty();
        assertThat(keys("警务通安全口令2026ab", "zhang")).isEmpty();
    }

    @Test
    void namesEveryBrokenRule() {
        assertThat(keys(null, "u")).containsExactly("identity.password.required");
        assertThat(keys("", "u")).containsExactly("identity.password.required");
        assertThat(keys("abc1", "zhang")).containsExactly("identity.password.tooShort");
        assertThat(keys("abcdefghijk", "zhang")).containsExactly("identity.password.digit");
        assertThat(keys("12345678901", "zhang")).containsExactly("identity.password.letter");
        assertThat(keys("xx-Zhang-2026", "zhang")).containsExactly("identity.password.containsUsername");
        assertThat(keys("a1".repeat(33), "zhang")).containsExactly("identity.password.tooLong");
        // 25 Chinese characters are 75 bytes: more than bcrypt reads
        assertThat(keys("警".repeat(24) + "1", "zhang")).containsExactly("identity.password.tooLong");
    }

    @Test
    void theMinimumLengthIsReportedWithItsValue() {
        Violation v = PasswordPolicy.check("newPassword", "a1", null).get(0);
        assertThat(v.field()).isEqualTo("newPassword");
        assertThat(v.args()).containsExactly(PasswordPolicy.MIN_LENGTH);
    }
}
