package cn.huying.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 22: one address guessing many names is stopped after its limit, for the window, and only that address. */
class LoginAttemptsTest {

    private final LoginAttempts attempts = new LoginAttempts();
    private final Duration window = Duration.ofMinutes(15);
    private final Instant t0 = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void anAddressIsBlockedAfterItsLimitForTheWindow() {
        for (int i = 0; i < 50; i++) {
            assertThat(attempts.addressBlocked("10.0.0.7", 50, window, t0.plusSeconds(i))).isFalse();
            attempts.addressFailed("10.0.0.7", window, t0.plusSeconds(i));
        }
        assertThat(attempts.addressBlocked("10.0.0.7", 50, window, t0.plusSeconds(60))).isTrue();
        assertThat(attempts.addressBlocked("10.0.0.8", 50, window, t0.plusSeconds(60))).isFalse();
        assertThat(attempts.addressBlocked("10.0.0.7", 50, window, t0.plus(window).plusSeconds(1))).isFalse();
    }

    @Test
    void onlyOneOfTwoAttemptsSeeingTheSameCountIsCounted() {
        LoginAttempts.State seen = attempts.unknownName("nobody");
        assertThat(attempts.claimUnknownName("nobody", seen, t0)).isTrue();
        assertThat(attempts.claimUnknownName("Nobody", seen, t0)).isFalse();
        assertThat(attempts.unknownName("nobody").failures()).isEqualTo(1);
    }
}
