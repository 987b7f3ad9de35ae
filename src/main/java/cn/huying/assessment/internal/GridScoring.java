package cn.huying.assessment.internal;

import cn.huying.assessment.GridScores;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.RegionScope;
import cn.huying.identity.Roles;
import cn.huying.identity.UserAccounts;
import cn.huying.region.RegionType;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
@Transactional(readOnly = true)
class GridScoring implements GridScores {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final RateQueries queries;
    private final IndicatorSets sets;
    private final Scopes scopes;
    private final Regions regions;
    private final UserAccounts users;
    private final Clock clock;

    GridScoring(JdbcClient jdbc, RateQueries queries, IndicatorSets sets, Scopes scopes, Regions regions,
                UserAccounts users, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.sets = sets;
        this.scopes = scopes;
        this.regions = regions;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public List<GridScore> month(YearMonth month, Long regionId, CurrentUser viewer) {
        String prefix = scopes.prefix(viewer, regionId);
        return score(grids(prefix), month, prefix);
    }

    @Override
    public GridScore grid(long gridId, YearMonth month, CurrentUser viewer) {
        RegionView grid = scopes.region(viewer, gridId);
        if (grid.type() != RegionType.BASIC_GRID && grid.type() != RegionType.DEDICATED_GRID) {
            throw DomainException.notFound("assessment.grid.not-found", gridId);
        }
        return score(List.of(grid), month, grid.path()).get(0);
    }

    @Override
    public GridScore own(YearMonth month, CurrentUser worker) {
        if (worker.scopeRegionId() == null) {
            throw DomainException.notFound("assessment.grid.own-none");
        }
        return grid(worker.scopeRegionId(), month, worker);
    }

    @Override
    @Transactional
    public int confirm(YearMonth month, CurrentUser by) {
        if (!month.isBefore(YearMonth.now(clock))) {
            throw DomainException.conflict("assessment.month.not-ended", month);
        }
        String prefix = scopes.prefix(by, null);
        List<GridScore> scores = score(grids(prefix), month, prefix);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int frozen = 0;
        for (GridScore s : scores) {
            if (s.confirmed()) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO assessment_grid_month (grid_id, score_month, version, worker_name, score, grade, detail,
                      confirmed_by, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(s.gridId(), month.atDay(1), s.version(), s.workerName(), s.score(), s.grade(),
                            JSON.writeValueAsString(s.indicators()), by.username(), now).update();
            frozen++;
        }
        if (frozen == 0) {
            throw DomainException.conflict("assessment.month.already-confirmed", month);
        }
        return frozen;
    }

    @Override
    public List<IndicatorSet> indicatorSets() {
        return sets.all();
    }

    @Override
    @Transactional
    public IndicatorSet newIndicatorSet(LocalDate validFrom, String note, List<Weight> weights, List<Grade> grades,
                                        CurrentUser by) {
        return sets.create(validFrom, note, weights, grades, by);
    }

    private List<RegionView> grids(String prefix) {
        RegionScope scope = new RegionScope(prefix, null);
        List<RegionView> out = new ArrayList<>();
        for (RegionType type : List.of(RegionType.BASIC_GRID, RegionType.DEDICATED_GRID)) {
            for (int page = 0; ; page++) {
                var result = regions.list(scope, null, type, null, false, new PageRequest(page, PageRequest.MAX_SIZE));
                out.addAll(result.items());
                if (result.items().size() < PageRequest.MAX_SIZE) {
                    break;
                }
            }
        }
        return out;
    }

    /** Frozen months as confirmed; the others computed now, under the version in force, grouped by grid in one pass. */
    private List<GridScore> score(List<RegionView> grids, YearMonth month, String prefix) {
        Map<Long, GridScore> frozen = frozen(month);
        IndicatorSet set = sets.inForce(month.atDay(1));
        FactScope scope = new FactScope(prefix, null, null, null, null, month.atDay(1), month.atEndOfMonth(), null);
        Map<GridIndicator, Map<Long, RateQueries.Counts>> counts = new EnumMap<>(GridIndicator.class);
        boolean needed = grids.stream().anyMatch(g -> !frozen.containsKey(g.id()));
        if (needed) {
            for (Weight w : set.weights()) {
                GridIndicator ind = GridIndicator.valueOf(w.code());
                counts.put(ind, queries.countBy("f.grid_id", ind.formula, scope));
            }
        }
        Map<Long, String> villageNames = new HashMap<>();
        List<GridScore> out = new ArrayList<>();
        for (RegionView g : grids) {
            String village = g.parentId() == null ? null : villageNames.computeIfAbsent(g.parentId(),
                    id -> regions.find(id).map(RegionView::name).orElse(null));
            GridScore f = frozen.get(g.id());
            if (f != null) {
                out.add(new GridScore(g.id(), g.name(), village, f.workerName(), month, f.version(), f.score(),
                        f.grade(), f.payCoefficient(), true, f.confirmedAt(), f.indicators()));
                continue;
            }
            Map<GridIndicator, RateQueries.Counts> mine = new EnumMap<>(GridIndicator.class);
            counts.forEach((ind, byGrid) -> {
                if (byGrid.containsKey(g.id())) {
                    mine.put(ind, byGrid.get(g.id()));
                }
            });
            ScoreCard.Result r = ScoreCard.compute(set, mine);
            out.add(new GridScore(g.id(), g.name(), village, worker(g), month, set.version(), r.score(),
                    r.grade() == null ? null : r.grade().grade(), r.grade() == null ? null : r.grade().payCoefficient(),
                    false, null, r.indicators()));
        }
        return out;
    }

    private String worker(RegionView grid) {
        return users.findByRoleCovering(Roles.GRID_WORKER, grid.path()).stream()
                .filter(u -> grid.id() == (u.scopeRegionId() == null ? -1 : u.scopeRegionId()))
                .map(UserAccounts.UserSummary::displayName).findFirst().orElse(null);
    }

    private Map<Long, GridScore> frozen(YearMonth month) {
        Map<Long, GridScore> out = new HashMap<>();
        jdbc.sql("""
                SELECT m.grid_id, m.version, m.worker_name, m.score, m.grade, m.detail, m.confirmed_at, g.pay_coefficient
                  FROM assessment_grid_month m LEFT JOIN assessment_grade g ON g.version = m.version AND g.grade = m.grade
                 WHERE m.score_month = ?""").param(month.atDay(1)).query(rs -> {
            List<Indicator> indicators = JSON.readValue(rs.getString("detail"), new TypeReference<List<Indicator>>() {
            });
            out.put(rs.getLong("grid_id"), new GridScore(rs.getLong("grid_id"), null, null, rs.getString("worker_name"),
                    month, rs.getInt("version"), rs.getBigDecimal("score"), rs.getString("grade"),
                    rs.getBigDecimal("pay_coefficient"), true,
                    rs.getObject("confirmed_at", OffsetDateTime.class).toInstant(), indicators));
        });
        return out;
    }
}
