package cn.huying.hotline.internal;

import java.time.Duration;

/**
 * How long to wait before the next delivery after {@code failures} failed ones: exponential backoff
 * {@code initial × multiplier^(failures − 1)}, never more than {@code max}. There is no last attempt:
 * a message is retried until the hotline takes it.
 */
public record RetryPolicy(Duration initial, double multiplier, Duration max) {

    public Duration delayAfter(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        double millis = initial.toMillis() * Math.pow(multiplier, failures - 1);
        if (Double.isInfinite(millis) || millis >= max.toMillis()) {
            return max;
        }
        return Duration.ofMillis((long) millis);
    }
}
