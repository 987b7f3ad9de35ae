package cn.huying.analytics.web;

import cn.huying.analytics.CaseBoard;
import cn.huying.cases.WorkQueueSupport;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.RegionScope;
import cn.huying.region.RegionType;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The map of the grids (Leaflet: grid polygons from the region tree, open cases as markers coloured by
 * their deadline light; a tile server is optional) and the leader's overview (ECharts over case counts).
 * Both read only the user's data scope. Moved from cases (issue 23).
 */
@Controller
class BoardController {

    private final CaseBoard board;
    private final Regions regions;
    private final CurrentUsers users;
    private final Clock clock;
    private final WorkQueueSupport support;
    private final String tileUrl;
    private final String tileAttribution;

    BoardController(CaseBoard board, Regions regions, CurrentUsers users, Clock clock, WorkQueueSupport support,
                    @Value("${huying.map.tile-url:}") String tileUrl,
                    @Value("${huying.map.tile-attribution:}") String tileAttribution) {
        this.board = board;
        this.regions = regions;
        this.users = users;
        this.clock = clock;
        this.support = support;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    @GetMapping("/map")
    String map(Model model) {
        CurrentUser user = users.require();
        RegionView root = root(user);
        model.addAttribute("root", root);
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        return "analytics/map";
    }

    /** Basic grids (or the unit grids under one basic grid) of the user's scope as GeoJSON. */
    @GetMapping(path = "/map/grids.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> grids() {
        CurrentUser user = users.require();
        RegionView root = root(user);
        RegionType type = root.type() == RegionType.BASIC_GRID || root.type() == RegionType.UNIT_GRID
                ? RegionType.UNIT_GRID : RegionType.BASIC_GRID;
        return ResponseEntity.ok(regions.boundaries(root.id(), type, users.scopeOf(user)));
    }

    @GetMapping("/map/cases.json")
    @ResponseBody
    List<CaseBoard.Marker> markers() {
        return board.markers(users.require(), 1000);
    }

    @GetMapping("/overview")
    String overview(@RequestParam(defaultValue = "30") int days, Model model) {
        CurrentUser user = users.require();
        model.addAttribute("days", clampDays(days));
        // the time-limit figures beside the charts, each a link to its page
        model.addAttribute("approvals", board.pendingApprovals(user));
        model.addAttribute("dueSoon", board.count(CaseBoard.Queue.DUE_SOON, user));
        model.addAttribute("overdue", board.count(CaseBoard.Queue.OVERDUE, user));
        Long supervision = support.supervisionOrders(user);
        if (supervision != null) {
            model.addAttribute("supervision", supervision);
        }
        return "analytics/overview";
    }

    @GetMapping("/overview/stats.json")
    @ResponseBody
    CaseBoard.Stats stats(@RequestParam(defaultValue = "30") int days) {
        LocalDate today = LocalDate.now(clock);
        return board.stats(users.require(), today.minusDays(clampDays(days) - 1L), today.plusDays(1));
    }

    private static int clampDays(int days) {
        return Math.max(7, Math.min(days, 366));
    }

    /** The root of the map: the user's scope region, or the first county for unrestricted users. */
    private RegionView root(CurrentUser user) {
        RegionScope scope = users.scopeOf(user);
        if (user.scopeRegionId() != null) {
            return regions.get(user.scopeRegionId(), scope);
        }
        return regions.list(scope, null, RegionType.TOWN, null, false, new PageRequest(0, 1)).items().stream()
                .findFirst().orElseThrow(() -> DomainException.notFound("region.not-found", "-"));
    }
}
