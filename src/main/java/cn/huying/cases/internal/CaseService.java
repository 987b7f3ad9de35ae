package cn.huying.cases.internal;

import cn.huying.cases.ActionRequest;
import cn.huying.cases.CaseAction;
import cn.huying.cases.CaseEvent;
import cn.huying.cases.CaseQuery;
import cn.huying.cases.CaseState;
import cn.huying.cases.CaseSummary;
import cn.huying.cases.CaseView;
import cn.huying.cases.Cases;
import cn.huying.cases.Category;
import cn.huying.cases.Channel;
import cn.huying.cases.DuplicateCandidate;
import cn.huying.cases.HistoryView;
import cn.huying.cases.NewCase;
import cn.huying.cases.Tier;
import cn.huying.cases.Urgency;
import cn.huying.identity.AuditLog;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.PersonalData;
import cn.huying.identity.RegionPathLookup;
import cn.huying.identity.Roles;
import cn.huying.identity.UserAccounts;
import cn.huying.region.DepartmentView;
import cn.huying.region.Departments;
import cn.huying.region.GridLocation;
import cn.huying.region.RegionRef;
import cn.huying.region.RegionType;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import cn.huying.shared.PageResult;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake, actions and reads of cases. Every write is one transaction: the case row (guarded by
 * its version), its history entries and its events commit together or not at all.
 */
@Service
public class CaseService implements Cases {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern PHONE = Pattern.compile("^(1\\d{10}|0\\d{2,3}-?\\d{7,8}|\\d{5,8})$");
    static final String SCOPE_DENIED = "SCOPE_DENIED";

    private final CaseRepository cases;
    private final CaseQueries queries;
    private final CategoryRepository categories;
    private final AttachmentStore attachments;
    private final EscalationPolicy escalation;
    private final DuplicatePolicy duplicates;
    private final Regions regions;
    private final RegionPathLookup paths;
    private final Departments departments;
    private final UserAccounts accounts;
    private final CurrentUsers currentUsers;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TimeLimitRules rules;
    private final TimeLimitPolicy timeLimits;
    private final TimeLimitConfig.SlaProperties slaProperties;
    private final CaseSearchIndexer search;
    private final CaseClaims claims;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;

    CaseService(CaseRepository cases, CaseQueries queries, CategoryRepository categories, AttachmentStore attachments,
                EscalationPolicy escalation, DuplicatePolicy duplicates, Regions regions, RegionPathLookup paths,
                Departments departments, UserAccounts accounts, CurrentUsers currentUsers, PersonalData personalData,
                AuditLog audit, ApplicationEventPublisher events, Clock clock, TimeLimitRules rules,
                TimeLimitPolicy timeLimits, TimeLimitConfig.SlaProperties slaProperties, CaseSearchIndexer search,
                PlatformTransactionManager transactions, CaseClaims claims) {
        this.search = search;
        this.claims = claims;
        // the intake's reads share one connection but no transaction: each is one statement, none needs the
        // others' snapshot, and a transaction would cost a round trip for its COMMIT. Not read-only: on PostgreSQL
        // the statement that reads also takes the day's number (CaseRepository.intakeReads), committing on its own.
        this.reading = new TransactionTemplate(transactions);
        this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
        this.writing = new TransactionTemplate(transactions);
        this.rules = rules;
        this.timeLimits = timeLimits;
        this.slaProperties = slaProperties;
        this.cases = cases;
        this.queries = queries;
        this.categories = categories;
        this.attachments = attachments;
        this.escalation = escalation;
        this.duplicates = duplicates;
        this.regions = regions;
        this.paths = paths;
        this.departments = departments;
        this.accounts = accounts;
        this.currentUsers = currentUsers;
        this.personalData = personalData;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- intake ---------------------------------------------------------------------------

    /** The replay of an earlier intake with the same idempotency key, if there was one. */
    public Optional<Submitted> replay(String idempotencyKey, CurrentUser reporter) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return Optional.empty();
        }
        return cases.findByIdempotencyKey(reporter.id(), idempotencyKey.strip()).map(id -> replayOf(id, reporter));
    }

    /** The answer to a repeated Idempotency-Key: the case it created, as the reporter sees it now. */
    private Submitted replayOf(long caseId, CurrentUser reporter) {
        return new Submitted(view(cases.find(caseId).orElseThrow(), reporter), List.of(), 0, true);
    }

    @Override
    public Submitted submit(NewCase report, CurrentUser reporter) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // inside the caller's transaction (e.g. a hotline import): one unit, the day's number taken in it
            Draft d = draft(report, reporter, false);
            return d.replayed() != null ? d.replayed() : record(d, cases.nextSequence(d.prefix(), d.day()));
        }
        // Read and check (one connection for the reads, no transaction), take the day's number in a statement that
        // commits on its own (the town's counter row is then locked for that one UPDATE, not until the intake
        // commits: every intake of a town waited on it in turn), then write the case. A number whose intake then
        // fails is skipped. On PostgreSQL the number is taken by the statement that reads (CaseRepository.intakeReads).
        Draft d = reading.execute(status -> draft(report, reporter, cases.readsInOneStatement()));
        if (d.replayed() != null) {
            return d.replayed();
        }
        int seq = d.number() != null ? d.number() : cases.takeNumberAlone(d.prefix(), d.day());
        return writing.execute(status -> record(d, seq));
    }

    /** What an intake has read and checked before it is numbered; {@code replayed} for a repeated Idempotency-Key. */
    private record Draft(Submitted replayed, NewCase report, CurrentUser reporter, Category category, String title,
                         String description, RegionView region, RegionRef town, String prefix, LocalDate day,
                         Candidates candidates, String reporterName, String reporterPhone,
                         Channel channel, Urgency urgency, List<AttachmentStore.Checked> files, Instant now,
                         Integer number) {

        static Draft replaying(Submitted earlier) {
            return new Draft(earlier, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null);
        }
    }

    /**
     * Reads and checks a report. {@code oneStatement} (PostgreSQL, outside a transaction): the idempotency lookup,
     * the day's number and the duplicate search are one statement after the checks; a report that fails them is
     * still answered with its earlier case when its key was seen. Otherwise the lookup comes first, and the number
     * is left to the caller.
     */
    private Draft draft(NewCase report, CurrentUser reporter, boolean oneStatement) {
        if (!reporter.can("case:report")) {
            throw DomainException.forbidden("case.report.forbidden");
        }
        if (!oneStatement) {
            Optional<Submitted> earlier = replay(report.idempotencyKey(), reporter);
            if (earlier.isPresent()) {
                return Draft.replaying(earlier.get());
            }
        }
        InvalidInput.Collector errors = new InvalidInput.Collector();
        Channel channel = report.channel() != null ? report.channel() : defaultChannel(reporter);
        Urgency urgency = report.urgency() == null ? Urgency.NORMAL : report.urgency();
        Category category = null;
        if (report.categoryCode() == null || report.categoryCode().isBlank()) {
            errors.add("category", "case.category.required");
        } else {
            category = categories.findByCode(report.categoryCode().strip()).filter(Category::active).orElse(null);
            if (category == null) {
                errors.add("category", "case.category.unknown", report.categoryCode());
            } else if (category.parentId() == null) {
                errors.add("category", "case.category.not-leaf", category.name());
            }
        }
        String description = report.description() == null ? "" : report.description().strip();
        if (description.isEmpty()) {
            errors.add("description", "case.field.required-named", "事件描述");
        } else if (description.length() > 4000) {
            errors.add("description", "case.field.too-long", "事件描述", 4000);
        }
        String title = report.title() == null ? "" : report.title().strip();
        if (title.length() > 200) {
            errors.add("title", "case.field.too-long", "标题", 200);
        }
        if (report.address() != null && report.address().length() > 300) {
            errors.add("address", "case.field.too-long", "地址", 300);
        }
        if (report.idempotencyKey() != null && report.idempotencyKey().length() > 100) {
            errors.add("idempotencyKey", "case.field.too-long", "Idempotency-Key", 100);
        }
        RegionView region = locate(report, reporter, errors);
        String reporterName = blankToNull(report.reporterName());
        String reporterPhone = blankToNull(report.reporterPhone());
        if (reporterName != null && reporterName.length() > 30) {
            errors.add("reporterName", "case.field.too-long", "姓名", 30);
        }
        if (reporterPhone != null && !PHONE.matcher(reporterPhone).matches()) {
            errors.add("reporterPhone", "case.phone.invalid");
        }
        if (report.resolvedOnSpot() && (report.onSpotReply() == null || report.onSpotReply().isBlank())) {
            errors.add("onSpotReply", "case.field.required-named", "就地办结情况");
        }
        List<AttachmentStore.Checked> files = attachments.check(report.attachments(), "attachments", errors);
        Instant now = clock.instant();
        if (report.receivedAt() != null && (report.receivedAt().isAfter(now.plusSeconds(300))
                || report.receivedAt().isBefore(now.minus(java.time.Duration.ofDays(366))))) {
            errors.add("receivedAt", "case.received-at.invalid");
        }
        IntakeFacts.check(report, reporter, defaultChannel(reporter), now, errors);
        if (oneStatement && !errors.isEmpty()) {
            Optional<Submitted> earlier = replay(report.idempotencyKey(), reporter);
            if (earlier.isPresent()) {
                return Draft.replaying(earlier.get());
            }
        }
        errors.throwIfAny();

        List<RegionRef> lineage = regions.lineage(region.id());
        RegionRef town = lineage.stream().filter(r -> r.type() == RegionType.TOWN).findFirst().orElse(null);
        String prefix = town == null ? "HY" : regions.find(town.id()).map(RegionView::abbr)
                .filter(a -> a != null && !a.isBlank()).orElse("HY");
        LocalDate day = LocalDate.ofInstant(now, ZONE);
        Candidates candidates;
        Integer number = null;
        if (oneStatement) {
            CaseQueries.Box box = boxAround(category.id(), report.lat(), report.lng(), null);
            Instant since = now.minus(duplicates.window());
            CaseRepository.IntakeReads read = cases.intakeReads(reporter.id(), blankToNull(report.idempotencyKey()),
                    prefix, day, box, since);
            if (read.earlierId() != null) {
                return Draft.replaying(replayOf(read.earlierId(), reporter));
            }
            candidates = box == null ? Candidates.NONE : candidates(queries.inScope(read.newest(), box, since,
                    scopeOf(reporter)), report.lat(), report.lng(), description, duplicates.shownAtIntake());
            number = read.number();
        } else {
            // read what the intake needs before the town's daily number is taken
            candidates = candidatesFor(category.id(), report.lat(), report.lng(), description, null, reporter, now,
                    duplicates.shownAtIntake());
        }
        return new Draft(null, report, reporter, category, title, description, region, town, prefix, day, candidates,
                reporterName, reporterPhone, channel, urgency, files, now, number);
    }

    private Submitted record(Draft d, int seq) {
        NewCase report = d.report();
        CurrentUser reporter = d.reporter();
        Category category = d.category();
        String title = d.title();
        String description = d.description();
        RegionView region = d.region();
        RegionRef town = d.town();
        String prefix = d.prefix();
        LocalDate day = d.day();
        Candidates candidates = d.candidates();
        String reporterName = d.reporterName();
        String reporterPhone = d.reporterPhone();
        Channel channel = d.channel();
        Urgency urgency = d.urgency();
        List<AttachmentStore.Checked> files = d.files();
        Instant now = d.now();
        String number = Integer.toString(seq);
        String code = prefix + "-" + DAY.format(day) + "-" + "0000".substring(Math.min(4, number.length())) + number;
        if (title.isEmpty()) {
            title = category.name() + "：" + excerpt(description, 30);
        }
        boolean citizenReporter = reporterName != null || reporterPhone != null;
        CaseFile.Reporter who = new CaseFile.Reporter(citizenReporter && !reporter.hasRole(Roles.CITIZEN) ? null : reporter.id(),
                personalData.encrypt(reporterName), personalData.encrypt(reporterPhone),
                PersonalData.maskPhone(reporterPhone),
                reporterPhone == null || reporterPhone.length() < 4 ? null : reporterPhone.substring(reporterPhone.length() - 4));
        CaseFile.Intake intake = new CaseFile.Intake(code, category.kind(), category.id(), channel, urgency, title,
                description, report.lat(), report.lng(), blankToNull(report.address()), region.id(),
                town == null ? null : town.id(), who, reporter.id(), blankToNull(report.idempotencyKey()));
        Tier start = escalation.startTier(category, channel, urgency, reporter.roles(), report.toTown());
        Actor actor = Actor.of(reporter);
        boolean skip = escalation.skipsToTown(start, channel, reporter.roles());

        CaseFile c = CaseFile.report(intake, skip ? Tier.GRID : start, actor, List.of(), now,
                CaseFile.Sla.received(report.receivedAt() == null ? now : report.receivedAt(), report.externalDueAt()));
        if (skip) {
            c.skipToTown(actor, report.toTown() ? "网格员直报镇平台：超出村级处置能力"
                    : urgency == Urgency.EMERGENCY ? "应急突发，直报镇平台" : "该类别由镇级处置，直报镇平台", now);
        }
        List<HistoryDraft> reported = c.drainHistory();
        if (files.isEmpty()) {
            cases.insert(c, reported);
        } else {
            // the report's history entry names the stored photos, which need the case's id first
            long id = cases.insert(c, List.of());
            List<Long> attachmentIds = attachments.store(id, files, reporter.id());
            c.attachmentsCounted(attachmentIds.size());
            HistoryDraft first = reported.get(0);
            List<HistoryDraft> withPhotos = new ArrayList<>(reported);
            withPhotos.set(0, new HistoryDraft(first.action(), first.fromState(), first.toState(), first.tier(),
                    first.departmentId(), first.actorId(), first.actorName(), first.actorRole(), first.note(),
                    attachmentIds, first.at()));
            cases.appendHistory(id, withPhotos);
        }
        c.registerReported();
        if (report.resolvedOnSpot()) {
            c.resolveOnSpot(actor, report.onSpotReply(), List.of(), now);
            if (!cases.update(c, 0)) {
                throw DomainException.conflict("problem.stale");
            }
            c.versionSaved();
        }
        c.drainEvents().forEach(events::publishEvent);
        // the nearest few in a list of their own, not a view of a longer one: the phone page keeps them in the
        // session as a flash attribute
        return new Submitted(view(c, reporter), candidates.nearest(), candidates.count(), false);
    }

    private static Channel defaultChannel(CurrentUser reporter) {
        if (reporter.hasRole(Roles.GRID_WORKER) || reporter.hasRole(Roles.VILLAGE_CADRE)) {
            return Channel.GRID_REPORT;
        }
        if (reporter.hasRole(Roles.CITIZEN)) {
            return Channel.PORTAL;
        }
        return Channel.WALK_IN;
    }

    /** The region of a new case: by geometry from the point, or the chosen region. */
    private RegionView locate(NewCase report, CurrentUser reporter, InvalidInput.Collector errors) {
        boolean hasPoint = report.lat() != null || report.lng() != null;
        if (hasPoint) {
            if (report.lat() == null || report.lng() == null || report.lat() < -90 || report.lat() > 90
                    || report.lng() < -180 || report.lng() > 180) {
                errors.add("location", "case.location.invalid");
                return null;
            }
            GridLocation where = regions.locate(report.lat(), report.lng());
            RegionRef grid = where.finestGrid();
            if (grid == null) {
                errors.add("location", "case.location.outside");
                return null;
            }
            RegionView found = regions.find(grid.id()).orElseThrow();
            if (report.regionId() != null && !report.regionId().equals(found.id())) {
                // a chosen region wins if it contains the point's grid (e.g. the basic grid was chosen)
                RegionView chosen = regions.find(report.regionId()).orElse(null);
                if (chosen != null && found.path().startsWith(chosen.path())) {
                    return checkReporterScope(chosen, reporter, errors);
                }
            }
            return checkReporterScope(found, reporter, errors);
        }
        if (report.regionId() == null) {
            errors.add("location", "case.location.required");
            return null;
        }
        RegionView chosen = regions.find(report.regionId()).filter(r -> !r.retired()).orElse(null);
        if (chosen == null) {
            errors.add("regionId", "case.region.unknown", report.regionId());
            return null;
        }
        return checkReporterScope(chosen, reporter, errors);
    }

    private RegionView checkReporterScope(RegionView region, CurrentUser reporter, InvalidInput.Collector errors) {
        // everyone reports within their scope: staff their grids or town, citizens their town, an outside system its
        // town or county (issue 22: citizens and system accounts filed into any town). The region is not named: it
        // may be one the reporter may not see.
        if (!currentUsers.scopeOf(reporter).covers(region.path())) {
            errors.add("location", "case.location.outside-scope");
            return null;
        }
        return region;
    }

    // ---- actions --------------------------------------------------------------------------

    @Override
    @Transactional
    public CaseView act(long id, CaseAction action, ActionRequest req, CurrentUser user) {
        if (req.version() == null) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("version", "case.version.required", new Object[0])));
        }
        // Start from the copy this node committed last, if it holds one and nothing is written before the case's
        // own version-checked UPDATE (attachments, a merge's lead): if the copy is not what the actor saw, not in
        // their scope, or turns out stale at the UPDATE, the action runs again from the database.
        if (action != CaseAction.MERGE && req.attachments().isEmpty()) {
            Optional<CaseFile> copy = cases.remembered(id);
            if (copy.isPresent() && req.version() == copy.get().version() && user.can("case:view")
                    && inScope(copy.get(), user)) {
                try {
                    CaseView done = act(copy.get(), true, action, req, user);
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
        return act(loadInScope(id, user), false, action, req, user);
    }

    /** The action on {@code c}; null if {@code c} is a remembered copy that another writer has since changed. */
    private CaseView act(CaseFile c, boolean fromCopy, CaseAction action, ActionRequest req, CurrentUser user) {
        long id = c.id();
        // the actor must have seen every change a person made; the system's since (the deadline sweep) do not count
        if (req.version() > c.version() || req.version() < c.actedVersion()) {
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
        Actor actor = Actor.of(user);
        Instant now = clock.instant();
        long expected = c.version();
        InvalidInput.Collector errors = new InvalidInput.Collector();
        List<AttachmentStore.Checked> files = attachments.check(req.attachments(), "attachments", errors);
        errors.throwIfAny();
        List<Long> attachmentIds = files.isEmpty() ? List.of() : attachments.store(id, files, user.id());
        c.attachmentsCounted(c.attachmentCount() + attachmentIds.size());
        String note = req.note();
        switch (action) {
            case RESOLVE_ON_SPOT -> c.resolveOnSpot(actor, note, attachmentIds, now);
            case ESCALATE -> c.escalate(actor, note, attachmentIds, now);
            case REGISTER -> c.register(actor, note, now, limitsFor(c, c.sla().receivedAt()));
            case REJECT -> c.reject(actor, note, now);
            case MERGE -> {
                CaseFile lead = lead(req, user);
                c.mergeInto(actor, lead, note, now);
                cases.countMerged(lead.id());
            }
            case DISPATCH -> {
                DepartmentView dept = dispatchTarget(c, req, user);
                c.dispatch(actor, dept.id(), req.handlerId(), note, now);
            }
            case PARK -> c.park(actor, note, now);
            case RESUME -> c.resume(actor, note, now, timeLimits.resumed(c.sla(), now));
            case TRANSFER -> c.transfer(actor, note, req.receivingBody(), now);
            case ACCEPT -> c.accept(actor, note, now);
            case RETURN -> {
                requireReturnWindow(c, now);
                c.returnToDispatcher(actor, note, now);
            }
            case RESOLVE -> c.resolve(actor, note, attachmentIds, now);
            case VERIFY -> c.verify(actor, note, attachmentIds, now);
            case REOPEN -> c.reopen(actor, note, now, reworkLimits(c, now));
            case CLOSE -> c.close(actor, note, now);
            case REVISIT -> c.revisit(actor, req.satisfaction(), note, now, reworkLimits(c, now));
        }
        if (!cases.update(c, expected)) {
            if (fromCopy) {
                return null;
            }
            throw stale(cases.find(id).orElseThrow());
        }
        c.versionSaved();
        List<CaseEvent> published = c.drainEvents();
        published.forEach(events::publishEvent);
        if (action == CaseAction.CLOSE && c.mergedCount() > 0) {
            followLead(c, actor, now);
        }
        return view(c, user);
    }

    /** The time limits a case is judged by at registration, from the active rule version. */
    CaseFile.Sla limitsFor(CaseFile c, Instant receivedAt) {
        Category category = categories.find(c.intake().categoryId()).orElseThrow();
        List<cn.huying.cases.TimeLimitRule> active = rules.activeRules();
        TimeLimitPolicy.Applied applied = timeLimits.select(active, c.intake().channel(), category.timeLimitKey(),
                c.intake().urgency());
        int version = active.isEmpty() ? 0 : active.get(0).version();
        return timeLimits.limits(receivedAt, c.sla().externalDueAt(), version, applied, 0);
    }

    /** Rework 重办 gets the completion limit of the rule the case was judged by, counted from now. */
    private CaseFile.Sla reworkLimits(CaseFile c, Instant now) {
        if (c.sla().ruleId() == null) {
            return c.sla();
        }
        cn.huying.cases.TimeLimitRule rule = rules.find(c.sla().ruleId()).orElse(null);
        if (rule == null) {
            return c.sla();
        }
        CaseFile.Sla fresh = timeLimits.limits(now, null, c.sla().ruleVersion(), new TimeLimitPolicy.Applied(rule, null), 0);
        return new CaseFile.Sla(c.sla().receivedAt(), c.sla().externalDueAt(), fresh.ruleVersion(), fresh.ruleId(),
                c.sla().firstContactDueAt(), c.sla().firstContactedAt(), fresh.dueAt(), fresh.assumed(), 0,
                fresh.yellowAt(), fresh.redAt(), 0, fresh.nextSlaAt(), null, fresh.progressDueAt(), null);
    }

    /** 超范围回退: within {@code huying.sla.return-window-days} working days of dispatch, else refused with why. */
    private void requireReturnWindow(CaseFile c, Instant now) {
        if (c.dispatchedAt() == null) {
            return;
        }
        Instant last = timeLimits.endOfNthWorkdayAfter(c.dispatchedAt(), slaProperties.returnWindowDays());
        if (now.isAfter(last)) {
            throw DomainException.conflict("case.return.too-late", slaProperties.returnWindowDays(),
                    DAY_TEXT.format(c.dispatchedAt().atZone(ZONE)), DAY_TEXT.format(last.atZone(ZONE)));
        }
    }

    private static final DateTimeFormatter DAY_TEXT = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** 重复件随主件: when a lead case closes, every merged case gets its answer and its reporter is told. */
    private void followLead(CaseFile lead, Actor actor, Instant now) {
        cases.shareReplyWithMerged(lead.id(), lead.reply(), now);
        for (CaseFile merged : cases.findMergedInto(lead.id())) {
            cases.appendHistory(merged.id(), List.of(new HistoryDraft("FOLLOW_LEAD", CaseState.MERGED, CaseState.MERGED,
                    merged.tier(), lead.departmentId(), actor.userId(), actor.name(), null,
                    "主件 " + lead.code() + " 已结案：" + (lead.reply() == null ? "" : lead.reply()), List.of(), now)));
            CaseEvent.Facts facts = new CaseEvent.Facts(merged.id(), merged.code(), merged.intake().title(),
                    merged.intake().channel(), CaseState.MERGED, merged.tier(), lead.departmentId(),
                    merged.intake().regionId(), actor.userId(), now);
            events.publishEvent(new CaseEvent.CaseClosed(facts));
            if (merged.intake().reporter().phoneEncrypted() != null) {
                events.publishEvent(new CaseEvent.CitizenToBeTold(facts));
            }
        }
    }

    private CaseFile lead(ActionRequest req, CurrentUser user) {
        if (req.leadCaseId() == null) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("leadCaseId", "case.merge.lead-required", new Object[0])));
        }
        return loadInScope(req.leadCaseId(), user);
    }

    private DepartmentView dispatchTarget(CaseFile c, ActionRequest req, CurrentUser user) {
        if (req.departmentId() == null) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("departmentId", "case.dispatch.department-required",
                    new Object[0])));
        }
        DepartmentView dept = departments.get(req.departmentId(), currentUsers.scopeOf(user));
        if (dept.retired()) {
            throw DomainException.invalid("case.dispatch.department-retired", dept.name());
        }
        if (req.handlerId() != null && accounts.findByDepartmentAndRole(dept.id(), Roles.HANDLER).stream()
                .noneMatch(h -> h.id() == req.handlerId())) {
            throw DomainException.invalid("case.dispatch.handler-not-in-department", dept.name());
        }
        return dept;
    }

    private DomainException stale(CaseFile current) {
        return DomainException.conflict("case.stale", current.code(), current.state().label(), current.version());
    }

    // ---- reads ----------------------------------------------------------------------------

    /** 409 while a module holds the case (the case hand-off). */
    void refuseWhileClaimed(long id, String what) {
        claims.refuseWhileClaimed(id, what);
    }

    CaseScope caseScope(CurrentUser user) {
        return scopeOf(user);
    }

    private CaseScope scopeOf(CurrentUser user) {
        return CaseScope.of(user, currentUsers.scopeOf(user));
    }

    CaseFile loadInScope(long id, CurrentUser user) {
        CaseFile c = cases.find(id).orElseThrow(() -> DomainException.notFound("case.not-found", id));
        requireInScope(c, user);
        return c;
    }

    private void requireInScope(CaseFile c, CurrentUser user) {
        if (!user.can("case:view")) {
            throw DomainException.forbidden("case.view.forbidden");
        }
        if (!inScope(c, user)) {
            audit.record(SCOPE_DENIED, "case:" + c.id(), "outside scope");
            throw DomainException.notFound("case.not-found", c.id());
        }
    }

    private boolean inScope(CaseFile c, CurrentUser user) {
        String path = paths.pathOf(c.intake().regionId()).orElse("");
        return scopeOf(user).covers(path, c.departmentId(), c.intake().reporter().userId(), c.intake().createdBy());
    }

    @Override
    public CaseView get(long id, CurrentUser viewer) {
        return view(loadInScope(id, viewer), viewer);
    }

    @Override
    public CaseView getByCode(String code, CurrentUser viewer) {
        CaseFile c = cases.findByCode(code).orElseThrow(() -> DomainException.notFound("case.not-found", code));
        requireInScope(c, viewer);
        return view(c, viewer);
    }

    @Override
    public Optional<CaseView> find(long id) {
        return cases.find(id).map(c -> view(c, null));
    }

    @Override
    public PageResult<CaseSummary> list(CaseQuery query, CurrentUser viewer) {
        if (!viewer.can("case:view")) {
            throw DomainException.forbidden("case.view.forbidden");
        }
        CaseScope scope = scopeOf(viewer);
        String regionLike = null;
        String regionPath = null;
        if (query.regionId() != null) {
            RegionView region = regions.get(query.regionId(), scope.regions());
            regionPath = region.path();
            regionLike = regionPath + "%";
        }
        // the index knows no creator: an integration's own cases are searched in SQL
        CaseSearchIndex index = query.q() == null || query.q().isBlank() || scope.creatorUserId() != null ? null
                : search.searchable();
        if (index != null) {
            // the text search in this node's index (total + the page's ids), then the page's rows by id
            long cap = CappedCount.capFor(query.page());
            CaseSearchIndex.Hits hits = index.search(query, scope, regionPath, cap);
            return PageResult.capped(queries.pageOf(hits.ids(), query, scope, regionLike), hits.total(), cap,
                    query.page().page(), query.page().size());
        }
        List<CaseSummary> items = queries.page(query, scope, regionLike);
        long cap = CappedCount.capFor(query.page());
        long counted = queries.count(query, scope, regionLike, cap);
        return PageResult.capped(items, counted, cap, query.page().page(), query.page().size());
    }

    @Override
    public List<HistoryView> history(long id, CurrentUser viewer) {
        loadInScope(id, viewer);
        List<HistoryView> history = queries.history(id);
        // an integration passes what it reads on to the citizen: it sees what the citizen sees
        return viewer.hasRole(Roles.CITIZEN) || viewer.hasRole(Roles.SYSTEM)
                ? history.stream().map(HistoryView::asSeenByCitizen).toList() : history;
    }

    @Override
    public List<DuplicateCandidate> duplicates(long id, CurrentUser viewer) {
        CaseFile c = loadInScope(id, viewer);
        return candidatesFor(c.intake().categoryId(), c.intake().lat(), c.intake().lng(), c.intake().description(),
                c.id(), viewer, c.createdAt(), Integer.MAX_VALUE).nearest();
    }

    @Override
    public Contact contact(long id, CurrentUser viewer) {
        CaseFile c = loadInScope(id, viewer);
        if (!viewer.can("case:view-contact")) {
            throw DomainException.forbidden("case.contact.forbidden");
        }
        CaseFile.Reporter r = c.intake().reporter();
        String name = personalData.decrypt(r.nameEncrypted());
        String phone = personalData.decrypt(r.phoneEncrypted());
        if (name == null && r.userId() != null) {
            name = accounts.findById(r.userId()).map(UserAccounts.UserSummary::displayName).orElse(null);
        }
        audit.record("PII_VIEW", "case:" + id, "reporter contact");
        return new Contact(name, phone);
    }

    @Override
    public Optional<String> notificationPhone(long id) {
        return cases.find(id).map(c -> personalData.decrypt(c.intake().reporter().phoneEncrypted()));
    }

    private Candidates candidatesFor(long categoryId, Double lat, Double lng, String description, Long excludeId,
                                     CurrentUser viewer, Instant at, int shown) {
        CaseQueries.Box box = boxAround(categoryId, lat, lng, excludeId);
        return box == null ? Candidates.NONE : candidates(queries.nearby(box, at.minus(duplicates.window()),
                scopeOf(viewer)), lat, lng, description, shown);
    }

    /** The duplicate search's box around a point ({@link CaseQueries#box}); null without a point. */
    private CaseQueries.Box boxAround(long categoryId, Double lat, Double lng, Long excludeId) {
        if (lat == null || lng == null) {
            return null;
        }
        return CaseQueries.box(categoryId, lat - duplicates.latDelta(), lat + duplicates.latDelta(),
                lng - duplicates.lngDelta(lat), lng + duplicates.lngDelta(lat), excludeId);
    }

    /** The duplicate candidates of a point: the {@code nearest} first ones and how many there are in all. */
    private record Candidates(List<DuplicateCandidate> nearest, int count) {

        static final Candidates NONE = new Candidates(List.of(), 0);
    }

    /**
     * Of the open cases near a point, those near enough to be duplicates, nearest first: the first {@code shown}
     * with their text likeness (the answer to a report carries five; the likeness is worked out for those only),
     * and how many there are.
     */
    private Candidates candidates(List<CaseQueries.Nearby> nearby, double lat, double lng, String description,
                                  int shown) {
        record Near(CaseQueries.Nearby n, long meters) {
        }
        List<Near> near = new ArrayList<>(nearby.size());
        for (CaseQueries.Nearby n : nearby) {
            double m = DuplicatePolicy.distance(lat, lng, n.lat(), n.lng());
            if (duplicates.near(m)) {
                near.add(new Near(n, Math.round(m)));
            }
        }
        // nearest first; of two as near, the newer first (the order the search gives: the sort is stable)
        near.sort(Comparator.comparingLong(Near::meters));
        int[] mine = DuplicatePolicy.bigrams(description);
        List<DuplicateCandidate> out = new ArrayList<>(Math.min(shown, near.size()));
        for (Near x : near.subList(0, Math.min(shown, near.size()))) {
            CaseQueries.Nearby n = x.n();
            out.add(new DuplicateCandidate(n.id(), n.code(), n.title(), n.state(), n.state().label(), x.meters(),
                    n.createdAt(), DuplicatePolicy.textSimilarity(mine, n.description())));
        }
        return new Candidates(out, near.size());
    }

    CaseView view(CaseFile c, CurrentUser viewer) {
        CaseFile.Intake i = c.intake();
        // the category as it stood when the case was reported (categories are versioned)
        Category category = categories.asOf(i.categoryId(), c.createdAt()).orElse(null);
        String regionName = regions.find(i.regionId()).map(RegionView::name).orElse(null);
        String departmentName = c.departmentId() == null ? null
                : departments.find(c.departmentId()).map(DepartmentView::name).orElse(null);
        String reporterName = i.reporter().nameEncrypted() != null
                ? PersonalData.maskName(personalData.decrypt(i.reporter().nameEncrypted())) : null;
        List<Tier> tierPath = new ArrayList<>();
        for (String t : c.tierPath().split(",")) {
            tierPath.add(Tier.valueOf(t));
        }
        Set<CaseAction> allowed = viewer == null || (c.state() == CaseState.ACCEPTED && claims.claimed(c.id())) ? Set.of()
                : allowedActions(c, viewer);
        List<CaseView.AttachmentInfo> files = c.attachmentCount() == 0 ? List.of() : attachments.forCase(c.id()).stream()
                .map(a -> new CaseView.AttachmentInfo(a.id(), a.fileName(), a.contentType(), a.size())).toList();
        return new CaseView(c.id(), c.code(), i.kind(), i.kind().label(), i.categoryId(),
                category == null ? null : category.name(), i.channel(), i.channel().label(), i.urgency(), i.title(),
                i.description(), i.lat(), i.lng(), i.address(), i.regionId(), regionName, i.townId(), reporterName,
                i.reporter().phoneMasked(), c.state(), c.state().label(), c.tier(), c.tier().label(), tierPath,
                c.resolvedTier(), c.departmentId(), departmentName, c.handlerId(), c.leadCaseId(), c.reworkCount(),
                c.satisfaction(), c.reply(), c.createdAt(), c.updatedAt(), c.dispatchedAt(), c.acceptedAt(),
                c.resolvedAt(), c.closedAt(), c.version(), allowed, files, timeLimitsView(c));
    }

    CaseView.TimeLimits timeLimitsView(CaseFile c) {
        CaseFile.Sla sla = c.sla();
        if (sla == null || sla.dueAt() == null) {
            return sla == null ? null : new CaseView.TimeLimits(sla.receivedAt(), null, null, null, null, null, false, null,
                    null, "NONE");
        }
        String label = sla.ruleId() == null ? null
                : rules.find(sla.ruleId()).map(cn.huying.cases.TimeLimitRule::label).orElse(null);
        return new CaseView.TimeLimits(sla.receivedAt(), sla.ruleVersion(), label, sla.firstContactDueAt(),
                sla.firstContactedAt(), sla.dueAt(), sla.assumed(), sla.yellowAt(), sla.redAt(), light(c, clock.instant()));
    }

    private static final Set<CaseState> FINISHED = java.util.Collections.unmodifiableSet(EnumSet.of(CaseState.RESOLVED,
            CaseState.VERIFIED, CaseState.CLOSED, CaseState.REVISITED, CaseState.MERGED, CaseState.REJECTED));

    /** The traffic light of a case now: GREEN, YELLOW, RED, STOPPED (off the clock), DONE or NONE. */
    static String light(CaseFile c, Instant now) {
        CaseFile.Sla sla = c.sla();
        if (sla == null || sla.dueAt() == null) {
            return "NONE";
        }
        if (FINISHED.contains(c.state())) {
            return c.resolvedAt() != null && c.resolvedAt().isAfter(sla.dueAt()) ? "LATE" : "DONE";
        }
        if (sla.clockStoppedAt() != null) {
            return "STOPPED";
        }
        if (!now.isBefore(sla.redAt())) {
            return "RED";
        }
        return !now.isBefore(sla.yellowAt()) ? "YELLOW" : "GREEN";
    }

    /** The actions this user may take on the case now ({@link ActionPolicy}). */
    Set<CaseAction> allowedActions(CaseFile c, CurrentUser user) {
        return ActionPolicy.allowed(c.state(), c.tier(), c.departmentId(), c.intake().reporter().userId(), user);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static String excerpt(String s, int max) {
        String t = SPACES.matcher(s).replaceAll(" ");
        return t.length() <= max ? t : t.substring(0, max) + "…";
    }
}
