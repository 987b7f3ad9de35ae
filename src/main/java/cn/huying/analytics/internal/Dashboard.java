package cn.huying.analytics.internal;

import cn.huying.analytics.HotIssue;
import cn.huying.assessment.Rate;
import cn.huying.assessment.RateFigure;
import cn.huying.assessment.RateFilter;
import cn.huying.assessment.Rates;
import cn.huying.identity.CurrentUser;
import cn.huying.region.RegionType;
import cn.huying.region.Regions;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leader's dashboard 领导驾驶舱: the rates with the same period last year, thirteen months of cases received and
 * closed, the period's hot and rising issues, and the basic grids of the scope coloured by a chosen rate.
 */
@Service
@Transactional(readOnly = true)
public class Dashboard {

    public record Trend(List<String> months, List<Long> received, List<Long> closed) {
    }

    public record GridValue(long gridId, String name, java.math.BigDecimal percent, long numerator, long denominator) {
    }

    public record View(LocalDate from, LocalDate to, List<RateFigure> rates, Trend trend, List<HotIssue> hot,
                       List<HotIssue> rising, Rate mapRate, List<GridValue> grids, String gridBoundaries) {
    }

    private final Rates rates;
    private final FactReads reads;
    private final HotIssueFinder hot;
    private final AnalyticsScope scopes;
    private final WeeklyReports weekly;
    private final Regions regions;

    Dashboard(Rates rates, FactReads reads, HotIssueFinder hot, AnalyticsScope scopes, WeeklyReports weekly,
              Regions regions) {
        this.rates = rates;
        this.reads = reads;
        this.hot = hot;
        this.scopes = scopes;
        this.weekly = weekly;
        this.regions = regions;
    }

    public View view(LocalDate from, LocalDate to, Long regionId, Rate mapRate, CurrentUser viewer) {
        String prefix = scopes.prefix(viewer, regionId);
        RateFilter filter = new RateFilter(regionId, null, null, null, null, from, to);
        List<String> months = new ArrayList<>();
        List<Long> received = new ArrayList<>();
        List<Long> closed = new ArrayList<>();
        YearMonth last = YearMonth.from(to);
        for (YearMonth m = last.minusMonths(12); !m.isAfter(last); m = m.plusMonths(1)) {
            long[] rc = reads.receivedAndClosed(prefix, m.atDay(1), m.atEndOfMonth());
            months.add(m.toString());
            received.add(rc[0]);
            closed.add(rc[1]);
        }
        Map<Long, String> villages = weekly.villageNames(prefix);
        Map<Long, RateFigure> byGrid = rates.byGrid(mapRate, filter, viewer);
        Map<Long, String> gridNames = new LinkedHashMap<>();
        regions.list(new cn.huying.identity.RegionScope(prefix, null), null, RegionType.BASIC_GRID, null, false,
                new cn.huying.shared.PageRequest(0, cn.huying.shared.PageRequest.MAX_SIZE)).items()
                .forEach(g -> gridNames.put(g.id(), g.name()));
        List<GridValue> grids = new ArrayList<>();
        gridNames.forEach((id, name) -> {
            RateFigure f = byGrid.get(id);
            grids.add(new GridValue(id, name, f == null ? null : f.percent(), f == null ? 0 : f.numerator(),
                    f == null ? 0 : f.denominator()));
        });
        Long root = regionId != null ? regionId : viewer.scopeRegionId();
        String boundaries = root == null ? null
                : regions.boundaries(root, RegionType.BASIC_GRID, new cn.huying.identity.RegionScope(prefix, null));
        HotIssueFinder.TopAndRising issues = hot.topAndRising(prefix, from, to, 10, 5, villages);
        return new View(from, to, rates.rates(filter, viewer), new Trend(months, received, closed), issues.top(),
                issues.rising(), mapRate, grids, boundaries);
    }

    public List<HotIssue> hot(LocalDate from, LocalDate to, Long regionId, int top, CurrentUser viewer) {
        String prefix = scopes.prefix(viewer, regionId);
        return hot.find(prefix, from, to, top, weekly.villageNames(prefix));
    }

    public List<HotIssue> rising(LocalDate from, LocalDate to, Long regionId, int top, CurrentUser viewer) {
        String prefix = scopes.prefix(viewer, regionId);
        return hot.rising(prefix, from, to, top, weekly.villageNames(prefix));
    }
}
