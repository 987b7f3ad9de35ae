package cn.huying.projects.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.projects.internal.ProjectTransitions.Activity;
import cn.huying.projects.internal.Records.Milestone;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 阳光监管 and 阳光验收: the tender 招标 with post-qualification 资格后审, the contract performance milestones
 * 履约节点 (watched by {@link DisclosureSweep}), and the acceptance record — final accounts 竣工决算 and the audits of
 * investment, budget, funds and quality.
 */
@Service
public class SupervisionService {

    private final ProjectService projects;
    private final ProjectRepository repo;
    private final SupervisionRepository supervision;
    private final DisclosurePolicy policy;
    private final Clock clock;

    SupervisionService(ProjectService projects, ProjectRepository repo, SupervisionRepository supervision,
                       DisclosurePolicy policy, Clock clock) {
        this.projects = projects;
        this.repo = repo;
        this.supervision = supervision;
        this.policy = policy;
        this.clock = clock;
    }

    @Transactional
    public void recordTender(long id, String tenderNo, boolean postQualified, String note, CurrentUser by) {
        ProjectRow p = projects.locked(id);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String no = Amounts.text("tenderNo", tenderNo, 60, true, errors);
        String text = Amounts.text("note", note, 1000, true, errors);
        errors.throwIfAny();
        ProjectTransitions.requireActivity(Activity.RECORD_TENDER, p.status(), p.step());
        Instant now = clock.instant();
        repo.setTender(id, no, postQualified, text);
        repo.touch(id, now);
        repo.appendHistory(id, now, by, "RECORD_TENDER", p.step(), p.status(), "招标 " + no + "，资格后审"
                + (postQualified ? "通过" : "未通过") + "：" + text);
    }

    @Transactional
    public long addMilestone(long id, String name, LocalDate dueOn, CurrentUser by) {
        ProjectRow p = projects.locked(id);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String n = Amounts.text("name", name, 200, true, errors);
        if (dueOn == null) {
            errors.add("dueOn", "projects.field.required");
        }
        errors.throwIfAny();
        ProjectTransitions.requireActivity(Activity.ADD_MILESTONE, p.status(), p.step());
        Instant now = clock.instant();
        long mid = supervision.addMilestone(id, n, dueOn, policy.endOf(dueOn), now);
        repo.touch(id, now);
        repo.appendHistory(id, now, by, "ADD_MILESTONE", p.step(), p.status(), "履约节点：" + n + "，应于 " + dueOn + " 前完成");
        return mid;
    }

    @Transactional
    public void milestoneDone(long id, long milestoneId, LocalDate doneOn, CurrentUser by) {
        ProjectRow p = projects.locked(id);
        if (doneOn == null) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("doneOn", "projects.field.required", new Object[0])));
        }
        ProjectTransitions.requireActivity(Activity.MILESTONE_DONE, p.status(), p.step());
        Milestone m = supervision.milestone(id, milestoneId)
                .orElseThrow(() -> DomainException.notFound("projects.milestone.not-found", milestoneId));
        Instant now = clock.instant();
        if (doneOn.isAfter(LocalDate.ofInstant(now, policy.zone()))) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("doneOn", "projects.date.future", new Object[]{doneOn})));
        }
        if (!supervision.markDone(milestoneId, doneOn)) {
            throw DomainException.conflict("projects.milestone.done-already", m.name());
        }
        repo.touch(id, now);
        repo.appendHistory(id, now, by, "MILESTONE_DONE", p.step(), p.status(), "履约节点完成：" + m.name() + "（" + doneOn
                + (doneOn.isAfter(m.dueOn()) ? "，逾期" : "，按期") + "）");
    }

    @Transactional
    public void recordAcceptance(long id, String finalAccount, String investment, String budget, String funds,
                                 String quality, CurrentUser by) {
        ProjectRow p = projects.locked(id);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        BigDecimal account = Amounts.yuan("finalAccount", finalAccount, true, errors);
        String inv = Amounts.text("investmentAudit", investment, 500, true, errors);
        String bud = Amounts.text("budgetAudit", budget, 500, true, errors);
        String fun = Amounts.text("fundsAudit", funds, 500, true, errors);
        String qua = Amounts.text("qualityAudit", quality, 500, true, errors);
        errors.throwIfAny();
        ProjectTransitions.requireActivity(Activity.RECORD_ACCEPTANCE, p.status(), p.step());
        if (supervision.acceptance(id).isPresent()) {
            throw DomainException.conflict("projects.acceptance.already");
        }
        Instant now = clock.instant();
        supervision.recordAcceptance(id, account, inv, bud, fun, qua, now);
        repo.touch(id, now);
        repo.appendHistory(id, now, by, "RECORD_ACCEPTANCE", p.step(), p.status(), "竣工决算 " + account.toPlainString()
                + " 元；投资、预算、资金、质量审计已记录");
    }
}
