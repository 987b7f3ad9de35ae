package cn.huying.assessment.internal;

import cn.huying.assessment.FactCase;
import cn.huying.assessment.Rate;
import cn.huying.assessment.RateFigure;
import cn.huying.assessment.RateFilter;
import cn.huying.assessment.Rates;
import cn.huying.identity.CurrentUser;
import cn.huying.shared.DomainException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class RatesService implements Rates {

    static final Set<String> CHANNELS = Set.of("GRID_REPORT", "HOTLINE_12345", "PROVINCIAL_HOTLINE", "ONLINE_OPINION",
            "PUBLIC_PHONE", "ONLINE_LETTER", "WALK_IN", "VIDEO_LINK", "OPEN311", "PORTAL");
    static final Set<String> KINDS = Set.of("DISPUTE", "SAFETY_HAZARD", "LIVELIHOOD", "CITIZEN_REQUEST",
            "URBAN_MANAGEMENT");
    /** The longest period a figure is counted over: ten years. */
    static final int MAX_DAYS = 3660;

    private final RateQueries queries;
    private final Scopes scopes;
    private final RateRollup rollup;

    RatesService(RateQueries queries, Scopes scopes, RateRollup rollup) {
        this.queries = queries;
        this.scopes = scopes;
        this.rollup = rollup;
    }

    @Override
    public List<RateFigure> rates(RateFilter filter, CurrentUser viewer) {
        FactScope scope = scope(filter, viewer);
        FactScope lastYear = scope.withPeriod(filter.from().minusYears(1), filter.to().minusYears(1));
        // a county's or a town's figures without further filters come from the rollup, brought up to date first
        boolean rolledUp = rollsUp(scope) && rollup.currentForRead();
        return rolledUp ? figures(rollup.read(scope.pathPrefix(), scope.from(), scope.to()),
                rollup.read(scope.pathPrefix(), lastYear.from(), lastYear.to())) : direct(scope, lastYear);
    }

    /** Whether the rollup keeps this scope's figures: a whole tree, county or town, no other filter. */
    static boolean rollsUp(FactScope scope) {
        return scope.departmentId() == null && scope.categoryId() == null && scope.channel() == null
                && scope.kind() == null && scope.gridId() == null && RateRollup.kept(scope.pathPrefix());
    }

    /** Every rate counted directly over the read model (the formulas of {@link RateFormula}). */
    List<RateFigure> direct(FactScope scope, FactScope lastYear) {
        Map<RateFormula, RateQueries.Counts> now = new EnumMap<>(RateFormula.class);
        Map<RateFormula, RateQueries.Counts> before = new EnumMap<>(RateFormula.class);
        for (RateFormula f : RateFormula.values()) {
            now.put(f, queries.count(f, scope));
            before.put(f, queries.count(f, lastYear));
        }
        return figures(now, before);
    }

    private static List<RateFigure> figures(Map<RateFormula, RateQueries.Counts> nowCounts,
                                            Map<RateFormula, RateQueries.Counts> beforeCounts) {
        List<RateFigure> out = new ArrayList<>();
        for (RateFormula f : RateFormula.values()) {
            RateQueries.Counts now = nowCounts.get(f);
            RateQueries.Counts before = beforeCounts.get(f);
            out.add(new RateFigure(f.rate, f.rate.label(), now.numerator(), now.denominator(),
                    RateFigure.percent(now.numerator(), now.denominator()), before.numerator(), before.denominator(),
                    RateFigure.percent(before.numerator(), before.denominator())));
        }
        return out;
    }

    @Override
    public RateFigure rate(Rate rate, RateFilter filter, CurrentUser viewer) {
        RateQueries.Counts c = queries.count(RateFormula.of(rate), scope(filter, viewer));
        return new RateFigure(rate, rate.label(), c.numerator(), c.denominator(),
                RateFigure.percent(c.numerator(), c.denominator()), 0, 0, null);
    }

    @Override
    public java.util.Map<Long, RateFigure> byGrid(Rate rate, RateFilter filter, CurrentUser viewer) {
        java.util.Map<Long, RateFigure> out = new java.util.HashMap<>();
        queries.countBy("f.grid_id", RateQueries.formula(RateFormula.of(rate)), scope(filter, viewer))
                .forEach((grid, c) -> out.put(grid, new RateFigure(rate, rate.label(), c.numerator(), c.denominator(),
                        RateFigure.percent(c.numerator(), c.denominator()), 0, 0, null)));
        return out;
    }

    @Override
    public List<FactCase> cases(Rate rate, RateFilter filter, boolean numerator, int limit, CurrentUser viewer) {
        return queries.cases(RateFormula.of(rate), scope(filter, viewer), numerator, Math.max(1, Math.min(limit, 500)));
    }

    FactScope scope(RateFilter filter, CurrentUser viewer) {
        if (filter.from() == null || filter.to() == null) {
            throw DomainException.invalid("assessment.period.missing");
        }
        if (filter.to().isBefore(filter.from()) || filter.from().plusDays(MAX_DAYS).isBefore(filter.to())) {
            throw DomainException.invalid("assessment.period.invalid", MAX_DAYS);
        }
        if (filter.channel() != null && !CHANNELS.contains(filter.channel())) {
            throw DomainException.invalid("assessment.channel.invalid", filter.channel());
        }
        if (filter.kind() != null && !KINDS.contains(filter.kind())) {
            throw DomainException.invalid("assessment.kind.invalid", filter.kind());
        }
        return new FactScope(scopes.prefix(viewer, filter.regionId()), filter.departmentId(), filter.categoryId(),
                filter.channel(), filter.kind(), filter.from(), filter.to(), null);
    }
}
