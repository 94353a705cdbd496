package org.beatbook.identity.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TOTP seeds at rest: sealed with the installation's key, readable only with it. */
class SecretBoxTest {

    static final String SEED = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @Test
    void sealsSoThatTheStoredFormRevealsNothingAndOpensToTheSameSecret(@TempDir Path home) {
        SecretBox box = new SecretBox("", home.toString());
        String once = box.seal(SEED);
        String twice = box.seal(SEED);
        assertThat(once).startsWith("gcm1:").doesNotContain(SEED);
        assertThat(twice).as("a fresh nonce each time").isNotEqualTo(once);
        assertThat(box.open(once)).isEqualTo(SEED);
        assertThat(box.open(twice)).isEqualTo(SEED);
        assertThat(box.seal(null)).isNull();
        assertThat(box.open(null)).isNull();
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyAndReusedByTheNextStart(@TempDir Path home) throws Exception {
        String sealed = new SecretBox("", home.toString()).seal(SEED);
        Path key = home.resolve("secret.key");
        assertThat(key).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(new SecretBox("", home.toString()).open(sealed)).as("after a restart").isEqualTo(SEED);
    }

    @Test
    void anotherKeyCannotOpenItAndSaysWhichSettingToCheck(@TempDir Path home, @TempDir Path other) {
        String sealed = new SecretBox("", home.toString()).seal(SEED);
        assertThatThrownBy(() -> new SecretBox("", other.toString()).open(sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BEATBOOK_SECRET_KEY");
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> new SecretBox("", home.toString()).open(tampered))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aConfiguredKeyIsUsedInsteadOfAFileAndMustBe32Bytes(@TempDir Path home) {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        String sealed = new SecretBox(key, home.toString()).seal(SEED);
        assertThat(home.resolve("secret.key")).doesNotExist();
        assertThat(new SecretBox(key, "/nonexistent").open(sealed)).isEqualTo(SEED);
        assertThatThrownBy(() -> new SecretBox(Base64.getEncoder().encodeToString(new byte[16]), home.toString()))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SecretBox("not base64!", home.toString())).hasMessageContaining("base64");
    }

    @Test
    void aSecretStoredBeforeSealingExistedIsReadAsItIs(@TempDir Path home) {
        assertThat(new SecretBox("", home.toString()).open(SEED)).isEqualTo(SEED);
        assertThat(SecretBox.sealed(SEED)).isFalse();
    }
}
