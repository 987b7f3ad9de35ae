package cn.huying.notify.internal;

import cn.huying.cases.CaseEvent;
import cn.huying.cases.Cases;
import cn.huying.cases.Tier;
import cn.huying.identity.RegionPathLookup;
import cn.huying.identity.Roles;
import cn.huying.identity.UserAccounts;
import cn.huying.notify.SmsGateway;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns case events into inbox messages for the people who must act next, and a text message to
 * the citizen when their request is closed.
 *
 * <p>Inbox messages live in the same database as the case, so they are written in the case's own
 * transaction, just before it commits ({@link TransactionPhase#BEFORE_COMMIT}): the message exists
 * exactly when the change does, and nothing needs re-delivering after a crash. The text message
 * leaves the database, so it runs after the commit as an {@link ApplicationModuleListener} and the
 * Spring Modulith event publication registry re-delivers it after a crash (and only cases with a
 * citizen's phone publish {@link CaseEvent.CitizenToBeTold}). The de-duplication key keeps a
 * repeated event (a sweep re-run, a re-delivery) from doubling a message.
 */
@Component
class CaseNotifications {

    /** Runs in the publishing transaction just before it commits (or at once when there is none). */
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    @interface InTransaction {
    }

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("M月d日 HH:mm"); // in the clock's zone

    private final InboxRepository inbox;
    private final UserAccounts accounts;
    private final RegionPathLookup paths;
    private final Cases cases;
    private final SmsGateway sms;
    private final Clock clock;

    CaseNotifications(InboxRepository inbox, UserAccounts accounts, RegionPathLookup paths, Cases cases, SmsGateway sms,
                      Clock clock) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.paths = paths;
        this.cases = cases;
        this.sms = sms;
        this.clock = clock;
    }

    // One listener per event that concerns somebody; in the publishing transaction (see above).

    @InTransaction
    void on(CaseEvent.CaseReported e) {
        CaseEvent.Facts f = e.facts();
        if (f.tier() == Tier.TOWN) {
            send(covering(Roles.DISPATCHER, f), "NEW_WORK", "新事件待受理", f, "REPORTED");
        } else if (f.tier() == Tier.VILLAGE) {
            send(covering(Roles.VILLAGE_CADRE, f), "NEW_WORK", "网格上报事件待村居处理", f, "REPORTED");
        }
    }

    @InTransaction
    void on(CaseEvent.CaseEscalated e) {
        CaseEvent.Facts f = e.facts();
        send(covering(f.tier() == Tier.TOWN ? Roles.DISPATCHER : Roles.VILLAGE_CADRE, f), "NEW_WORK",
                "事件已升级到" + f.tier().label() + "，请处理", f, "ESCALATED-" + f.tier());
    }

    @InTransaction
    void on(CaseEvent.CaseDispatched e) {
        CaseEvent.Facts f = e.facts();
        send(handlers(f, e.handlerId()), "NEW_WORK", "新派遣事件待签收", f, "DISPATCHED-" + f.at().toEpochMilli());
    }

    @InTransaction
    void on(CaseEvent.CaseReturned e) {
        CaseEvent.Facts f = e.facts();
        send(covering(Roles.DISPATCHER, f), "NEW_WORK", "事件被部门回退：" + e.reason(), f,
                "RETURNED-" + f.at().toEpochMilli());
    }

    @InTransaction
    void on(CaseEvent.CaseResolved e) {
        CaseEvent.Facts f = e.facts();
        send(covering(f.tier() == Tier.TOWN ? Roles.DISPATCHER : Roles.VILLAGE_CADRE, f), "NEW_WORK",
                "事件已办理，待核查", f, "RESOLVED-" + f.at().toEpochMilli());
    }

    @InTransaction
    void on(CaseEvent.CaseExtensionRequested e) {
        CaseEvent.Facts f = e.facts();
        Set<Long> approvers = covering(Roles.DISPATCHER, f);
        approvers.addAll(covering(Roles.LEADER, f));
        send(approvers, "APPROVAL", "延期申请待审批：" + e.workingDays() + " 个工作日", f, "EXT-" + e.extensionId());
    }

    @InTransaction
    void on(CaseEvent.CaseExtensionDecided e) {
        CaseEvent.Facts f = e.facts();
        send(handlers(f, null), "INFO", e.approved()
                ? "延期已批准，新的办结时限 " + TEXT.format(e.newDueAt().atZone(clock.getZone())) : "延期申请未获批准", f, "EXT-DECIDED-" + e.extensionId());
    }

    @InTransaction
    void on(CaseEvent.CaseDeadlineWarning e) {
        CaseEvent.Facts f = e.facts();
        send(handlers(f, null), "WARNING", e.light() == cn.huying.cases.Light.RED ? "事件已超期（红灯）" : "事件即将到期（黄灯）", f,
                "LIGHT-" + e.light() + "-" + (e.dueAt() == null ? "" : e.dueAt().toEpochMilli()));
    }

    @InTransaction
    void on(CaseEvent.SupervisionOrderIssued e) {
        CaseEvent.Facts f = e.facts();
        Set<Long> to = handlers(f, e.handlerId());
        to.addAll(covering(Roles.LEADER, f));
        send(to, "SUPERVISION", "督办单：事件已超期，请立即办理", f, "SUP-" + e.orderId());
    }

    /** A leader's order, or one for a missed first contact or promised date: the department and the leaders. */
    @InTransaction
    void on(CaseEvent.SupervisionOrderOpened e) {
        CaseEvent.Facts f = e.facts();
        Set<Long> to = handlers(f, e.handlerId());
        if (!"LEADER".equals(e.kind())) {
            to.addAll(covering(Roles.LEADER, f));
        }
        send(to, "SUPERVISION", e.title(), f, "SUP-" + e.orderId());
    }

    @InTransaction
    void on(CaseEvent.SupervisionOrderAnswered e) {
        if (e.openedBy() != null) {
            send(new LinkedHashSet<>(Set.of(e.openedBy())), "SUPERVISION", "督办单已答复：" + excerpt(e.answer()), e.facts(),
                    "SUP-ANSWER-" + e.orderId());
        }
    }

    /** Before a deadline of the loop: whoever must act on it now. */
    @InTransaction
    void on(CaseEvent.CaseLoopReminder e) {
        CaseEvent.Facts f = e.facts();
        String when = e.dueAt() == null ? "" : "（" + TEXT.format(e.dueAt().atZone(clock.getZone())) + " 前）";
        switch (e.kind()) {
            case "FIRST_CONTACT" -> send(handlersOrCentre(f), "WARNING", "请尽快与诉求人首次联系" + when, f,
                    "LOOP-FC-" + e.dueAt().toEpochMilli());
            case "REVISIT" -> send(covering(Roles.DISPATCHER, f), "WARNING", "今日应回访" + when, f,
                    "LOOP-RV-" + e.dueAt().toEpochMilli());
            case "PROGRESS" -> send(handlersOrCentre(f), "WARNING", "阶段性进展承诺的办结日期将到" + when, f,
                    "LOOP-PG-" + e.dueAt().toEpochMilli());
            case "TIER" -> send(covering(f.tier() == cn.huying.cases.Tier.GRID ? Roles.GRID_WORKER : Roles.VILLAGE_CADRE, f),
                    "WARNING", "本级办理时限将到，请办结或上报" + when, f, "LOOP-TR-" + e.dueAt().toEpochMilli());
            default -> { }
        }
    }

    /** A missed revisit goes to the command centre's ledger; the other misses bring an order or a move. */
    @InTransaction
    void on(CaseEvent.CaseLoopMissed e) {
        if ("REVISIT".equals(e.kind())) {
            send(covering(Roles.DISPATCHER, e.facts()), "WARNING", "回访已超时，已列入回访超时台账", e.facts(),
                    "LOOP-RV-MISSED-" + e.dueAt().toEpochMilli());
        } else if ("TIER".equals(e.kind())) {
            send(covering(Roles.DISPATCHER, e.facts()), "WARNING", "事件在" + e.facts().tier().label()
                    + "超过办理时限", e.facts(), "LOOP-TR-MISSED-" + e.dueAt().toEpochMilli());
        }
    }

    /** The department's handlers, or the command centre while the case has no department yet. */
    private Set<Long> handlersOrCentre(CaseEvent.Facts f) {
        Set<Long> to = handlers(f, null);
        return to.isEmpty() ? covering(Roles.DISPATCHER, f) : to;
    }

    private static String excerpt(String s) {
        return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    @InTransaction
    void on(CaseEvent.CaseRevisited e) {
        if (e.needsLeader()) {
            send(covering(Roles.LEADER, e.facts()), "SUPERVISION", "群众两次不满意，请领导关注", e.facts(), "REVISIT-LEADER");
        }
    }

    /** The citizen who called is told by text message that the request is closed. */
    @ApplicationModuleListener
    void on(CaseEvent.CitizenToBeTold e) {
        CaseEvent.Facts f = e.facts();
        cases.notificationPhone(f.caseId()).ifPresent(phone ->
                sms.send(phone, "您反映的问题（编号 " + f.code() + "）已办结，请对办理结果进行评价。【呼应】"));
    }

    /** Who holds a role over a region: asked once a minute per role and region, not per event. */
    private final Cache<String, List<Long>> coveringUsers = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();
    private final Cache<Long, List<Long>> departmentHandlers = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    private Set<Long> covering(String role, CaseEvent.Facts f) {
        Set<Long> ids = new LinkedHashSet<>();
        paths.pathOf(f.regionId()).ifPresent(path -> ids.addAll(coveringUsers.get(role + "@" + path,
                k -> accounts.findByRoleCovering(role, path).stream().map(UserAccounts.UserSummary::id).toList())));
        return ids;
    }

    private Set<Long> handlers(CaseEvent.Facts f, Long handlerId) {
        Set<Long> ids = new LinkedHashSet<>();
        if (handlerId != null) {
            ids.add(handlerId);
        } else if (f.departmentId() != null) {
            ids.addAll(departmentHandlers.get(f.departmentId(), k -> accounts.findByDepartmentAndRole(k, Roles.HANDLER)
                    .stream().map(UserAccounts.UserSummary::id).toList()));
        }
        return ids;
    }

    private void send(Set<Long> to, String kind, String title, CaseEvent.Facts f, String dedup) {
        if (to.isEmpty()) {
            return;
        }
        inbox.deliver(to, kind, title, f.code() + " " + (f.title() == null ? "" : f.title()), f.caseId(), f.code(),
                "case-" + f.caseId() + "-" + dedup, clock.instant());
    }
}
