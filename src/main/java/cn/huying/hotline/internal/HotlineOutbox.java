package cn.huying.hotline.internal;

import cn.huying.cases.CaseEvent;
import cn.huying.cases.CaseView;
import cn.huying.cases.Cases;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes what the hotline must hear about a transferred case into the outbox, in the transaction
 * of the case change itself: a plain synchronous listener, so the message and the change commit
 * together or not at all (an {@code @ApplicationModuleListener} would run after the commit).
 * Cases that did not come from the hotline are left alone.
 */
@Component
class HotlineOutbox {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The channels a hotline work order can arrive by; cases of other channels never have an order. */
    private static final java.util.Set<cn.huying.cases.Channel> HOTLINE_CHANNELS = java.util.EnumSet.of(
            cn.huying.cases.Channel.HOTLINE_12345, cn.huying.cases.Channel.PROVINCIAL_HOTLINE,
            cn.huying.cases.Channel.ONLINE_OPINION, cn.huying.cases.Channel.PUBLIC_PHONE,
            cn.huying.cases.Channel.ONLINE_LETTER);

    private final HotlineOrderRepository orders;
    private final OutboxRepository outbox;
    private final Cases cases;
    private final Clock clock;

    HotlineOutbox(HotlineOrderRepository orders, OutboxRepository outbox, Cases cases, Clock clock) {
        this.orders = orders;
        this.outbox = outbox;
        this.cases = cases;
        this.clock = clock;
    }

    @EventListener
    void on(CaseEvent event) {
        HotlineMessageType type = HotlineMessageType.of(event);
        if (type == null || !HOTLINE_CHANNELS.contains(event.facts().channel())) {
            return;
        }
        Optional<String> orderNo = orders.lockOrderOf(event.caseId());
        if (orderNo.isEmpty()) {
            return;
        }
        CaseView c = cases.find(event.caseId()).orElseThrow();
        String messageId = UUID.randomUUID().toString();
        int seq = outbox.nextSeq(event.caseId());
        outbox.append(event.caseId(), orderNo.get(), messageId, seq, type,
                JSON.writeValueAsString(payload(messageId, orderNo.get(), seq, type, event, c)), clock.instant());
    }

    /** The message body: the same for every attempt, so the hotline can de-duplicate by {@code messageId}. */
    private Map<String, Object> payload(String messageId, String orderNo, int seq, HotlineMessageType type,
                                        CaseEvent event, CaseView c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messageId", messageId);
        m.put("orderNo", orderNo);
        m.put("sequence", seq);
        m.put("type", type.name());
        m.put("typeLabel", type.label());
        m.put("occurredAt", W3cTime.format(event.facts().at(), clock.getZone()));
        m.put("caseCode", c.code());
        m.put("state", event.facts().state().name());
        m.put("stateLabel", event.facts().state().label());
        m.put("department", c.departmentName());
        m.put("note", note(event, c));
        CaseView.TimeLimits limits = c.timeLimits();
        m.put("dueAt", limits == null ? null : W3cTime.format(limits.dueAt(), clock.getZone()));
        if (event instanceof CaseEvent.CaseExtensionDecided decided) {
            m.put("extensionApproved", decided.approved());
            m.put("newDueAt", W3cTime.format(decided.newDueAt(), clock.getZone()));
        }
        if (event instanceof CaseEvent.CaseRevisited revisited) {
            m.put("satisfaction", revisited.satisfaction() == null ? null : revisited.satisfaction().name());
            m.put("satisfactionLabel", revisited.satisfaction() == null ? null : revisited.satisfaction().label());
        }
        return m;
    }

    /** The words that go with the step: the answer, the reason, the handler's note. */
    private String note(CaseEvent event, CaseView c) {
        if (event instanceof CaseEvent.CaseResolved resolved) {
            return resolved.reply();
        }
        if (event instanceof CaseEvent.CaseReturned returned) {
            return returned.reason();
        }
        if (event instanceof CaseEvent.CaseRejected rejected) {
            return rejected.reason();
        }
        if (event instanceof CaseEvent.CaseFirstContacted contacted) {
            return contacted.note();
        }
        if (event instanceof CaseEvent.CaseExtensionDecided decided) {
            return decided.note();
        }
        if (event instanceof CaseEvent.CaseClosed) {
            if (c.reply() == null && c.leadCaseId() != null) {
                // a duplicate closes with its lead case and shares its answer
                return cases.find(c.leadCaseId()).map(CaseView::reply).orElse(null);
            }
            return c.reply();
        }
        return null;
    }
}
