package cn.huying.hotline.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the hotline outbox: per case in order, each message until the hotline acknowledges it
 * (2xx), then never again; after a failure the message waits by exponential backoff while other
 * cases go on. Safe on several nodes at once: a message is claimed with a lease before it is sent,
 * no database transaction is held while waiting for the hotline, and the lease outlasts the HTTP
 * timeout, so two nodes never send one message at the same time. A node that dies mid-send leaves
 * a lease that expires; the message is then sent again, with the same {@code messageId}.
 *
 * <p>Without {@code huying.hotline.webhook-url} nothing is sent: each new message is logged once and
 * waits in the outbox, to be delivered when a URL is set.
 */
@Component
public class HotlineSender {

    private static final Logger log = LoggerFactory.getLogger(HotlineSender.class);
    /** A bound on the rounds of one run, each round sending the heads that became due. */
    private static final int MAX_ROUNDS = 100;

    private final OutboxRepository outbox;
    private final HotlineProperties properties;
    private final RetryPolicy retry;
    private final HotlineTransport webhook;
    private final Clock clock;
    private final String node = nodeName();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong lastLogged = new AtomicLong();

    HotlineSender(OutboxRepository outbox, HotlineProperties properties, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.retry = new RetryPolicy(properties.retry().initial(), properties.retry().multiplier(),
                properties.retry().max());
        this.webhook = properties.webhook()
                .map(url -> (HotlineTransport) new WebhookTransport(url, properties.sender().timeout(),
                        properties.webhookSecret()))
                .orElse(null);
        this.clock = clock;
    }

    private static String nodeName() {
        String jvm = ManagementFactory.getRuntimeMXBean().getName();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = jvm + "/" + tag;
        return name.length() <= 60 ? name : name.substring(name.length() - 60);
    }

    @Scheduled(fixedDelayString = "${huying.hotline.sender.interval:10s}",
            initialDelayString = "${huying.hotline.sender.interval:10s}")
    void scheduled() {
        if (!properties.sender().enabled()) {
            return;
        }
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("hotline outbox: delivery run failed, will try again", e);
        }
    }

    /** One delivery run to the configured webhook; returns how many messages the hotline acknowledged. */
    public int deliverDue() {
        if (webhook == null) {
            logWaiting();
            return 0;
        }
        return deliverDue(webhook);
    }

    /** One delivery run through the given transport; returns how many messages were acknowledged. */
    public int deliverDue(HotlineTransport transport) {
        String owner = node + "#" + runs.incrementAndGet();
        Duration lease = properties.sender().lease();
        int acknowledged = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<OutboxMessage> heads = outbox.dueHeads(clock.instant(), properties.sender().batchSize());
            int progress = 0;
            for (OutboxMessage m : heads) {
                Instant now = clock.instant();
                if (!outbox.claim(m.id(), owner, now, now.plus(lease))) {
                    continue;
                }
                HotlineTransport.Delivery d = attempt(transport, m);
                if (d.acknowledged()) {
                    outbox.markSent(m.id(), clock.instant(), d.status());
                    acknowledged++;
                    progress++;
                } else {
                    Duration wait = retry.delayAfter(m.attempts() + 1);
                    outbox.markFailed(m.id(), owner, clock.instant().plus(wait), d.status(), excerpt(d.error()));
                    log.warn("hotline outbox: message {} ({} #{} of order {}) not taken by {}: {} {}; next try in {}",
                            m.messageId(), m.type(), m.sequence(), m.orderNo(), transport, d.status(), d.error(), wait);
                }
            }
            if (progress == 0) {
                break;
            }
        }
        return acknowledged;
    }

    private static HotlineTransport.Delivery attempt(HotlineTransport transport, OutboxMessage m) {
        try {
            return transport.deliver(m);
        } catch (RuntimeException e) {
            return HotlineTransport.Delivery.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** No webhook: log each message once, leave it waiting. */
    private void logWaiting() {
        List<OutboxMessage> waiting = outbox.pendingAfter(lastLogged.get(), properties.sender().batchSize());
        for (OutboxMessage m : waiting) {
            log.info("hotline outbox: no huying.hotline.webhook-url set, message {} waits: {}", m.messageId(),
                    m.payload());
            lastLogged.accumulateAndGet(m.id(), Math::max);
        }
    }

    private static String excerpt(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
