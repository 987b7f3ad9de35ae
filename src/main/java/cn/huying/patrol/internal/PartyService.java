package cn.huying.patrol.internal;

import cn.huying.cases.CaseQuery;
import cn.huying.cases.CaseState;
import cn.huying.cases.Cases;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.patrol.Patrols.PartyOrg;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.PageRequest;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Party building along the grid 党建引领网格: 镇党委 → 党总支 → 村党支部 → 网格党小组, each bound to a region, the
 * members who 帮包 a grid, and the cases handled (closed) in the organisation's region counted through the cases API.
 */
@Service
class PartyService {

    static final Map<String, String> LEVELS = Map.of("TOWN_COMMITTEE", "镇党委", "GENERAL_BRANCH", "党总支",
            "VILLAGE_BRANCH", "村党支部", "GRID_GROUP", "网格党小组");

    private final PatrolRepository repo;
    private final Cases cases;
    private final Regions regions;
    private final CurrentUsers users;

    PartyService(PatrolRepository repo, Cases cases, Regions regions, CurrentUsers users) {
        this.repo = repo;
        this.cases = cases;
        this.regions = regions;
        this.users = users;
    }

    List<PartyOrg> orgs(CurrentUser viewer) {
        List<PatrolRepository.OrgRow> rows = repo.orgs(users.scopeOf(viewer));
        Map<Long, List<String>> members = repo.members(rows.stream().map(PatrolRepository.OrgRow::id).toList());
        return rows.stream().map(o -> new PartyOrg(o.id(), o.name(), o.level(), LEVELS.getOrDefault(o.level(), o.level()),
                o.parentId(), o.regionId(), regions.find(o.regionId()).map(RegionView::name).orElse(""),
                members.getOrDefault(o.id(), List.of()), handled(o.regionId(), viewer))).toList();
    }

    private long handled(long regionId, CurrentUser viewer) {
        long n = 0;
        for (CaseState s : List.of(CaseState.CLOSED, CaseState.REVISITED)) {
            n += cases.list(new CaseQuery(s, null, null, regionId, null, null, new PageRequest(0, 1)), viewer).total();
        }
        return n;
    }
}
