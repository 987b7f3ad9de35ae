package cn.huying.mediation.internal;

import cn.huying.cases.CaseHandOff;
import cn.huying.identity.AuditLog;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.PersonalData;
import cn.huying.identity.UserAccounts;
import cn.huying.mediation.DisputeState;
import cn.huying.mediation.MediationPermissions;
import cn.huying.region.Regions;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mediators' work on a dispute: meetings 调解会 with attachments, the outcome with its document (调解协议书 or
 * the routes notice), performance follow-up 履行回访, judicial confirmation 司法确认; and the reads of one dispute
 * (parties masked; the full view audited). Each call is one transaction.
 */
@Service
public class DisputeWork {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final DisputeIntake intake;
    private final DisputeStore store;
    private final DisputeReads reads;
    private final CaseHandOff handOff;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final UserAccounts accounts;
    private final Regions regions;
    private final AgreementDocuments documents;
    private final MediationSettings settings;
    private final Clock clock;

    DisputeWork(DisputeIntake intake, DisputeStore store, DisputeReads reads, CaseHandOff handOff,
                PersonalData personalData, AuditLog audit, UserAccounts accounts, Regions regions,
                AgreementDocuments documents, MediationSettings settings, Clock clock) {
        this.intake = intake;
        this.store = store;
        this.reads = reads;
        this.handOff = handOff;
        this.personalData = personalData;
        this.audit = audit;
        this.accounts = accounts;
        this.regions = regions;
        this.documents = documents;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- reads ---------------------------------------------------------------------------------

    public Disputes.Detail detail(long id, CurrentUser user) {
        DisputeReads.Row row = intake.visible(id, user);
        Map<Long, String> names = new HashMap<>();
        for (long m : reads.mediatorIds(id)) {
            names.put(m, accounts.findById(m).map(UserAccounts.UserSummary::displayName).orElse("#" + m));
        }
        Instant agreed = row.summary().state() == DisputeState.SUCCEEDED ? row.summary().concludedAt() : null;
        return new Disputes.Detail(row.summary(), row.caseId(), row.facts(),
                regions.find(row.regionId()).map(r -> r.name()).orElse(null), row.courtReference(), row.outcomeNote(),
                DisputeReads.routes(row.routes()).stream().map(r -> DisputeInput.Route.valueOf(r).label).toList(),
                row.terms(), row.performanceDue(), row.performanceNote(), row.confirmAppliedAt(), row.confirmDecidedAt(),
                row.confirmNote(), agreed == null ? null : settings.confirmDeadline(agreed), row.version(),
                reads.parties(id), reads.mediators(id, names), reads.meetings(id), reads.documents(id), reads.log(id));
    }

    /** The parties in full: only with {@link MediationPermissions#PARTY_VIEW}, and audited as PII_VIEW. */
    @Transactional
    public List<Disputes.PartyFull> parties(long id, CurrentUser user) {
        intake.visible(id, user);
        if (!user.can(MediationPermissions.PARTY_VIEW)) {
            audit.record("ACCESS_DENIED", "dispute:" + id, "parties full view");
            throw DomainException.forbidden("mediation.parties.forbidden");
        }
        audit.record("PII_VIEW", "dispute:" + id, "parties full view");
        return full(id);
    }

    private List<Disputes.PartyFull> full(long id) {
        List<Disputes.PartyFull> out = new ArrayList<>();
        for (DisputeStore.StoredParty p : store.storedParties(id)) {
            out.add(new Disputes.PartyFull(p.id(), p.side(), PartySides.label(p.side()), personalData.decrypt(p.nameEnc()),
                    personalData.decrypt(p.idEnc()), personalData.decrypt(p.phoneEnc())));
        }
        return out;
    }

    /** A document kept with the dispute; the agreement and the notice carry full personal data (audited). */
    public Disputes.StoredDocument document(long id, long documentId, CurrentUser user) {
        intake.visible(id, user);
        Disputes.StoredDocument d = store.document(id, documentId)
                .orElseThrow(() -> DomainException.notFound("mediation.document.not-found", documentId));
        if (!"ATTACHMENT".equals(d.kind())) {
            if (!user.can(MediationPermissions.PARTY_VIEW)) {
                throw DomainException.forbidden("mediation.parties.forbidden");
            }
            audit.record("PII_VIEW", "dispute:" + id, "document " + d.fileName());
        }
        return d;
    }

    // ---- meetings ------------------------------------------------------------------------------

    @Transactional
    public long meeting(long id, DisputeInput.Meeting in, CurrentUser user) {
        DisputeReads.Row row = intake.visible(id, user);
        DisputeIntake.requireMediating(row);
        intake.requireWorker(row, user);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        Instant heldAt = DisputeInput.dateTime(in.heldAt(), "heldAt", clock.getZone(), errors);
        String place = DisputeInput.text(in.place(), "place", "调解地点", 200, false, errors);
        String video = DisputeInput.text(in.videoLink(), "videoLink", "视频链接", 300, false, errors);
        if (place == null && video == null && !errors.has("place") && !errors.has("videoLink")) {
            errors.add("place", "mediation.meeting.where");
        }
        String attendees = DisputeInput.text(in.attendees(), "attendees", "参加人员", 1000, true, errors);
        String minutes = DisputeInput.text(in.minutes(), "minutes", "调解记录", 8000, true, errors);
        errors.throwIfAny();
        Instant now = clock.instant();
        long meetingId = store.insertMeeting(id, heldAt, place, video, attendees, minutes, user.id(), now);
        long n = store.countMeetings(id);
        store.log(id, "MEETING", "第" + n + "次调解会，" + (place != null ? place : "视频调解"), user.id(),
                user.displayName(), now);
        intake.progress(row.caseId(), "矛盾纠纷 " + row.summary().code() + " 第" + n + "次调解会："
                + (minutes.length() > 60 ? minutes.substring(0, 60) + "…" : minutes), user);
        return meetingId;
    }

    @Transactional
    public long attach(long id, long meetingId, String fileName, String contentType, byte[] content, CurrentUser user) {
        DisputeReads.Row row = intake.visible(id, user);
        intake.requireWorker(row, user);
        if (!store.meetingOf(meetingId, id)) {
            throw DomainException.notFound("mediation.meeting.not-found", meetingId);
        }
        if (content == null || content.length == 0) {
            throw DomainException.invalid("mediation.attachment.empty");
        }
        if (content.length > 10 * 1024 * 1024) {
            throw DomainException.invalid("mediation.attachment.too-large", 10);
        }
        String name = fileName == null || fileName.isBlank() ? "附件" : fileName.strip();
        long docId = store.insertDocument(id, meetingId, "ATTACHMENT", name.length() > 200 ? name.substring(0, 200) : name,
                contentType == null ? "application/octet-stream" : contentType, content, user.id(), clock.instant());
        store.log(id, "ATTACHMENT", "调解会附件：" + name, user.id(), user.displayName(), clock.instant());
        return docId;
    }

    // ---- outcome -------------------------------------------------------------------------------

    @Transactional
    public long outcome(long id, DisputeInput.Outcome in, CurrentUser user) {
        DisputeReads.Row row = intake.visible(id, user);
        DisputeIntake.requireMediating(row);
        intake.requireWorker(row, user);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String result = DisputeInput.upper(in.result());
        DisputeState state = "SUCCEEDED".equals(result) ? DisputeState.SUCCEEDED : "FAILED".equals(result)
                ? DisputeState.FAILED : "TERMINATED".equals(result) ? DisputeState.TERMINATED : null;
        if (state == null) {
            errors.add("result", "mediation.outcome.unknown", in.result() == null ? "" : in.result());
            errors.throwIfAny();
        }
        Instant now = clock.instant();
        Detail d = new Detail(detail(id, user), full(id));
        if (state == DisputeState.SUCCEEDED) {
            String terms = DisputeInput.text(in.terms(), "terms", "协议条款", 4000, false, errors);
            if (terms == null && !errors.has("terms")) {
                errors.add("terms", "mediation.terms.required");
            }
            BigDecimal amount = DisputeInput.amount(in.amount(), "amount", errors);
            LocalDate performDue = DisputeInput.date(in.performanceDue(), "performanceDue", errors);
            if (amount != null && performDue == null && !errors.has("performanceDue")) {
                errors.add("performanceDue", "mediation.performance-due.required");
            }
            errors.throwIfAny();
            byte[] docx = documents.agreement(d.view(), d.parties(), terms, amount, performDue, user.displayName(), now);
            if (!store.update(id, row.version(), "state = 'SUCCEEDED', concluded_at = ?, terms = ?, agreed_amount = ?,"
                            + " performance_due = ?, performance_state = 'PENDING', confirm_state = 'NONE',"
                            + " next_check_at = ?", DisputeStore.utc(now), terms, amount,
                    performDue == null ? null : java.sql.Date.valueOf(performDue),
                    DisputeStore.utc(settings.confirmReminderAt(now)))) {
                throw DomainException.conflict("mediation.stale", row.summary().code());
            }
            long doc = store.insertDocument(id, null, "AGREEMENT", row.summary().code() + "-调解协议书.docx", DOCX, docx,
                    user.id(), now);
            store.log(id, "SUCCEEDED", "调解成功，签订调解协议书" + (amount == null ? "" : "，金额 " + amount.toPlainString()
                    + " 元，履行期限 " + performDue), user.id(), user.displayName(), now);
            finish(row, "调解成功，已签订人民调解协议书：" + terms, user, now);
            return doc;
        }
        String note = DisputeInput.text(in.note(), "note", "调解情况", 4000, true, errors);
        Set<String> routes = new LinkedHashSet<>();
        for (String r : in.routes()) {
            try {
                routes.add(DisputeInput.Route.valueOf(DisputeInput.upper(r)).name());
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add("routes", "mediation.route.unknown", r == null ? "" : r);
            }
        }
        if (routes.isEmpty() && !errors.has("routes")) {
            errors.add("routes", "mediation.route.required");
        }
        errors.throwIfAny();
        List<String> labels = routes.stream().map(r -> DisputeInput.Route.valueOf(r).label).toList();
        byte[] docx = documents.routes(d.view(), d.parties(), state, note, labels, user.displayName(), now);
        if (!store.update(id, row.version(), "state = ?, concluded_at = ?, outcome_note = ?, routes = ?, next_check_at = NULL",
                state.name(), DisputeStore.utc(now), note, String.join(",", routes))) {
            throw DomainException.conflict("mediation.stale", row.summary().code());
        }
        long doc = store.insertDocument(id, null, "ROUTES", row.summary().code() + "-" + state.label() + "告知书.docx",
                DOCX, docx, user.id(), now);
        store.log(id, state.name(), state.label() + "：" + note + "；告知当事人可" + String.join("、", labels), user.id(),
                user.displayName(), now);
        finish(row, state.label() + "：" + note + "。已书面告知当事人可" + String.join("、", labels), user, now);
        return doc;
    }

    private record Detail(Disputes.Detail view, List<Disputes.PartyFull> parties) {
    }

    /** The case is answered; a court that entrusted the dispute gets the result back. */
    private void finish(DisputeReads.Row row, String reply, CurrentUser user, Instant now) {
        if (row.summary().courtMode() != null) {
            store.log(row.summary().id(), "COURT_RESULT", "调解结果已反馈人民法庭（" + row.courtReference() + "）", user.id(),
                    user.displayName(), now);
        }
        if (handOff.openClaim(row.caseId()).filter(k -> DisputeIntake.MODULE.equals(k.module())).isPresent()) {
            handOff.resolve(row.caseId(), DisputeIntake.MODULE, reply.length() > 3900 ? reply.substring(0, 3900) : reply,
                    user);
        }
    }

    // ---- after the agreement -------------------------------------------------------------------

    /** 履行回访: PERFORMED 已履行, PARTIAL 部分履行, DEFAULTED 未履行. */
    @Transactional
    public void performance(long id, String state, String note, CurrentUser user) {
        DisputeReads.Row row = intake.visible(id, user);
        intake.requireWorker(row, user);
        requireAgreement(row);
        String s = DisputeInput.upper(state);
        if (s == null || !Set.of("PERFORMED", "PARTIAL", "DEFAULTED").contains(s)) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("state", "mediation.performance.unknown",
                    new Object[]{state == null ? "" : state})));
        }
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String text = DisputeInput.text(note, "note", "履行情况", 1000, true, errors);
        errors.throwIfAny();
        Instant now = clock.instant();
        if (!store.update(id, row.version(), "performance_state = ?, performance_note = ?, performed_at = ?", s, text,
                DisputeStore.utc(now))) {
            throw DomainException.conflict("mediation.stale", row.summary().code());
        }
        store.log(id, "PERFORMANCE", performanceLabel(s) + "：" + text, user.id(), user.displayName(), now);
    }

    static String performanceLabel(String s) {
        return s == null ? "待履行" : switch (s) {
            case "PERFORMED" -> "已履行";
            case "PARTIAL" -> "部分履行";
            case "DEFAULTED" -> "未履行";
            default -> "待履行";
        };
    }

    /** 司法确认 applied for, jointly, within the window from the agreement; after it: 409. */
    @Transactional
    public void applyConfirmation(long id, CurrentUser user) {
        DisputeReads.Row row = intake.visible(id, user);
        intake.requireWorker(row, user);
        requireAgreement(row);
        if (!"NONE".equals(row.summary().confirmState())) {
            throw DomainException.conflict("mediation.confirm.already", row.summary().code());
        }
        Instant now = clock.instant();
        Instant deadline = settings.confirmDeadline(row.summary().concludedAt());
        if (now.isAfter(deadline)) {
            throw DomainException.conflict("mediation.confirm.too-late", settings.confirmWindowDays(),
                    LocalDate.ofInstant(deadline, clock.getZone()));
        }
        if (!store.update(id, row.version(), "confirm_state = 'APPLIED', confirm_applied_at = ?, next_check_at = NULL",
                DisputeStore.utc(now))) {
            throw DomainException.conflict("mediation.stale", row.summary().code());
        }
        store.log(id, "CONFIRM_APPLIED", "双方当事人共同向人民法庭申请司法确认", user.id(), user.displayName(), now);
    }

    /** The court's decision on the confirmation: CONFIRMED 确认有效 or REJECTED 不予确认. */
    @Transactional
    public void decideConfirmation(long id, Boolean confirmed, String note, CurrentUser user) {
        DisputeReads.Row row = intake.visible(id, user);
        intake.requireWorker(row, user);
        if (!"APPLIED".equals(row.summary().confirmState())) {
            throw DomainException.conflict("mediation.confirm.not-applied", row.summary().code());
        }
        if (confirmed == null) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("confirmed", "mediation.field.required",
                    new Object[]{"法院裁定结果"})));
        }
        Instant now = clock.instant();
        String text = note == null || note.isBlank() ? null : note.strip();
        if (!store.update(id, row.version(), "confirm_state = ?, confirm_decided_at = ?, confirm_note = ?",
                confirmed ? "CONFIRMED" : "REJECTED", DisputeStore.utc(now), text)) {
            throw DomainException.conflict("mediation.stale", row.summary().code());
        }
        store.log(id, confirmed ? "CONFIRMED" : "CONFIRM_REJECTED", (confirmed ? "人民法庭裁定调解协议有效" : "人民法庭裁定不予确认")
                + (text == null ? "" : "：" + text), user.id(), user.displayName(), now);
    }

    private static void requireAgreement(DisputeReads.Row row) {
        if (row.summary().state() != DisputeState.SUCCEEDED) {
            throw DomainException.conflict("mediation.no-agreement", row.summary().code(), row.summary().stateLabel());
        }
    }
}
