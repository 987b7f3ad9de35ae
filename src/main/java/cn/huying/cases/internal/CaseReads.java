package cn.huying.cases.internal;

import cn.huying.cases.CaseAction;
import cn.huying.cases.CaseQuery;
import cn.huying.cases.CaseState;
import cn.huying.cases.CaseSummary;
import cn.huying.cases.CaseView;
import cn.huying.cases.Cases.Contact;
import cn.huying.cases.Category;
import cn.huying.cases.DuplicateCandidate;
import cn.huying.cases.HistoryView;
import cn.huying.cases.Light;
import cn.huying.cases.Tier;
import cn.huying.identity.AuditLog;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.PersonalData;
import cn.huying.identity.RegionPathLookup;
import cn.huying.identity.Roles;
import cn.huying.identity.UserAccounts;
import cn.huying.region.DepartmentView;
import cn.huying.region.Departments;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The reads of cases and the assembly of a case's view: scope checks (a case outside the viewer's scope is not
 * found, and the attempt is audited), the list and its text search, history, duplicates, the reporter's contact.
 */
@Component
class CaseReads {

    static final String SCOPE_DENIED = "SCOPE_DENIED";

    private final CaseRepository cases;
    private final CaseQueries queries;
    private final CategoryRepository categories;
    private final AttachmentStore attachments;
    private final DuplicateSearch duplicates;
    private final Regions regions;
    private final RegionPathLookup paths;
    private final Departments departments;
    private final UserAccounts accounts;
    private final CurrentUsers currentUsers;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final Clock clock;
    private final TimeLimitRules rules;
    private final CaseSearchIndexer search;
    private final CaseClaims claims;

    CaseReads(CaseRepository cases, CaseQueries queries, CategoryRepository categories, AttachmentStore attachments,
              DuplicateSearch duplicates, Regions regions, RegionPathLookup paths, Departments departments,
              UserAccounts accounts, CurrentUsers currentUsers, PersonalData personalData, AuditLog audit, Clock clock,
              TimeLimitRules rules, CaseSearchIndexer search, CaseClaims claims) {
        this.cases = cases;
        this.queries = queries;
        this.categories = categories;
        this.attachments = attachments;
        this.duplicates = duplicates;
        this.regions = regions;
        this.paths = paths;
        this.departments = departments;
        this.accounts = accounts;
        this.currentUsers = currentUsers;
        this.personalData = personalData;
        this.audit = audit;
        this.clock = clock;
        this.rules = rules;
        this.search = search;
        this.claims = claims;
    }

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

    boolean inScope(CaseFile c, CurrentUser user) {
        String path = paths.pathOf(c.intake().regionId()).orElse("");
        return scopeOf(user).covers(path, c.departmentId(), c.intake().reporter().userId(), c.intake().createdBy());
    }


    public CaseView get(long id, CurrentUser viewer) {
        return view(loadInScope(id, viewer), viewer);
    }


    public CaseView getByCode(String code, CurrentUser viewer) {
        CaseFile c = cases.findByCode(code).orElseThrow(() -> DomainException.notFound("case.not-found", code));
        requireInScope(c, viewer);
        return view(c, viewer);
    }


    public Optional<CaseView> find(long id) {
        return cases.find(id).map(c -> view(c, null));
    }


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


    public List<HistoryView> history(long id, CurrentUser viewer) {
        loadInScope(id, viewer);
        List<HistoryView> history = queries.history(id);
        // an integration passes what it reads on to the citizen: it sees what the citizen sees
        return viewer.hasRole(Roles.CITIZEN) || viewer.hasRole(Roles.SYSTEM)
                ? history.stream().map(HistoryView::asSeenByCitizen).toList() : history;
    }


    public List<DuplicateCandidate> duplicates(long id, CurrentUser viewer) {
        CaseFile c = loadInScope(id, viewer);
        return duplicates.candidatesFor(c.intake().categoryId(), c.intake().lat(), c.intake().lng(), c.intake().description(),
                c.id(), viewer, c.createdAt(), Integer.MAX_VALUE).nearest();
    }


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


    public Optional<String> notificationPhone(long id) {
        return cases.find(id).map(c -> personalData.decrypt(c.intake().reporter().phoneEncrypted()));
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
        Sla sla = c.sla();
        if (sla == null || sla.dueAt() == null) {
            return sla == null ? null : new CaseView.TimeLimits(sla.receivedAt(), null, null, null, null, null, false, null,
                    null, Light.NONE);
        }
        String label = sla.ruleId() == null ? null
                : rules.find(sla.ruleId()).map(cn.huying.cases.TimeLimitRule::label).orElse(null);
        return new CaseView.TimeLimits(sla.receivedAt(), sla.ruleVersion(), label, sla.firstContactDueAt(),
                sla.firstContactedAt(), sla.dueAt(), sla.assumed(), sla.yellowAt(), sla.redAt(), light(c, clock.instant()));
    }

    /** The traffic light of a case now ({@link Light#of}). */
    static Light light(CaseFile c, Instant now) {
        Sla sla = c.sla();
        return sla == null ? Light.NONE : Light.of(c.state(), sla.dueAt(), sla.yellowAt(), sla.redAt(),
                sla.clockStoppedAt(), c.resolvedAt(), now);
    }

    /** The actions this user may take on the case now ({@link ActionPolicy}). */
    Set<CaseAction> allowedActions(CaseFile c, CurrentUser user) {
        return ActionPolicy.allowed(c.state(), c.tier(), c.departmentId(), c.intake().reporter().userId(), user);
    }
}
