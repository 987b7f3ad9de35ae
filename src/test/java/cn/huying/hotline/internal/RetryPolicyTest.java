package cn.huying.hotline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), 2, Duration.ofHours(1));

    @Test
    void theWaitDoublesAfterEachFailureUpToTheMaximum() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(policy.delayAfter(7)).isEqualTo(Duration.ofSeconds(1920));
        assertThat(policy.delayAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.delayAfter(10_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void beforeAnyFailureThereIsNoWait() {
        assertThat(policy.delayAfter(0)).isEqualTo(Duration.ZERO);
    }
}
