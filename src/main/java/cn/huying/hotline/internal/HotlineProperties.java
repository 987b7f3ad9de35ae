package cn.huying.hotline.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code huying.hotline}: where the 12345 hotline hears back, and how.
 *
 * @param webhookUrl    the hotline's URL for our messages; unset: messages wait in the outbox and are
 *                      only logged, until a URL is set
 * @param webhookSecret if set, each message carries {@code X-Huying-Signature: sha256=<HMAC of the body>}
 * @param sender        how often and how much the sender delivers
 * @param retry         exponential backoff after a failed delivery
 */
@ConfigurationProperties("huying.hotline")
record HotlineProperties(String webhookUrl, String webhookSecret, Sender sender, Retry retry) {

    HotlineProperties {
        webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
        webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
        sender = sender == null ? new Sender(null, null, null, null, null) : sender;
        retry = retry == null ? new Retry(null, null, null) : retry;
    }

    Optional<URI> webhook() {
        return Optional.ofNullable(webhookUrl).map(URI::create);
    }

    /**
     * @param enabled   whether the scheduled delivery runs on this node
     * @param interval  pause between two scheduled deliveries
     * @param batchSize messages claimed per round
     * @param timeout   how long one HTTP delivery may take
     * @param lease     how long a claimed message is reserved for this node; longer than {@code timeout},
     *                  so that no other node sends it while this one is still waiting for the answer
     */
    record Sender(Boolean enabled, Duration interval, Integer batchSize, Duration timeout, Duration lease) {

        Sender {
            enabled = enabled == null || enabled;
            interval = interval == null ? Duration.ofSeconds(10) : interval;
            batchSize = batchSize == null ? 50 : batchSize;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            lease = lease == null ? Duration.ofMinutes(2) : lease;
            if (batchSize < 1) {
                throw new IllegalArgumentException("huying.hotline.sender.batch-size must be at least 1");
            }
            if (lease.compareTo(timeout.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("huying.hotline.sender.lease must be at least twice the timeout");
            }
        }
    }

    /**
     * @param initial    wait after the first failure
     * @param multiplier factor for each further failure
     * @param max        longest wait; a message is retried at least this often, forever
     */
    record Retry(Duration initial, Double multiplier, Duration max) {

        Retry {
            initial = initial == null ? Duration.ofSeconds(30) : initial;
            multiplier = multiplier == null ? 2.0 : multiplier;
            max = max == null ? Duration.ofHours(1) : max;
            if (initial.isNegative() || initial.isZero() || multiplier < 1 || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("huying.hotline.retry: initial > 0, multiplier >= 1, max >= initial");
            }
        }
    }
}
