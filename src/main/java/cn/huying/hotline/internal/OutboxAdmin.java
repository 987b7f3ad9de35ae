package cn.huying.hotline.internal;

import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Service;

/** The outbox as administrators watch it: what waits, how often it failed, and why. */
@Service
public class OutboxAdmin {

    /** An outbox message without its body. */
    public record Entry(long id, String messageId, String orderNo, long caseId, int sequence, String type,
                        String typeLabel, String state, int attempts, Instant createdAt, Instant nextAttemptAt,
                        Instant sentAt, Integer lastStatus, String lastError) {
    }

    private final OutboxRepository outbox;
    private final Clock clock;

    OutboxAdmin(OutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public PageResult<Entry> list(String state, String orderNo, PageRequest page) {
        String s = state == null || state.isBlank() ? null : state.strip().toUpperCase(Locale.ROOT);
        if (s != null && !s.equals(OutboxRepository.PENDING) && !s.equals(OutboxRepository.SENT)) {
            throw DomainException.invalid("hotline.outbox.state.invalid", state);
        }
        String o = orderNo == null || orderNo.isBlank() ? null : orderNo.strip();
        return outbox.page(s, o, page).map(e -> new Entry(e.id(), e.messageId(), e.orderNo(), e.caseId(), e.seq(),
                e.type(), HotlineMessageType.valueOf(e.type()).label(), e.state(), e.attempts(), e.createdAt(),
                e.state().equals(OutboxRepository.PENDING) ? e.nextAttemptAt() : null, e.sentAt(), e.lastStatus(),
                e.lastError()));
    }

    /** A waiting message is tried at the next run instead of after its backoff. */
    public void retryNow(long id) {
        if (!outbox.retryNow(id, clock.instant())) {
            throw DomainException.notFound("hotline.outbox.not-found", id);
        }
    }
}
