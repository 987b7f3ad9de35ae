package cn.huying.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 22: a stranger's wrong guesses at a request's code locked its owner out of following it up. */
class FollowUpLimitsTest {

    private final FollowUpLimits limits = new FollowUpLimits();

    @Test
    void aCodeGuessedAtIsClosedToTheGuesserNotToItsOwner() {
        String code = "MS-20261201-0007";
        for (int i = 0; i < FollowUpLimits.MAX_FAILURES_PER_CODE; i++) {
            assertThat(limits.blocked("203.0.113.9", code)).isFalse();
            limits.failed("203.0.113.9", code);
        }
        assertThat(limits.blocked("203.0.113.9", code)).as("the stranger").isTrue();
        assertThat(limits.blocked("198.51.100.20", code)).as("the owner, from their own phone").isFalse();
        // an address that has guessed at other codes is not clean either
        limits.failed("192.0.2.1", "MS-20261201-0001");
        assertThat(limits.blocked("192.0.2.1", code)).isTrue();
    }

    @Test
    void anAddressIsStoppedAfterItsLimitForEveryCode() {
        for (int i = 0; i < FollowUpLimits.MAX_FAILURES_PER_ADDRESS; i++) {
            limits.failed("203.0.113.9", "MS-20261201-" + String.format("%04d", i));
        }
        assertThat(limits.blocked("203.0.113.9", "MS-20261201-9999")).isTrue();
    }
}
