package cn.huying.finance.internal;

import cn.huying.calendar.WorkingCalendar;
import cn.huying.finance.CloseReason;
import cn.huying.finance.EngagementStatus;
import cn.huying.finance.GuaranteeType;
import cn.huying.finance.NeedStatus;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Financing needs 融资需求 and the banks serving them 对接: the enterprise posts, publishes and withdraws; banks take
 * (抢单) or the office assigns (分派) up to the cap; each bank moves its engagement along
 * {@link EngagementStatus}'s table, every step recorded; a disbursement closes the need as paid out.
 */
@Service
public class NeedService {

    public record NewNeed(String purpose, BigDecimal amount, Integer termMonths, BigDecimal maxRate, GuaranteeType guarantee,
                          boolean publish) {
    }

    private final NeedRepository repo;
    private final FinanceSettings settings;
    private final WorkingCalendar calendar;
    private final BankService banks;
    private final Clock clock;

    NeedService(NeedRepository repo, FinanceSettings settings, WorkingCalendar calendar, BankService banks, Clock clock) {
        this.repo = repo;
        this.settings = settings;
        this.calendar = calendar;
        this.banks = banks;
        this.clock = clock;
    }

    @Transactional
    public NeedView post(FinanceActors.EnterpriseActor enterprise, NewNeed n) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        BigDecimal cap = settings.get().rateCap();
        BigDecimal amount = ProductService.check(errors, "amount", () -> Rates.money(n.amount(), "amount"));
        BigDecimal rate = ProductService.check(errors, "maxRate", () -> Rates.rate(n.maxRate(), cap, "maxRate"));
        if (n.purpose() == null || n.purpose().isBlank() || n.purpose().length() > 500) {
            errors.add("purpose", "finance.need.purpose.invalid");
        }
        if (n.termMonths() == null || n.termMonths() < 1 || n.termMonths() > 360) {
            errors.add("termMonths", "finance.term.invalid");
        }
        if (n.guarantee() == null) {
            errors.add("guarantee", "finance.guarantee.required");
        }
        errors.throwIfAny();
        long id = repo.insertNeed(enterprise.id(), enterprise.name(), n.purpose().strip(), amount, n.termMonths(), rate,
                n.guarantee(), n.publish() ? NeedStatus.PUBLISHED : NeedStatus.DRAFT, clock.instant());
        return repo.need(id).orElseThrow();
    }

    @Transactional
    public NeedView publish(FinanceActors.EnterpriseActor enterprise, long id) {
        NeedView need = ofEnterprise(enterprise, id);
        if (!repo.moveNeed(id, NeedStatus.DRAFT, NeedStatus.PUBLISHED, null, clock.instant())) {
            throw DomainException.conflict("finance.need.not-draft", need.status());
        }
        return repo.need(id).orElseThrow();
    }

    @Transactional
    public NeedView withdraw(FinanceActors.EnterpriseActor enterprise, long id) {
        NeedView need = ofEnterprise(enterprise, id);
        return close(need, CloseReason.WITHDRAWN);
    }

    /** The office closes a need that will not be served (failed or expired). */
    @Transactional
    public NeedView closeByOffice(long id, CloseReason reason) {
        if (reason != CloseReason.FAILED && reason != CloseReason.EXPIRED) {
            throw DomainException.invalid("finance.need.close-reason.invalid");
        }
        return close(repo.lockNeed(id).orElseThrow(() -> DomainException.notFound("finance.need.not-found", id)), reason);
    }

    private NeedView close(NeedView need, CloseReason reason) {
        if (need.status() == NeedStatus.CLOSED || !repo.moveNeed(need.id(), need.status(), NeedStatus.CLOSED, reason,
                clock.instant())) {
            throw DomainException.conflict("finance.need.closed");
        }
        return repo.need(need.id()).orElseThrow();
    }

    public NeedView ofEnterprise(FinanceActors.EnterpriseActor enterprise, long id) {
        return repo.needOfEnterprise(id, enterprise.id()).orElseThrow(() -> DomainException.notFound("finance.need.not-found", id));
    }

    public NeedView forBank(FinanceActors.BankActor bank, long id) {
        return repo.needForBank(id, bank.bankId()).orElseThrow(() -> DomainException.notFound("finance.need.not-found", id));
    }

    public NeedView any(long id) {
        return repo.need(id).orElseThrow(() -> DomainException.notFound("finance.need.not-found", id));
    }

    public List<NeedView> mine(FinanceActors.EnterpriseActor enterprise) {
        return repo.needsOfEnterprise(enterprise.id());
    }

    public List<NeedView> visibleTo(FinanceActors.BankActor bank) {
        return repo.needsForBank(bank.bankId());
    }

    public List<NeedView> all(NeedStatus status) {
        return repo.allNeeds(status);
    }

    /** 抢单 — a bank takes a need: its bound bank gets one slot, if one is free. */
    @Transactional
    public EngagementView take(FinanceActors.BankActor bank, long needId) {
        repo.needForBank(needId, bank.bankId()).orElseThrow(() -> DomainException.notFound("finance.need.not-found", needId));
        return engage(needId, bank.bankId(), EngagementStatus.TAKEN, bank.username());
    }

    /** 分派 — the office assigns a need to a bank. */
    @Transactional
    public EngagementView assign(long needId, long bankId, String by) {
        banks.find(bankId);
        return engage(needId, bankId, EngagementStatus.ASSIGNED, by);
    }

    private EngagementView engage(long needId, long bankId, EngagementStatus how, String by) {
        NeedView need = repo.lockNeed(needId).orElseThrow(() -> DomainException.notFound("finance.need.not-found", needId));
        if (need.status() != NeedStatus.PUBLISHED && need.status() != NeedStatus.MATCHING) {
            throw DomainException.conflict("finance.need.not-open");
        }
        if (repo.bankEngaged(needId, bankId)) {
            throw DomainException.conflict("finance.need.bank-engaged");
        }
        FinanceSettings.Values s = settings.get();
        if (repo.slotsHeld(needId) >= s.bankCap()) {
            throw DomainException.conflict("finance.need.cap-reached", s.bankCap());
        }
        Instant now = clock.instant();
        Instant due = calendar.addWorkingDays(now, s.firstContactDays()).at();
        long id = repo.insertEngagement(needId, bankId, how, now, due);
        repo.step(id, null, how, now, by, null);
        if (need.status() == NeedStatus.PUBLISHED) {
            repo.moveNeed(needId, NeedStatus.PUBLISHED, NeedStatus.MATCHING, null, now);
        }
        return repo.engagement(id).orElseThrow();
    }

    /** One step of the bank's engagement along the table; APPROVED and DISBURSED carry an amount. */
    @Transactional
    public EngagementView advance(FinanceActors.BankActor bank, long id, EngagementStatus to, BigDecimal amount, String note) {
        EngagementView e = repo.engagementForBank(id, bank.bankId())
                .orElseThrow(() -> DomainException.notFound("finance.engagement.not-found", id));
        if (to == null || !e.status().nextByBank().contains(to)) {
            throw DomainException.conflict("finance.engagement.transition", e.status(), to);
        }
        NeedView need = repo.lockNeed(e.needId()).orElseThrow();
        if (need.status() == NeedStatus.CLOSED) {
            throw DomainException.conflict("finance.need.closed");
        }
        BigDecimal value = null;
        if (to == EngagementStatus.APPROVED) {
            value = Rates.money(amount, "amount");
            if (value.compareTo(need.amount()) > 0) {
                throw DomainException.invalid("finance.engagement.approved-above-need");
            }
        } else if (to == EngagementStatus.DISBURSED) {
            value = Rates.money(amount, "amount");
            if (value.compareTo(e.approvedAmount()) > 0) {
                throw DomainException.invalid("finance.engagement.disbursed-above-approved");
            }
        }
        if (note != null && note.length() > 500) {
            throw DomainException.invalid("finance.note.too-long");
        }
        Instant now = clock.instant();
        if (!repo.moveEngagement(id, e.status(), to, now, value)) {
            if (to == EngagementStatus.CONTACTED && now.isAfter(e.contactDue())) {
                throw DomainException.conflict("finance.engagement.contact-overdue");
            }
            throw DomainException.conflict("finance.engagement.stale");
        }
        repo.step(id, e.status(), to, now, bank.username(), note == null || note.isBlank() ? null : note.strip());
        if (to == EngagementStatus.DISBURSED) {
            repo.moveNeed(need.id(), need.status(), NeedStatus.CLOSED, CloseReason.PAID_OUT, now);
        }
        return repo.engagement(id).orElseThrow();
    }

    public List<EngagementView> engagementsOfNeed(long needId) {
        return repo.engagementsOfNeed(needId);
    }

    public List<EngagementView> engagementsOfNeedForBank(FinanceActors.BankActor bank, long needId) {
        return repo.engagementsOfNeedForBank(needId, bank.bankId());
    }

    public List<EngagementView> pipeline(FinanceActors.BankActor bank) {
        return repo.pipelineOfBank(bank.bankId());
    }

    public List<EngagementView> allEngagements() {
        return repo.allEngagements();
    }

    public EngagementView engagementForBank(FinanceActors.BankActor bank, long id) {
        return repo.engagementForBank(id, bank.bankId()).orElseThrow(() -> DomainException.notFound("finance.engagement.not-found", id));
    }

    public EngagementView engagementForEnterprise(FinanceActors.EnterpriseActor enterprise, long id) {
        return repo.engagementForEnterprise(id, enterprise.id())
                .orElseThrow(() -> DomainException.notFound("finance.engagement.not-found", id));
    }

    public EngagementView engagement(long id) {
        return repo.engagement(id).orElseThrow(() -> DomainException.notFound("finance.engagement.not-found", id));
    }

    public List<StepView> steps(long engagementId) {
        return repo.steps(engagementId);
    }

    public List<AlertView> alerts() {
        return repo.alerts();
    }
}
