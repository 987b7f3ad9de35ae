package cn.huying.mediation.internal;

import cn.huying.cases.CaseHandOff;
import cn.huying.cases.CaseView;
import cn.huying.cases.Cases;
import cn.huying.cases.Channel;
import cn.huying.cases.NewCase;
import cn.huying.cases.Urgency;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.PersonalData;
import cn.huying.mediation.DisputeType;
import cn.huying.mediation.MediationPermissions;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening disputes 受理 — from a case (claimed through the case hand-off), as a walk-in at the service centre or as
 * the court's entrustment 诉调对接 (both report their case through {@link Cases} first) — and the centre's
 * assignment to an organisation and level 分流, invitations 联调 and the decline back to the command centre. Each
 * call is one transaction: the case, its claim and the dispute commit together or not at all.
 */
@Service
public class DisputeIntake {

    static final String MODULE = "mediation";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final DisputeStore store;
    private final DisputeReads reads;
    private final Cases cases;
    private final CaseHandOff handOff;
    private final Regions regions;
    private final CurrentUsers users;
    private final PersonalData personalData;
    private final MediationSettings settings;
    private final Clock clock;

    DisputeIntake(DisputeStore store, DisputeReads reads, Cases cases, CaseHandOff handOff, Regions regions,
                  CurrentUsers users, PersonalData personalData, MediationSettings settings, Clock clock) {
        this.store = store;
        this.reads = reads;
        this.cases = cases;
        this.handOff = handOff;
        this.regions = regions;
        this.users = users;
        this.personalData = personalData;
        this.settings = settings;
        this.clock = clock;
    }

    /** Opens a dispute; answers its id. */
    @Transactional
    public long open(DisputeInput.Open in, CurrentUser user) {
        require(user, MediationPermissions.INTAKE);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        CaseView fromCase = in.caseId() == null ? null : cases.get(in.caseId(), user);
        DisputeType type = in.type() == null && fromCase != null ? typeOfCase(fromCase)
                : DisputeInput.type(in.type(), errors);
        String facts = DisputeInput.text(in.facts() == null && fromCase != null ? fromCase.description() : in.facts(),
                "facts", "纠纷事实", 4000, true, errors);
        String title = DisputeInput.text(in.title() == null && fromCase != null ? fromCase.title() : in.title(),
                "title", "纠纷标题", 200, false, errors);
        BigDecimal amount = DisputeInput.amount(in.amountClaimed(), "amountClaimed", errors);
        List<CheckedParty> parties = parties(in.parties(), errors);
        String courtMode = DisputeInput.upper(in.courtMode());
        if (courtMode != null && !courtMode.isEmpty() && !courtMode.equals("PRE_FILING") && !courtMode.equals("ENTRUSTED")) {
            errors.add("courtMode", "mediation.court-mode.unknown", in.courtMode());
        }
        courtMode = courtMode == null || courtMode.isEmpty() ? null : courtMode;
        String courtReference = DisputeInput.text(in.courtReference(), "courtReference", "法院案号", 60,
                courtMode != null, errors);
        Disputes.Org org = in.orgId() == null ? null : store.org(in.orgId()).orElse(null);
        if (in.orgId() == null) {
            errors.add("orgId", "mediation.field.required", "调解组织");
        } else if (org == null) {
            errors.add("orgId", "mediation.org.unknown", in.orgId());
        }
        RegionView region = null;
        if (fromCase == null) {
            if (in.regionId() == null) {
                errors.add("regionId", "mediation.field.required", "纠纷发生地");
            } else {
                region = regions.find(in.regionId()).filter(r -> !r.retired()).orElse(null);
                if (region == null) {
                    errors.add("regionId", "mediation.region.unknown", in.regionId());
                }
            }
        }
        errors.throwIfAny();
        requireMembers(org, in.mediatorIds());
        Instant now = clock.instant();
        String code = "TJ-" + DAY.format(LocalDate.ofInstant(now, clock.getZone())) + "-"
                + String.format("%04d", store.nextNumber(LocalDate.ofInstant(now, clock.getZone())));
        String source;
        CaseView theCase;
        if (fromCase != null) {
            if (store.openDisputeOfCase(fromCase.id()).isPresent()) {
                throw DomainException.conflict("mediation.case.already-open", fromCase.code());
            }
            source = "CASE";
            theCase = handOff.claim(fromCase.id(), MODULE, code, org.name(), user);
            region = regions.find(fromCase.regionId()).orElseThrow();
        } else {
            source = courtMode != null ? "COURT" : "WALK_IN";
            CheckedParty first = parties.get(0);
            // the walk-in's case, so that the dispute is counted once, as a case with a mediation behind it
            CaseView created = cases.submit(new NewCase(type.caseCategory(), Channel.WALK_IN, Urgency.NORMAL, title,
                    facts, null, null, null, region.id(), first.name(), first.phone(), false, null, List.of(),
                    null), user).c();
            theCase = handOff.claim(created.id(), MODULE, code, org.name(), user);
        }
        Long courtOrg = courtMode == null ? null : store.orgs().stream().filter(o -> "COURT".equals(o.kind()))
                .map(Disputes.Org::id).findFirst().orElse(null);
        Instant due = settings.dueAt(now);
        long id = store.insert(new DisputeStore.NewRow(code, theCase.id(), theCase.code(), source, courtMode,
                courtReference, courtOrg, type, title == null ? type.label() : title, facts, amount, org,
                region.id(), region.path(), now, due, settings.yellowAt(due), user.id()));
        int[] seq = new int[2];
        for (CheckedParty p : parties) {
            int n = PartySides.APPLICANT.equals(p.side()) ? ++seq[0] : ++seq[1];
            store.insertParty(id, p.side(), n, personalData.encrypt(p.name()), PersonalData.maskName(p.name()),
                    personalData.encrypt(p.idNumber()), PersonalData.maskIdCard(p.idNumber()),
                    personalData.encrypt(p.phone()), PersonalData.maskPhone(p.phone()));
        }
        for (long m : in.mediatorIds()) {
            store.addMediator(id, m, org.id(), false);
        }
        String how = switch (source) {
            case "CASE" -> "由事件 " + theCase.code() + " 移交受理";
            case "COURT" -> ("PRE_FILING".equals(courtMode) ? "人民法庭诉前委派调解" : "人民法庭委托调解")
                    + "（" + courtReference + "）";
            default -> "来访受理，已登记事件 " + theCase.code();
        };
        store.log(id, "OPEN", how + "；调解组织：" + org.name() + "；调解期限至 "
                + LocalDate.ofInstant(due, clock.getZone()), user.id(), user.displayName(), now);
        return id;
    }

    /** 分流: the centre hands the dispute to another organisation (and level), with its mediators. */
    @Transactional
    public void assign(long id, Long orgId, List<Long> mediatorIds, CurrentUser user) {
        require(user, MediationPermissions.INTAKE);
        DisputeReads.Row row = visible(id, user);
        requireMediating(row);
        if (orgId == null) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("orgId", "mediation.field.required",
                    new Object[]{"调解组织"})));
        }
        Disputes.Org org = store.org(orgId).orElseThrow(() -> new InvalidInput(List.of(new InvalidInput.FieldError(
                "orgId", "mediation.org.unknown", new Object[]{orgId}))));
        List<Long> ids = mediatorIds == null ? List.of() : mediatorIds;
        requireMembers(org, ids);
        if (!store.update(id, row.version(), "org_id = ?, org_level = ?", org.id(), org.level().name())) {
            throw DomainException.conflict("mediation.stale", row.summary().code());
        }
        store.removeOrgMediators(id);
        for (long m : ids) {
            store.addMediator(id, m, org.id(), false);
        }
        Instant now = clock.instant();
        store.log(id, "ASSIGN", "分流至" + org.level().label() + "：" + org.name(), user.id(), user.displayName(), now);
        progress(row.caseId(), "矛盾纠纷 " + row.summary().code() + " 分流至" + org.name() + "调解", user);
    }

    /** 联调: a member of another organisation (the court, the police, a lawyer) joins the dispute. */
    @Transactional
    public void invite(long id, Long userId, CurrentUser user) {
        DisputeReads.Row row = visible(id, user);
        requireMediating(row);
        if (!user.can(MediationPermissions.INTAKE) && !isWorker(row, user)) {
            throw DomainException.forbidden("mediation.not-mediator");
        }
        if (userId == null) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("userId", "mediation.field.required",
                    new Object[]{"调解员"})));
        }
        Disputes.Org home = store.orgsOf(userId).stream().findFirst()
                .orElseThrow(() -> DomainException.conflict("mediation.mediator.no-org", userId));
        store.addMediator(id, userId, home.id(), home.id() != row.summary().orgId());
        store.log(id, "INVITE", "邀请" + home.name() + "参与调解（联调）", user.id(), user.displayName(), clock.instant());
    }

    /** The organisation gives the dispute back: its case returns to the command centre with the reason. */
    @Transactional
    public void decline(long id, String reason, CurrentUser user) {
        DisputeReads.Row row = visible(id, user);
        requireMediating(row);
        requireWorker(row, user);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String why = DisputeInput.text(reason, "reason", "退回理由", 1000, true, errors);
        errors.throwIfAny();
        Instant now = clock.instant();
        if (!store.update(id, row.version(), "state = 'DECLINED', concluded_at = ?, next_check_at = NULL, outcome_note = ?",
                DisputeStore.utc(now), why)) {
            throw DomainException.conflict("mediation.stale", row.summary().code());
        }
        store.log(id, "DECLINE", why, user.id(), user.displayName(), now);
        if (handOff.openClaim(row.caseId()).filter(k -> MODULE.equals(k.module())).isPresent()) {
            handOff.decline(row.caseId(), MODULE, why, user);
        }
    }

    // ---- support -------------------------------------------------------------------------------

    record CheckedParty(String side, String name, String idNumber, String phone) {
    }

    private static List<CheckedParty> parties(List<DisputeInput.PartyInput> in, InvalidInput.Collector errors) {
        List<CheckedParty> out = new java.util.ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            DisputeInput.PartyInput p = in.get(i);
            String f = "parties[" + i + "]";
            String side = PartySides.parse(p.side());
            if (side == null) {
                errors.add(f + ".side", "mediation.party.side-unknown", p.side() == null ? "" : p.side());
            }
            String name = DisputeInput.text(p.name(), f + ".name", "当事人姓名", 30, true, errors);
            String idNumber = p.idNumber() == null || p.idNumber().isBlank() ? null : p.idNumber().strip();
            if (idNumber != null && !DisputeInput.ID_NUMBER.matcher(idNumber).matches()) {
                errors.add(f + ".idNumber", "mediation.party.id-invalid");
            }
            String phone = p.phone() == null || p.phone().isBlank() ? null : p.phone().strip();
            if (phone != null && !DisputeInput.PHONE.matcher(phone).matches()) {
                errors.add(f + ".phone", "mediation.party.phone-invalid");
            }
            out.add(new CheckedParty(side, name, idNumber, phone));
        }
        if (out.stream().noneMatch(p -> PartySides.APPLICANT.equals(p.side()))
                || out.stream().noneMatch(p -> PartySides.RESPONDENT.equals(p.side()))) {
            errors.add("parties", "mediation.party.both-sides");
        }
        return out;
    }

    private void requireMembers(Disputes.Org org, List<Long> mediatorIds) {
        for (long m : mediatorIds) {
            if (!store.isMember(org.id(), m)) {
                throw DomainException.conflict("mediation.mediator.not-member", m, org.name());
            }
        }
    }

    private static DisputeType typeOfCase(CaseView c) {
        for (DisputeType t : DisputeType.values()) {
            if (t.label().replace("/", "").equals(c.categoryName())) {
                return t;
            }
        }
        return DisputeType.OTHER;
    }

    DisputeReads.Row visible(long id, CurrentUser user) {
        require(user, MediationPermissions.VIEW);
        return reads.find(id, Visibility.of(user, users.scopeOf(user)))
                .orElseThrow(() -> DomainException.notFound("mediation.not-found", id));
    }

    static void require(CurrentUser user, String permission) {
        if (!user.can(permission)) {
            throw DomainException.forbidden("mediation.forbidden");
        }
    }

    static void requireMediating(DisputeReads.Row row) {
        if (row.summary().state() != cn.huying.mediation.DisputeState.MEDIATING) {
            throw DomainException.conflict("mediation.not-mediating", row.summary().code(), row.summary().stateLabel());
        }
    }

    boolean isWorker(DisputeReads.Row row, CurrentUser user) {
        return store.isMember(row.summary().orgId(), user.id()) || reads.mediatorIds(row.summary().id()).contains(user.id());
    }

    void requireWorker(DisputeReads.Row row, CurrentUser user) {
        if (!user.can(MediationPermissions.HANDLE) || !isWorker(row, user)) {
            throw DomainException.forbidden("mediation.not-mediator");
        }
    }

    void progress(long caseId, String note, CurrentUser user) {
        if (handOff.openClaim(caseId).filter(k -> MODULE.equals(k.module())).isPresent()) {
            handOff.progress(caseId, MODULE, note, user);
        }
    }
}
