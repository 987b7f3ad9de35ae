package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.cases.internal.FollowUpLimits;
import cn.huying.support.IntegrationTest;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portal's follow-up limits (issue 22: a stranger's wrong guesses locked the owner out; issue 30: counted in the
 * database, so the limits hold on every node and parallel failures are all counted).
 */
class FollowUpLimitsIT extends IntegrationTest {

    @Autowired
    FollowUpLimits limits;

    private static String address() {
        return "203.0." + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void aCodeGuessedAtIsClosedToTheGuesserNotToItsOwner() {
        String code = "MS-20261201-" + UUID.randomUUID().toString().substring(0, 4);
        String stranger = address();
        for (int i = 0; i < FollowUpLimits.MAX_FAILURES_PER_CODE; i++) {
            assertThat(limits.blocked(stranger, code)).isFalse();
            limits.failed(stranger, code);
        }
        assertThat(limits.blocked(stranger, code)).as("the stranger").isTrue();
        assertThat(limits.blocked(address(), code)).as("the owner, from their own phone").isFalse();
        // an address that has guessed at other codes is not clean either
        String other = address();
        limits.failed(other, "MS-20261201-0001");
        assertThat(limits.blocked(other, code)).isTrue();
    }

    @Test
    void anAddressIsStoppedAfterItsLimitForEveryCodeCountingParallelFailures() throws Exception {
        String address = address();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < FollowUpLimits.MAX_FAILURES_PER_ADDRESS; i++) {
            String code = "MS-20261202-" + String.format("%04d", i);
            pool.execute(() -> limits.failed(address, code));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(limits.blocked(address, "MS-20261202-9999")).isTrue();
    }

    @Test
    void theWindowPassesAfterFifteenMinutes() {
        String address = address();
        for (int i = 0; i < FollowUpLimits.MAX_FAILURES_PER_ADDRESS; i++) {
            limits.failed(address, "MS-20261203-" + String.format("%04d", i));
        }
        assertThat(limits.blocked(address, "MS-20261203-9999")).isTrue();
        clock.advance(java.time.Duration.ofMinutes(16));
        assertThat(limits.blocked(address, "MS-20261203-9999")).isFalse();
        limits.failed(address, "MS-20261203-9999");
        assertThat(limits.blocked(address, "MS-20261203-9998")).as("one failure in the new window").isFalse();
    }
}
