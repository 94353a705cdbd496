package org.beatbook.device.viid;

import org.beatbook.device.DeviceKind;
import org.beatbook.device.FakeDevices;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Digest nonce counts: each (nonce, nc) is good once, counts must rise, and what is held leaves with the nonce. */
class ViidDigestTests {

    static final String CAMERA = "34010000001190000011";
    static final String URI = "/VIID/System/Register";

    /** A clock the test moves. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-11-29T04:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final FakeDevices devices = new FakeDevices();
    final FakeDevices.Device camera = devices.add("cam-11", CAMERA, DeviceKind.PLATE_CAMERA);
    final Hands clock = new Hands();
    final ViidDigest digest = new ViidDigest(devices,
            new ViidProperties("00000000005030000001", Duration.ofMinutes(5), Duration.ofMinutes(30)), "beatbook", clock);
    final ViidClient device = new ViidClient(0, CAMERA);

    ViidDigest.Outcome answer(String challenge, String nc) {
        return digest.verify(device.answer(challenge, "POST", URI, camera.viidPassword(), nc), "POST", URI);
    }

    @Test
    void aNonceCountIsGoodOnceAndCountsMustRise() {
        String challenge = digest.challenge(false);
        assertThat(answer(challenge, "00000001").deviceId()).isEqualTo(CAMERA);
        ViidDigest.Outcome replay = answer(challenge, "00000001");
        assertThat(replay.verified()).isFalse();
        assertThat(replay.replayed()).isTrue();
        assertThat(answer(challenge, "00000003").verified()).isTrue();
        assertThat(answer(challenge, "00000002").replayed()).as("lower than one used").isTrue();
        assertThat(answer(challenge, "0000000g").verified()).as("not 8 hex digits").isFalse();
        assertThat(answer(digest.challenge(false), "00000001").verified()).as("another nonce counts on its own").isTrue();
    }

    @Test
    void aWrongAnswerUsesUpNoCount() {
        String challenge = digest.challenge(false);
        String wrong = device.answer(challenge, "POST", URI, "not-the-password", "00000001");
        assertThat(digest.verify(wrong, "POST", URI).verified()).isFalse();
        assertThat(digest.verify(wrong, "POST", URI).replayed()).isFalse();
        assertThat(answer(challenge, "00000001").verified()).as("the device's own first answer still counts").isTrue();
    }

    @Test
    void nonceChallengesDifferAndExpiredNoncesAreStaleAndForgotten() {
        assertThat(digest.challenge(false)).isNotEqualTo(digest.challenge(false));
        String challenge = digest.challenge(false);
        assertThat(answer(challenge, "00000001").verified()).isTrue();
        assertThat(digest.tracked()).isEqualTo(1);

        clock.now = clock.now.plus(Duration.ofMinutes(6));
        ViidDigest.Outcome late = answer(challenge, "00000002");
        assertThat(late.verified()).isFalse();
        assertThat(late.stale()).as("expired: answer a fresh challenge").isTrue();

        assertThat(answer(digest.challenge(true), "00000001").verified()).isTrue();
        assertThat(digest.tracked()).as("the expired nonce's count is dropped").isEqualTo(1);
    }
}
