package cn.huying.patrol.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.patrol.Patrols;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/** {@link Patrols} over the patrol, visit and party services. */
@Service
class PatrolsFacade implements Patrols {

    private final PatrolService patrols;
    private final VisitPlanner visits;
    private final PartyService party;
    private final PatrolRepository repo;
    private final cn.huying.identity.CurrentUsers users;
    private final cn.huying.region.Regions regions;

    PatrolsFacade(PatrolService patrols, VisitPlanner visits, PartyService party, PatrolRepository repo,
                  cn.huying.identity.CurrentUsers users, cn.huying.region.Regions regions) {
        this.patrols = patrols;
        this.visits = visits;
        this.party = party;
        this.repo = repo;
        this.users = users;
        this.regions = regions;
    }

    @Override
    public List<Shift> shifts() {
        return patrols.shifts();
    }

    @Override
    public List<FindingCategory> findingCategories() {
        return repo.findingCategories().entrySet().stream().map(e -> new FindingCategory(e.getKey(), e.getValue()))
                .toList();
    }

    @Override
    public Recorded<PatrolView> record(NewPatrol patrol, CurrentUser worker) {
        return patrols.record(patrol, worker);
    }

    @Override
    public PatrolView findingToCase(long patrolId, String category, CurrentUser worker) {
        return patrols.findingToCase(patrolId, category, worker);
    }

    @Override
    public List<PatrolView> patrols(LocalDate from, LocalDate to, CurrentUser viewer) {
        return patrols.patrols(from, to, viewer);
    }

    @Override
    public Recorded<VisitView> visit(NewVisit visit, CurrentUser worker) {
        return visits.visit(visit, worker);
    }

    @Override
    public List<VisitView> visits(LocalDate from, LocalDate to, CurrentUser viewer) {
        return visits.visits(from, to, viewer);
    }

    @Override
    public List<DueVisit> due(int aheadDays, CurrentUser viewer) {
        return visits.due(aheadDays, viewer);
    }

    @Override
    public List<VisitRule> visitRules() {
        return visits.rules();
    }

    @Override
    public VisitRule setVisitRule(String tagCode, int intervalDays, boolean active, CurrentUser actor) {
        return visits.setRule(tagCode, intervalDays, active, actor);
    }

    @Override
    public List<GridTally> tally(LocalDate from, LocalDate to, CurrentUser viewer) {
        return repo.tally(from, to, users.scopeOf(viewer)).stream().map(t -> new GridTally(t[0],
                regions.find(t[0]).map(cn.huying.region.RegionView::name).orElse(""), t[1], t[2], t[3], t[4])).toList();
    }

    @Override
    public List<PartyOrg> partyOrgs(CurrentUser viewer) {
        return party.orgs(viewer);
    }
}
