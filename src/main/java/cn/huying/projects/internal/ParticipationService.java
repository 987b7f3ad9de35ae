package cn.huying.projects.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.Roles;
import cn.huying.identity.UserAccounts;
import cn.huying.projects.internal.ProjectTransitions.Activity;
import cn.huying.projects.internal.Records.Interest;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 阳光选择, 阳光服务 and 阳光交流: enterprises register interest (approved enterprise accounts only), the officer
 * shortlists with a reason, one responsible leader 包联领导 per project logs every contact with an enterprise,
 * and exchanges with associations are recorded.
 */
@Service
public class ParticipationService {

    /** Contact modes of the leader's log. */
    public static final Set<String> CONTACT_MODES = Set.of("面谈", "电话", "现场走访", "座谈会", "视频会议");

    private final ProjectService projects;
    private final ProjectRepository repo;
    private final WorkRepository work;
    private final EnterpriseDirectory enterprises;
    private final UserAccounts users;
    private final Clock clock;

    ParticipationService(ProjectService projects, ProjectRepository repo, WorkRepository work,
                         EnterpriseDirectory enterprises, UserAccounts users, Clock clock) {
        this.projects = projects;
        this.repo = repo;
        this.work = work;
        this.enterprises = enterprises;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public long registerInterest(long id, String capabilities, String references, CurrentUser by) {
        ProjectRow p = projects.locked(id);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String caps = Amounts.text("capabilities", capabilities, 2000, true, errors);
        String refs = Amounts.text("references", references, 2000, false, errors);
        errors.throwIfAny();
        var enterprise = enterprises.approvedEnterpriseOf(by)
                .orElseThrow(() -> DomainException.forbidden("projects.interest.not-approved"));
        ProjectTransitions.requireActivity(Activity.REGISTER_INTEREST, p.status(), p.step());
        if (work.interestExists(id, enterprise.id())) {
            throw DomainException.conflict("projects.interest.duplicate", enterprise.name());
        }
        Instant now = clock.instant();
        long interestId = work.addInterest(id, enterprise.id(), enterprise.name(), caps, refs, by.id(), now);
        repo.touch(id, now);
        repo.appendHistory(id, now, by, "REGISTER_INTEREST", p.step(), p.status(), enterprise.name() + " 登记投资意向");
        return interestId;
    }

    /** The officer's shortlist decision 入围 on one interest, with its reason. */
    @Transactional
    public void shortlist(long id, long interestId, boolean shortlisted, String reason, CurrentUser by) {
        ProjectRow p = projects.locked(id);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String why = Amounts.text("reason", reason, 1000, true, errors);
        errors.throwIfAny();
        ProjectTransitions.requireActivity(Activity.SHORTLIST, p.status(), p.step());
        Interest interest = work.interest(id, interestId)
                .orElseThrow(() -> DomainException.notFound("projects.interest.not-found", interestId));
        Instant now = clock.instant();
        work.shortlist(interestId, shortlisted, why, now);
        repo.touch(id, now);
        repo.appendHistory(id, now, by, "SHORTLIST", p.step(), p.status(),
                interest.enterpriseName() + (shortlisted ? " 入围：" : " 未入围：") + why);
    }

    /** Names the project's one responsible leader (a user holding the LEADER role). */
    @Transactional
    public void assignLeader(long id, long userId, CurrentUser by) {
        ProjectRow p = projects.locked(id);
        ProjectTransitions.requireActivity(Activity.ASSIGN_LEADER, p.status(), p.step());
        var leader = users.findById(userId).filter(u -> u.enabled() && u.roles().contains(Roles.LEADER))
                .orElseThrow(() -> DomainException.invalid("projects.leader.invalid", userId));
        Instant now = clock.instant();
        repo.setLeader(id, leader.id(), leader.displayName());
        repo.touch(id, now);
        repo.appendHistory(id, now, by, "ASSIGN_LEADER", p.step(), p.status(), "包联领导：" + leader.displayName());
    }

    /** The responsible leader (only they) logs a contact with a shortlisted or interested enterprise. */
    @Transactional
    public void logContact(long id, long interestId, LocalDate on, String mode, String summary, CurrentUser by) {
        ProjectRow p = projects.locked(id);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        if (on == null) {
            errors.add("contactOn", "projects.field.required");
        }
        if (mode == null || !CONTACT_MODES.contains(mode)) {
            errors.add("mode", "projects.contact.mode.invalid", String.join("、", CONTACT_MODES));
        }
        String text = Amounts.text("summary", summary, 2000, true, errors);
        errors.throwIfAny();
        ProjectTransitions.requireActivity(Activity.LOG_CONTACT, p.status(), p.step());
        if (p.leaderUserId() == null || p.leaderUserId() != by.id()) {
            throw DomainException.forbidden("projects.contact.not-leader");
        }
        Interest interest = work.interest(id, interestId)
                .orElseThrow(() -> DomainException.notFound("projects.interest.not-found", interestId));
        Instant now = clock.instant();
        if (on.isAfter(LocalDate.ofInstant(now, clock.getZone()))) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("contactOn", "projects.date.future",
                    new Object[]{on})));
        }
        work.addContact(id, interestId, on, mode, text, by.id(), by.displayName(), now);
        repo.touch(id, now);
        repo.appendHistory(id, now, by, "LOG_CONTACT", p.step(), p.status(),
                "包联领导" + mode + "对接 " + interest.enterpriseName());
    }

    @Transactional
    public void logExchange(long id, String association, LocalDate on, String summary, CurrentUser by) {
        ProjectRow p = projects.locked(id);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String who = Amounts.text("association", association, 200, true, errors);
        if (on == null) {
            errors.add("heldOn", "projects.field.required");
        }
        String text = Amounts.text("summary", summary, 2000, true, errors);
        errors.throwIfAny();
        ProjectTransitions.requireActivity(Activity.LOG_EXCHANGE, p.status(), p.step());
        Instant now = clock.instant();
        work.addExchange(id, who, on, text, by.id(), now);
        repo.touch(id, now);
        repo.appendHistory(id, now, by, "LOG_EXCHANGE", p.step(), p.status(), "与" + who + "交流");
    }
}
