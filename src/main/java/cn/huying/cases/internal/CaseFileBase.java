package cn.huying.cases.internal;

import cn.huying.cases.CaseAction;
import cn.huying.cases.CaseEvent;
import cn.huying.cases.CaseEvent.Facts;
import cn.huying.cases.CaseKind;
import cn.huying.cases.CaseState;
import cn.huying.cases.Channel;
import cn.huying.cases.Light;
import cn.huying.cases.Satisfaction;
import cn.huying.cases.Tier;
import cn.huying.cases.Urgency;
import cn.huying.identity.Roles;
import cn.huying.shared.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The state of a {@link CaseFile} and its bookkeeping: the stored fields and their reads, the history entries and
 * events recorded since the last save, the versions, and the guards and records the verbs share. Only
 * {@link CaseFile} extends it (through {@link CaseFileLimits}); the verbs are there.
 */
public abstract sealed class CaseFileBase permits CaseFileLimits {

    /** Facts fixed at intake. */
    public record Intake(String code, CaseKind kind, long categoryId, Channel channel, Urgency urgency, String title,
                         String description, Double lat, Double lng, String address, long regionId, Long townId,
                         Reporter reporter, long createdBy, String idempotencyKey) {
    }

    /** Who reported: a user, or a citizen's name and phone (kept encrypted, with a mask for lists). */
    public record Reporter(Long userId, String nameEncrypted, String phoneEncrypted, String phoneMasked,
                           String phoneLast4) {
    }

    Long id;
    final Intake intake;
    Sla sla;
    CaseState state;
    Tier tier;
    String tierPath;
    Tier resolvedTier;
    Long departmentId;
    Long handlerId;
    Long leadCaseId;
    int reworkCount;
    int unsatisfiedCount;
    Satisfaction satisfaction;
    String reply;
    final Instant createdAt;
    Instant updatedAt;
    Instant dispatchedAt;
    Instant acceptedAt;
    Instant resolvedAt;
    Instant closedAt;
    long version;
    Long actedVersion;
    String historyHead;
    int historyLength;
    int attachmentCount;
    int mergedCount;

    final List<HistoryDraft> pendingHistory = new ArrayList<>();
    final List<CaseEvent> pendingEvents = new ArrayList<>();
    /** Changes to the case's parts in tables of their own (extensions, progress reports), written with the step. */
    final List<CasePart> pendingParts = new ArrayList<>();
    /** The id of the extension request stored with the last save, for its event. */
    private long storedExtensionId;
    long lastActorId;

    CaseFileBase(Intake intake, Instant createdAt) {
        this.intake = Objects.requireNonNull(intake);
        this.createdAt = createdAt;
    }

    static CaseFile report(Intake intake, Tier startTier, Actor reporter, List<Long> attachmentIds, Instant now,
                           Sla received) {
        CaseFile c = new CaseFile(intake, now);
        c.sla = received;
        c.state = CaseState.REPORTED;
        c.tier = startTier;
        c.tierPath = startTier.name();
        c.updatedAt = now;
        c.version = 0;
        c.pendingHistory.add(new HistoryDraft(HistoryKind.REPORT, null, CaseState.REPORTED, startTier, null, reporter.userId(),
                reporter.name(), primaryRole(reporter), intake.description(), attachmentIds, now));
        c.lastActorId = reporter.userId();
        return c;
    }

    /** A case as stored. */
    static CaseFile restore(long id, Intake intake, CaseState state, Tier tier, String tierPath, Tier resolvedTier,
                            Long departmentId, Long handlerId, Long leadCaseId, int reworkCount, int unsatisfiedCount,
                            Satisfaction satisfaction, String reply, Instant createdAt, Instant updatedAt,
                            Instant dispatchedAt, Instant acceptedAt, Instant resolvedAt, Instant closedAt, long version,
                            Sla sla) {
        CaseFile c = new CaseFile(intake, createdAt);
        c.id = id;
        c.sla = sla;
        c.state = state;
        c.tier = tier;
        c.tierPath = tierPath;
        c.resolvedTier = resolvedTier;
        c.departmentId = departmentId;
        c.handlerId = handlerId;
        c.leadCaseId = leadCaseId;
        c.reworkCount = reworkCount;
        c.unsatisfiedCount = unsatisfiedCount;
        c.satisfaction = satisfaction;
        c.reply = reply;
        c.updatedAt = updatedAt;
        c.dispatchedAt = dispatchedAt;
        c.acceptedAt = acceptedAt;
        c.resolvedAt = resolvedAt;
        c.closedAt = closedAt;
        c.version = version;
        return c;
    }

    // ---- guards and bookkeeping -----------------------------------------------------------

    TransitionTable.Transition guard(CaseAction action, Actor actor) {
        return TransitionTable.guard(action, state, tier, actor.roles());
    }

    void requireOwnDepartment(Actor actor) {
        if (departmentId == null || !departmentId.equals(actor.departmentId())) {
            throw DomainException.forbidden("case.department.not-own");
        }
    }

    /** A required note: the reason of a refusal or escalation, or the reply; sent as {@code note}. */
    static void require(String text, String field) {
        String label = "reply".equals(field) ? "办理答复" : "理由";
        if (text == null || text.isBlank()) {
            throw new cn.huying.shared.InvalidInput(List.of(new cn.huying.shared.InvalidInput.FieldError("note",
                    "case.field.required-named", new Object[]{label})));
        }
        if (text.length() > 4000) {
            throw new cn.huying.shared.InvalidInput(List.of(new cn.huying.shared.InvalidInput.FieldError("note",
                    "case.field.too-long", new Object[]{label, 4000})));
        }
    }

    void moveTier(Tier to) {
        if (to != null && to != tier) {
            tier = to;
            tierPath = tierPath + "," + to.name();
        }
    }

    void move(TransitionTable.Transition t, Actor actor, String note, List<Long> attachments, Instant now) {
        CaseState from = state;
        state = t.to();
        record(HistoryKind.of(t.action()), from, actor, primaryRole(actor, t), note, attachments, now);
    }

    void record(HistoryKind action, CaseState from, Actor actor, String role, String note, List<Long> attachments,
                        Instant now) {
        updatedAt = now;
        lastActorId = actor.userId();
        pendingHistory.add(new HistoryDraft(action, from, state, tier, departmentId, actor.userId(), actor.name(), role,
                note == null || note.isBlank() ? null : note.strip(), attachments, now));
    }

    /** The first (alphabetically) of the actor's roles that the transition admits: the role history records. */
    static String primaryRole(Actor actor, TransitionTable.Transition t) {
        return firstRole(actor, t.roles());
    }

    static String primaryRole(Actor actor) {
        return firstRole(actor, null);
    }

    private static String firstRole(Actor actor, java.util.Set<String> admitted) {
        String first = null;
        for (String r : actor.roles()) {
            if ((admitted == null || admitted.contains(r)) && (first == null || r.compareTo(first) < 0)) {
                first = r;
            }
        }
        return first;
    }

    Facts facts(Instant now) {
        return new Facts(id == null ? 0 : id, intake.code(), intake.title(), intake.channel(), state, tier, departmentId,
                intake.regionId(), lastActorId,
                now);
    }

    // ---- persistence support --------------------------------------------------------------

    /** A new aggregate in the same state (no pending history or events), for {@link WrittenCases}. */
    CaseFile copy() {
        CaseFile c = restore(id, intake, state, tier, tierPath, resolvedTier, departmentId, handlerId, leadCaseId,
                reworkCount, unsatisfiedCount, satisfaction, reply, createdAt, updatedAt, dispatchedAt, acceptedAt,
                resolvedAt, closedAt, version, sla);
        c.attachmentCount = attachmentCount;
        c.mergedCount = mergedCount;
        c.actedVersion = actedVersion;
        c.historyHead = historyHead;
        c.historyLength = historyLength;
        return c;
    }

    void assignId(long id) {
        this.id = id;
    }

    /** History entries and events since the last save, handed over once. */
    List<HistoryDraft> drainHistory() {
        List<HistoryDraft> out = List.copyOf(pendingHistory);
        pendingHistory.clear();
        return out;
    }

    /** The parts' changes since the last save, handed over once. */
    List<CasePart> drainParts() {
        List<CasePart> out = List.copyOf(pendingParts);
        pendingParts.clear();
        return out;
    }

    /** The repository stored the extension request recorded by this step under {@code extensionId}. */
    void extensionStored(long extensionId) {
        this.storedExtensionId = extensionId;
    }

    long storedExtensionId() {
        return storedExtensionId;
    }

    List<CaseEvent> drainEvents() {
        List<CaseEvent> out = new ArrayList<>();
        for (CaseEvent e : pendingEvents) {
            out.add(withId(e));
        }
        pendingEvents.clear();
        return out;
    }

    /**
     * Events registered before an id was known get it now: the case's (at intake), and an extension request's (its
     * row is inserted by the save).
     */
    private CaseEvent withId(CaseEvent e) {
        if (e instanceof CaseEvent.CaseExtensionRequested r && r.extensionId() == 0 && storedExtensionId != 0) {
            return new CaseEvent.CaseExtensionRequested(r.facts(), storedExtensionId, r.workingDays(), r.reason());
        }
        if (e.facts().caseId() != 0 || id == null) {
            return e;
        }
        Facts f = e.facts();
        Facts fixed = new Facts(id, f.code(), f.title(), f.channel(), f.state(), f.tier(), f.departmentId(), f.regionId(),
                f.actorId(), f.at());
        if (e instanceof CaseEvent.CaseReported r) {
            return new CaseEvent.CaseReported(fixed, r.channel(), r.categoryId());
        }
        return e;
    }

    void registerReported() {
        pendingEvents.add(new CaseEvent.CaseReported(facts(createdAt), intake.channel(), intake.categoryId()));
    }

    /** A person's change was written: the version the next action must have seen at least. */
    void versionSaved() {
        version++;
        actedVersion = version;
    }

    /** A change of the system's (deadline sweep, recomputed deadlines) was written: no one needs to have seen it. */
    void systemVersionSaved() {
        actedVersion = actedVersion();
        version++;
    }

    /** The head and length of the case's sealed history as read with its row (issue 30, {@link HistoryChain}). */
    void historyRead(String head, int length) {
        historyHead = head;
        historyLength = length;
    }

    String historyHead() {
        return historyHead;
    }

    int historyLength() {
        return historyLength;
    }

    void actedVersionRead(Long v) {
        actedVersion = v;
    }

    /** The version after the last change a person made (the version itself if not known). */
    long actedVersion() {
        return actedVersion == null ? version : actedVersion;
    }

    /** Attachments stored for this case (kept by the attachment store, not a state of the aggregate). */
    /** How many cases were merged into this one (重复件); 0 for almost every case. */
    void mergedCounted(int count) {
        this.mergedCount = count;
    }

    int mergedCount() {
        return mergedCount;
    }

    void attachmentsCounted(int count) {
        this.attachmentCount = count;
    }

    int attachmentCount() {
        return attachmentCount;
    }

    // ---- reads ------------------------------------------------------------------------------

    public Long id() { return id; }
    public Intake intake() { return intake; }
    public String code() { return intake.code(); }
    public CaseState state() { return state; }
    public Tier tier() { return tier; }
    public String tierPath() { return tierPath; }
    public Tier resolvedTier() { return resolvedTier; }
    public Long departmentId() { return departmentId; }
    public Long handlerId() { return handlerId; }
    public Long leadCaseId() { return leadCaseId; }
    public int reworkCount() { return reworkCount; }
    public int unsatisfiedCount() { return unsatisfiedCount; }
    public Satisfaction satisfaction() { return satisfaction; }
    public String reply() { return reply; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant dispatchedAt() { return dispatchedAt; }
    public Instant acceptedAt() { return acceptedAt; }
    public Instant resolvedAt() { return resolvedAt; }
    public Instant closedAt() { return closedAt; }
    public long version() { return version; }
    public Sla sla() { return sla; }
}

