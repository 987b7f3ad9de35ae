package cn.huying.cases.internal;

import cn.huying.cases.CaseAction;
import cn.huying.cases.CaseCommand;
import cn.huying.cases.CaseState;
import cn.huying.cases.CaseView;
import cn.huying.identity.AuditLog;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.Roles;
import cn.huying.identity.UserAccounts;
import cn.huying.region.DepartmentView;
import cn.huying.region.Departments;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one door for a person's command on a case: edge → {@link CaseCommand} → checks (version, permission, claim;
 * the {@link ActionPolicy} rules are the aggregate's guards) → the aggregate's verb ({@link Verbs}, one method per
 * command) → {@link CaseRepository#save}. Runs in the caller's transaction ({@code CasesFacade#act}).
 */
@Component
class CaseCommands {

    private static final DateTimeFormatter DAY_TEXT = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final CaseRepository cases;
    private final CaseReads reads;
    private final AttachmentStore attachments;
    private final Departments departments;
    private final UserAccounts accounts;
    private final CurrentUsers currentUsers;
    private final AuditLog audit;
    private final Clock clock;
    private final CaseDeadlines deadlines;
    private final TimeLimitPolicy timeLimits;
    private final TimeLimitConfig.SlaProperties slaProperties;
    private final CaseClaims claims;

    CaseCommands(CaseRepository cases, CaseReads reads, AttachmentStore attachments, Departments departments,
                 UserAccounts accounts, CurrentUsers currentUsers, AuditLog audit, Clock clock, CaseDeadlines deadlines,
                 TimeLimitPolicy timeLimits, TimeLimitConfig.SlaProperties slaProperties, CaseClaims claims) {
        this.cases = cases;
        this.reads = reads;
        this.attachments = attachments;
        this.departments = departments;
        this.accounts = accounts;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.clock = clock;
        this.deadlines = deadlines;
        this.timeLimits = timeLimits;
        this.slaProperties = slaProperties;
        this.claims = claims;
    }

    CaseView act(long id, CaseCommand command, CurrentUser user) {
        // Start from the copy this node committed last, if it holds one and nothing is written before the case's
        // own version-checked UPDATE (attachments, a merge's lead): if the copy is not what the actor saw, not in
        // their scope, or turns out stale at the UPDATE, the command runs again from the database.
        if (!(command instanceof CaseCommand.Merge) && command.attachments().isEmpty()) {
            Optional<CaseFile> copy = cases.remembered(id);
            if (copy.isPresent() && command.version() == copy.get().version() && user.can("case:view")
                    && reads.inScope(copy.get(), user)) {
                try {
                    CaseView done = act(copy.get(), true, command, user);
                    if (done != null) {
                        return done;
                    }
                } catch (DomainException e) {
                    if (e.kind() != DomainException.Kind.CONFLICT) {
                        throw e;
                    }
                    // refused by the copy's state: let the database's state decide
                }
            }
            cases.forget(id);
        }
        return act(reads.loadInScope(id, user), false, command, user);
    }

    /** The command on {@code c}; null if {@code c} is a remembered copy that another writer has since changed. */
    private CaseView act(CaseFile c, boolean fromCopy, CaseCommand command, CurrentUser user) {
        long id = c.id();
        CaseAction action = command.action();
        // the actor must have seen every change a person made; the system's since (the deadline sweep) do not count
        if (command.version() > c.version() || command.version() < c.actedVersion()) {
            throw stale(c);
        }
        if (!user.can(action.permission())) {
            audit.record("ACCESS_DENIED", "case:" + id, action.permission());
            throw DomainException.forbidden("case.transition.role", action.label(), c.state().label(), c.tier().label());
        }
        if (c.state() == CaseState.ACCEPTED) {
            // a case claimed by a module (CaseHandOff) takes no person's action but view, first contact and progress
            claims.refuseWhileClaimed(id, action.label());
        }
        long expected = c.version();
        InvalidInput.Collector errors = new InvalidInput.Collector();
        List<AttachmentStore.Checked> files = attachments.check(command.attachments(), "attachments", errors);
        errors.throwIfAny();
        List<Long> attachmentIds = files.isEmpty() ? List.of() : attachments.store(id, files, user.id());
        c.attachmentsCounted(c.attachmentCount() + attachmentIds.size());
        Verbs verbs = new Verbs(c, Actor.of(user), user, attachmentIds, clock.instant());
        command.accept(verbs);
        if (!cases.save(c, expected)) {
            if (fromCopy) {
                return null;
            }
            throw stale(cases.find(id).orElseThrow());
        }
        if (command instanceof CaseCommand.Close && c.mergedCount() > 0) {
            followLead(c, verbs.actor, verbs.now);
        }
        return reads.view(c, user);
    }

    /** Each command to its verb of the aggregate: the dispatcher, one method per command. */
    private final class Verbs implements CaseCommand.Handler<Void> {

        private final CaseFile c;
        private final Actor actor;
        private final CurrentUser user;
        private final List<Long> files;
        private final Instant now;

        Verbs(CaseFile c, Actor actor, CurrentUser user, List<Long> files, Instant now) {
            this.c = c;
            this.actor = actor;
            this.user = user;
            this.files = files;
            this.now = now;
        }

        public Void resolveOnSpot(CaseCommand.ResolveOnSpot x) {
            c.resolveOnSpot(actor, x.reply(), files, now);
            return null;
        }

        public Void escalate(CaseCommand.Escalate x) {
            c.escalate(actor, x.reason(), files, now);
            return null;
        }

        public Void register(CaseCommand.Register x) {
            c.register(actor, x.note(), now, deadlines);
            return null;
        }

        public Void reject(CaseCommand.Reject x) {
            c.reject(actor, x.reason(), now);
            return null;
        }

        public Void dispatch(CaseCommand.Dispatch x) {
            DepartmentView dept = dispatchTarget(x, user);
            c.dispatch(actor, dept.id(), x.handlerId(), x.note(), now);
            return null;
        }

        public Void accept(CaseCommand.Accept x) {
            c.accept(actor, x.note(), now);
            return null;
        }

        public Void returnToDispatcher(CaseCommand.Return x) {
            requireReturnWindow(c, now);
            c.returnToDispatcher(actor, x.reason(), now);
            return null;
        }

        public Void resolve(CaseCommand.Resolve x) {
            c.resolve(actor, x.reply(), files, now);
            return null;
        }

        public Void verify(CaseCommand.Verify x) {
            c.verify(actor, x.note(), files, now);
            return null;
        }

        public Void close(CaseCommand.Close x) {
            c.close(actor, x.note(), now);
            return null;
        }

        public Void reopen(CaseCommand.Reopen x) {
            c.reopen(actor, x.reason(), now, deadlines);
            return null;
        }

        public Void merge(CaseCommand.Merge x) {
            CaseFile lead = reads.loadInScope(x.leadCaseId(), user);
            c.mergeInto(actor, lead, x.note(), now);
            cases.countMerged(lead.id());
            return null;
        }

        public Void transfer(CaseCommand.Transfer x) {
            c.transfer(actor, x.reason(), x.receivingBody(), now);
            return null;
        }

        public Void park(CaseCommand.Park x) {
            c.park(actor, x.reason(), now);
            return null;
        }

        public Void resume(CaseCommand.Resume x) {
            c.resume(actor, x.note(), now, deadlines);
            return null;
        }

        public Void revisit(CaseCommand.Revisit x) {
            c.revisit(actor, x.satisfaction(), x.comment(), now, deadlines);
            return null;
        }
    }

    /** 超范围回退: within {@code huying.sla.return-window-days} working days of dispatch, else refused with why. */
    private void requireReturnWindow(CaseFile c, Instant now) {
        if (c.dispatchedAt() == null) {
            return;
        }
        Instant last = timeLimits.endOfNthWorkdayAfter(c.dispatchedAt(), slaProperties.returnWindowDays());
        if (now.isAfter(last)) {
            throw DomainException.conflict("case.return.too-late", slaProperties.returnWindowDays(),
                    DAY_TEXT.format(c.dispatchedAt().atZone(clock.getZone())),
                    DAY_TEXT.format(last.atZone(clock.getZone())));
        }
    }

    /** 重复件随主件: when a lead case closes, every case merged into it follows ({@link CaseFile#followLead}). */
    private void followLead(CaseFile lead, Actor actor, Instant now) {
        for (CaseFile merged : cases.findMergedInto(lead.id())) {
            if (merged.state() != CaseState.MERGED) {
                continue;
            }
            long expected = merged.version();
            merged.followLead(actor, lead, now);
            if (!cases.saveBySystem(merged, expected)) {
                throw stale(cases.find(merged.id()).orElseThrow());
            }
        }
    }

    private DepartmentView dispatchTarget(CaseCommand.Dispatch x, CurrentUser user) {
        DepartmentView dept = departments.get(x.departmentId(), currentUsers.scopeOf(user));
        if (dept.retired()) {
            throw DomainException.invalid("case.dispatch.department-retired", dept.name());
        }
        if (x.handlerId() != null && accounts.findByDepartmentAndRole(dept.id(), Roles.HANDLER).stream()
                .noneMatch(h -> h.id() == x.handlerId())) {
            throw DomainException.invalid("case.dispatch.handler-not-in-department", dept.name());
        }
        return dept;
    }

    private static DomainException stale(CaseFile current) {
        return DomainException.conflict("case.stale", current.code(), current.state().label(), current.version());
    }
}
