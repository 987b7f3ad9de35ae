package cn.huying.cases.internal;

import cn.huying.cases.Cases.Submitted;
import cn.huying.cases.Category;
import cn.huying.cases.Channel;
import cn.huying.cases.NewCase;
import cn.huying.cases.Tier;
import cn.huying.cases.Urgency;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.PersonalData;
import cn.huying.identity.Roles;
import cn.huying.region.GridLocation;
import cn.huying.region.RegionRef;
import cn.huying.region.RegionType;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake 受理登记: a report is read and checked, numbered with the town's number of the day and written with its
 * first history entry; duplicates nearby are answered with it. One transaction for the write; the reads before it
 * share a connection but no transaction.
 */
@Component
class CaseIntake {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern PHONE = Pattern.compile("^(1\\d{10}|0\\d{2,3}-?\\d{7,8}|\\d{5,8})$");

    private final CaseRepository cases;
    private final CaseNumbers numbers;
    private final CaseReads reads;
    private final CaseQueries queries;
    private final CategoryRepository categories;
    private final AttachmentStore attachments;
    private final EscalationPolicy escalation;
    private final DuplicateSearch search;
    private final DuplicatePolicy duplicates;
    private final Regions regions;
    private final CurrentUsers currentUsers;
    private final PersonalData personalData;
    private final Clock clock;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;

    CaseIntake(CaseRepository cases, CaseNumbers numbers, CaseReads reads, CaseQueries queries,
               CategoryRepository categories, AttachmentStore attachments, EscalationPolicy escalation,
               DuplicateSearch search, Regions regions, CurrentUsers currentUsers, PersonalData personalData,
               Clock clock, PlatformTransactionManager transactions) {
        this.cases = cases;
        this.numbers = numbers;
        this.reads = reads;
        this.queries = queries;
        this.categories = categories;
        this.attachments = attachments;
        this.escalation = escalation;
        this.search = search;
        this.duplicates = search.policy();
        this.regions = regions;
        this.currentUsers = currentUsers;
        this.personalData = personalData;
        this.clock = clock;
        // the intake's reads share one connection but no transaction: each is one statement, none needs the
        // others' snapshot, and a transaction would cost a round trip for its COMMIT. Not read-only: on PostgreSQL
        // the statement that reads also takes the day's number (CaseNumbers.intakeReads), committing on its own.
        this.reading = new TransactionTemplate(transactions);
        this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
        this.writing = new TransactionTemplate(transactions);
    }


    /** The replay of an earlier intake with the same idempotency key, if there was one. */
    Optional<Submitted> replay(String idempotencyKey, CurrentUser reporter) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return Optional.empty();
        }
        return cases.findByIdempotencyKey(reporter.id(), idempotencyKey.strip()).map(id -> replayOf(id, reporter));
    }

    /** The answer to a repeated Idempotency-Key: the case it created, as the reporter sees it now. */
    private Submitted replayOf(long caseId, CurrentUser reporter) {
        return new Submitted(reads.view(cases.find(caseId).orElseThrow(), reporter), List.of(), 0, true);
    }

    Submitted submit(NewCase report, CurrentUser reporter) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // inside the caller's transaction (e.g. a hotline import): one unit, the day's number taken in it
            Draft d = draft(report, reporter, false);
            return d.replayed() != null ? d.replayed() : record(d, numbers.nextSequence(d.prefix(), d.day()));
        }
        // Read and check (one connection for the reads, no transaction), take the day's number in a statement that
        // commits on its own (the town's counter row is then locked for that one UPDATE, not until the intake
        // commits: every intake of a town waited on it in turn), then write the case. A number whose intake then
        // fails is skipped. On PostgreSQL the number is taken by the statement that reads (CaseRepository.intakeReads).
        Draft d = reading.execute(status -> draft(report, reporter, numbers.readsInOneStatement()));
        if (d.replayed() != null) {
            return d.replayed();
        }
        int seq = d.number() != null ? d.number() : numbers.takeNumberAlone(d.prefix(), d.day());
        return writing.execute(status -> record(d, seq));
    }

    /** What an intake has read and checked before it is numbered; {@code replayed} for a repeated Idempotency-Key. */
    private record Draft(Submitted replayed, NewCase report, CurrentUser reporter, Category category, String title,
                         String description, RegionView region, RegionRef town, String prefix, LocalDate day,
                         DuplicateSearch.Candidates candidates, String reporterName, String reporterPhone,
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
        LocalDate day = LocalDate.ofInstant(now, clock.getZone());
        DuplicateSearch.Candidates candidates;
        Integer number = null;
        if (oneStatement) {
            CaseQueries.Box box = search.boxAround(category.id(), report.lat(), report.lng(), null);
            Instant since = now.minus(duplicates.window());
            CaseNumbers.IntakeReads read = numbers.intakeReads(reporter.id(), blankToNull(report.idempotencyKey()),
                    prefix, day, box, since);
            if (read.earlierId() != null) {
                return Draft.replaying(replayOf(read.earlierId(), reporter));
            }
            candidates = box == null ? DuplicateSearch.Candidates.NONE : search.candidates(queries.inScope(read.newest(), box,
                    since, reads.caseScope(reporter)), report.lat(), report.lng(), description, duplicates.shownAtIntake());
            number = read.number();
        } else {
            // read what the intake needs before the town's daily number is taken
            candidates = search.candidatesFor(category.id(), report.lat(), report.lng(), description, null, reporter, now,
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
        DuplicateSearch.Candidates candidates = d.candidates();
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
                Sla.received(report.receivedAt() == null ? now : report.receivedAt(), report.externalDueAt()));
        if (skip) {
            c.skipToTown(actor, report.toTown() ? "网格员直报镇平台：超出村级处置能力"
                    : urgency == Urgency.EMERGENCY ? "应急突发，直报镇平台" : "该类别由镇级处置，直报镇平台", now);
        }
        c.registerReported();
        if (files.isEmpty()) {
            cases.insert(c, true);
        } else {
            // the report's history entry names the stored photos, which need the case's id first
            List<HistoryDraft> reported = c.drainHistory();
            long id = cases.insert(c, false);
            List<Long> attachmentIds = attachments.store(id, files, reporter.id());
            c.attachmentsCounted(attachmentIds.size());
            HistoryDraft first = reported.get(0);
            List<HistoryDraft> withPhotos = new ArrayList<>(reported);
            withPhotos.set(0, new HistoryDraft(first.action(), first.fromState(), first.toState(), first.tier(),
                    first.departmentId(), first.actorId(), first.actorName(), first.actorRole(), first.note(),
                    attachmentIds, first.at()));
            cases.appendNotes(id, withPhotos);
        }
        if (report.resolvedOnSpot()) {
            c.resolveOnSpot(actor, report.onSpotReply(), List.of(), now);
            if (!cases.save(c, 0)) {
                throw DomainException.conflict("problem.stale");
            }
        }
        // the nearest few in a list of their own, not a view of a longer one: the phone page keeps them in the
        // session as a flash attribute
        return new Submitted(reads.view(c, reporter), candidates.nearest(), candidates.count(), false);
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


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static String excerpt(String s, int max) {
        String t = SPACES.matcher(s).replaceAll(" ");
        return t.length() <= max ? t : t.substring(0, max) + "…";
    }
}
