package cn.huying.assessment.internal;

import cn.huying.assessment.VillageAssessment.Change;
import cn.huying.assessment.VillageAssessment.MonthFigures;
import cn.huying.assessment.VillageAssessment.ThreeDown;
import cn.huying.assessment.VillageAssessment.ThreeDownRow;
import cn.huying.assessment.RateFigure;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.RegionScope;
import cn.huying.region.RegionType;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "三下降一提升": petitions 信访, criminal cases 刑事案件 and lawsuits 诉讼 per village and month (entered or imported;
 * the platform does not own those systems) against the same months a year earlier, and the satisfaction of the
 * revisits of the same months. The town's line sums its villages: "信访量下降 83%" is its petitions' change.
 */
@Component
class ThreeDownFigures {

    private final JdbcClient jdbc;
    private final RateQueries queries;
    private final Scopes scopes;
    private final Regions regions;
    private final Clock clock;

    ThreeDownFigures(JdbcClient jdbc, RateQueries queries, Scopes scopes, Regions regions, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.scopes = scopes;
        this.regions = regions;
        this.clock = clock;
    }

    void record(RegionView village, YearMonth month, MonthFigures f, String by) {
        if (f.petitions() < 0 || f.criminalCases() < 0 || f.lawsuits() < 0 || f.petitions() > 100_000
                || f.criminalCases() > 100_000 || f.lawsuits() > 100_000) {
            throw DomainException.invalid("assessment.three-down.count-invalid");
        }
        jdbc.sql("DELETE FROM assessment_village_month WHERE village_id = ? AND figure_month = ?")
                .params(village.id(), month.atDay(1)).update();
        jdbc.sql("""
                INSERT INTO assessment_village_month (village_id, figure_month, petitions, criminal_cases, lawsuits, recorded_by,
                  recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(village.id(), month.atDay(1), f.petitions(), f.criminalCases(), f.lawsuits(), by,
                        OffsetDateTime.now(clock)).update();
    }

    long petitions(long villageId, int year) {
        return jdbc.sql("SELECT COALESCE(SUM(petitions), 0) FROM assessment_village_month WHERE village_id = ?"
                        + " AND figure_month >= ? AND figure_month <= ?")
                .params(villageId, YearMonth.of(year, 1).atDay(1), YearMonth.of(year, 12).atDay(1))
                .query(Long.class).single();
    }

    ThreeDown figures(YearMonth from, YearMonth to, Long regionId, CurrentUser viewer) {
        if (from == null || to == null || to.isBefore(from) || from.plusYears(5).isBefore(to)) {
            throw DomainException.invalid("assessment.three-down.period-invalid");
        }
        String prefix = scopes.prefix(viewer, regionId);
        List<RegionView> villages = villages(prefix);
        Map<Long, long[]> now = sums(from, to);
        Map<Long, long[]> before = sums(from.minusYears(1), to.minusYears(1));
        FactScope scope = new FactScope(prefix, null, null, null, null, from.atDay(1), to.atEndOfMonth(), null);
        FactScope lastYear = scope.withPeriod(from.minusYears(1).atDay(1), to.minusYears(1).atEndOfMonth());
        RateQueries.Formula satisfaction = RateQueries.formula(RateFormula.SATISFACTION);
        Map<Long, RateQueries.Counts> satNow = queries.countBy("f.village_id", satisfaction, scope);
        Map<Long, RateQueries.Counts> satBefore = queries.countBy("f.village_id", satisfaction, lastYear);
        List<ThreeDownRow> rows = new ArrayList<>();
        long[] totalNow = new long[3];
        long[] totalBefore = new long[3];
        for (RegionView v : villages) {
            long[] a = now.getOrDefault(v.id(), new long[3]);
            long[] b = before.getOrDefault(v.id(), new long[3]);
            for (int i = 0; i < 3; i++) {
                totalNow[i] += a[i];
                totalBefore[i] += b[i];
            }
            rows.add(new ThreeDownRow(v.id(), v.name(), change(a[0], b[0]), change(a[1], b[1]), change(a[2], b[2]),
                    percent(satNow.get(v.id())), percent(satBefore.get(v.id()))));
        }
        RateQueries.Counts allNow = queries.count(satisfaction, scope);
        RateQueries.Counts allBefore = queries.count(satisfaction, lastYear);
        ThreeDownRow total = new ThreeDownRow(regionId, "合计", change(totalNow[0], totalBefore[0]),
                change(totalNow[1], totalBefore[1]), change(totalNow[2], totalBefore[2]), percent(allNow),
                percent(allBefore));
        return new ThreeDown(from, to, rows, total);
    }

    List<RegionView> villages(String prefix) {
        return regions.list(new RegionScope(prefix, null), null, RegionType.VILLAGE, null, false,
                new PageRequest(0, PageRequest.MAX_SIZE)).items();
    }

    private static BigDecimal percent(RateQueries.Counts c) {
        return c == null ? null : RateFigure.percent(c.numerator(), c.denominator());
    }

    /** (this − last) / last × 100, scale 1 HALF_UP; null when last year had none. */
    static Change change(long now, long before) {
        return new Change(now, before, before == 0 ? null : BigDecimal.valueOf((now - before) * 100L)
                .divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP));
    }

    private Map<Long, long[]> sums(YearMonth from, YearMonth to) {
        Map<Long, long[]> out = new HashMap<>();
        jdbc.sql("""
                SELECT village_id, SUM(petitions), SUM(criminal_cases), SUM(lawsuits) FROM assessment_village_month
                 WHERE figure_month >= ? AND figure_month <= ? GROUP BY village_id""").params(from.atDay(1), to.atDay(1))
                .query(rs -> {
                    out.put(rs.getLong(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });
        return out;
    }
}
