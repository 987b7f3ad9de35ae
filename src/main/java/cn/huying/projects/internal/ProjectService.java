package cn.huying.projects.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.projects.ProjectAction;
import cn.huying.projects.ProjectStatus;
import cn.huying.projects.ProjectStepCompleted;
import cn.huying.projects.Step;
import cn.huying.projects.internal.ProjectTransitions.Activity;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on a project's life: creation, the step and status transitions of {@link ProjectTransitions}, the
 * planning consultation and its public comments, and the disclosure of each step's result. Each command is one
 * transaction that locks the project row first, so a refused command writes nothing.
 */
@Service
public class ProjectService {

    /** A document named on creation. */
    public record DocumentInput(String title, String url) {
    }

    /** A new project as typed: the investment as text, checked here (yuan, at most two decimals). */
    public record ProjectInput(String name, String category, String location, String plannedInvestment,
                               String ownerDepartment, String summary, List<DocumentInput> documents) {
    }

    private final ProjectRepository projects;
    private final WorkRepository work;
    private final StepCompletionPolicy completion;
    private final DisclosurePolicy disclosure;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectService(ProjectRepository projects, WorkRepository work, StepCompletionPolicy completion,
                   DisclosurePolicy disclosure, ApplicationEventPublisher events, Clock clock) {
        this.projects = projects;
        this.work = work;
        this.completion = completion;
        this.disclosure = disclosure;
        this.events = events;
        this.clock = clock;
    }

    ProjectRow locked(long id) {
        return projects.lock(id).orElseThrow(() -> DomainException.notFound("projects.not-found", id));
    }

    @Transactional
    public long create(ProjectInput in, CurrentUser by) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String name = Amounts.text("name", in.name(), 200, true, errors);
        String category = Amounts.text("category", in.category(), 60, true, errors);
        String location = Amounts.text("location", in.location(), 200, true, errors);
        var planned = Amounts.yuan("plannedInvestment", in.plannedInvestment(), true, errors);
        String owner = Amounts.text("ownerDepartment", in.ownerDepartment(), 100, true, errors);
        String summary = Amounts.text("summary", in.summary(), 2000, false, errors);
        List<DocumentInput> docs = in.documents() == null ? List.of() : in.documents();
        for (int i = 0; i < docs.size(); i++) {
            Amounts.text("documents[" + i + "].title", docs.get(i).title(), 200, true, errors);
            Amounts.text("documents[" + i + "].url", docs.get(i).url(), 500, false, errors);
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        long id = projects.insert(new NewProjectData(name, category, location, planned, owner, summary), by, now);
        for (DocumentInput d : docs) {
            projects.addDocument(id, d.title().strip(), d.url() == null || d.url().isBlank() ? null : d.url().strip(), now);
        }
        projects.startStep(id, Step.PLANNING, now);
        projects.appendHistory(id, now, by, "CREATE", Step.PLANNING, ProjectStatus.ACTIVE,
                "登记项目资源：" + name + "，计划投资 " + planned.toPlainString() + " 元");
        return id;
    }

    /**
     * Completes the named step (it must be the current one) with its result, or applies an overlay
     * (suspend, resume, terminate) with its reason.
     */
    @Transactional
    public void act(long id, ProjectAction action, Step step, String text, CurrentUser by) {
        ProjectRow p = locked(id);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String reason = Amounts.text(action == ProjectAction.COMPLETE_STEP || action == ProjectAction.ACCEPT
                ? "result" : "reason", text, 2000, true, errors);
        errors.throwIfAny();
        if (p.status() == ProjectStatus.TERMINATED) {
            throw DomainException.conflict("projects.terminated");
        }
        if (step != null && (action == ProjectAction.COMPLETE_STEP || action == ProjectAction.ACCEPT)) {
            StepCompletionPolicy.requireCurrent(p, step);
        }
        ProjectAction effective = action == ProjectAction.COMPLETE_STEP && p.step() == Step.ACCEPTANCE
                ? ProjectAction.ACCEPT : action;
        ProjectTransitions.Transition t = ProjectTransitions.require(effective, p.status(), p.step());
        Instant now = clock.instant();
        Step to = p.step();
        if (effective == ProjectAction.COMPLETE_STEP || effective == ProjectAction.ACCEPT) {
            completion.check(p, now);
            Instant due = disclosure.dueAt(now);
            projects.completeStep(id, p.step(), now, by.displayName(), reason, due, disclosure.warnAt(now));
            if (t.nextStep()) {
                to = p.step().next().orElseThrow();
                projects.startStep(id, to, now);
            }
            events.publishEvent(new ProjectStepCompleted(id, p.code(), p.step(), now, due));
        }
        if (!projects.updateState(id, p.version(), to, t.to(), effective == ProjectAction.COMPLETE_STEP
                || effective == ProjectAction.ACCEPT ? p.statusReason() : reason, now)) {
            throw DomainException.conflict("problem.stale");
        }
        projects.appendHistory(id, now, by, effective.name(), to, t.to(), effective.label() + "（" + p.step().label()
                + "）：" + reason);
    }

    /** Opens the planning consultation window 征求意见 from now to the end of {@code closesOn}. */
    @Transactional
    public void openConsultation(long id, LocalDate closesOn, CurrentUser by) {
        ProjectRow p = locked(id);
        ProjectTransitions.requireActivity(Activity.OPEN_CONSULTATION, p.status(), p.step());
        Instant now = clock.instant();
        if (closesOn == null) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("closesOn", "projects.field.required", new Object[0])));
        }
        Instant closes = disclosure.endOf(closesOn);
        if (!closes.isAfter(now)) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("closesOn", "projects.consultation.closes.past",
                    new Object[]{closesOn})));
        }
        projects.setConsultation(id, now, closes);
        projects.touch(id, now);
        projects.appendHistory(id, now, by, "OPEN_CONSULTATION", p.step(), p.status(),
                "公开征求意见，截止 " + closesOn);
    }

    /** A comment of the public (no account) while the consultation window is open. */
    @Transactional
    public void comment(long id, String author, String content) {
        ProjectRow p = locked(id);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String who = Amounts.text("author", author, 40, false, errors);
        String text = Amounts.text("content", content, 2000, true, errors);
        errors.throwIfAny();
        ProjectTransitions.requireActivity(Activity.COMMENT, p.status(), p.step());
        Instant now = clock.instant();
        if (!p.consultationOpen(now)) {
            throw DomainException.conflict("projects.consultation.closed");
        }
        work.addComment(id, who == null ? "匿名" : who, text, now);
    }

    /** Discloses a completed step's result on the public page (once; never after termination). */
    @Transactional
    public void disclose(long id, Step step, String text, CurrentUser by) {
        ProjectRow p = locked(id);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String t = Amounts.text("text", text, 4000, true, errors);
        errors.throwIfAny();
        if (p.status() == ProjectStatus.TERMINATED) {
            throw DomainException.conflict("projects.disclose.terminated");
        }
        StepRecord record = projects.stepRecord(id, step)
                .orElseThrow(() -> DomainException.conflict("projects.disclose.not-completed", step.label()));
        if (!record.completed()) {
            throw DomainException.conflict("projects.disclose.not-completed", step.label());
        }
        Instant now = clock.instant();
        if (!projects.disclose(id, step, now, t)) {
            throw DomainException.conflict("projects.disclose.already", step.label());
        }
        projects.touch(id, now);
        projects.appendHistory(id, now, by, "DISCLOSE", p.step(), p.status(), "公开" + step.label() + "结果"
                + (record.late(now) ? "（已超过 " + disclosure.workingDays() + " 个工作日时限）" : ""));
    }
}
