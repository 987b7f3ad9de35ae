package cn.huying.assessment;

import cn.huying.identity.CurrentUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Grid workers' monthly scores 网格员月度考核: weighted outcome indicators (on-time closure, satisfaction, no rework,
 * hazards that proved real, disputes settled in the grid — never activity counts) of the cases of their grid, under
 * the indicator version in force on the month's first day, mapped to a performance-pay grade 绩效等级. A confirmed
 * month is frozen: it answers what was confirmed, whatever changes later.
 */
public interface GridScores {

    /**
     * One indicator of a month: its share (numerator / denominator as a percentage, scale 1), the points it gives
     * (weight × share / the weights that apply); {@code applies} is false when the grid had no case to count.
     */
    record Indicator(String code, String label, int weight, long numerator, long denominator, BigDecimal percent,
                     BigDecimal points, boolean applies, String basis) {
    }

    record GridScore(long gridId, String gridName, String villageName, String workerName, YearMonth month, int version,
                     BigDecimal score, String grade, BigDecimal payCoefficient, boolean confirmed, Instant confirmedAt,
                     List<Indicator> indicators) {
    }

    record Weight(String code, int weight) {
    }

    record Grade(String grade, BigDecimal minScore, BigDecimal payCoefficient) {
    }

    /** A version of the indicators and grades, in force from {@code validFrom} (a month's first day). */
    record IndicatorSet(int version, LocalDate validFrom, String note, List<Weight> weights, List<Grade> grades) {
    }

    /** Every basic grid of the scope (or of a region inside it) for the month. */
    List<GridScore> month(YearMonth month, Long regionId, CurrentUser viewer);

    /** One grid's month, in the viewer's scope. */
    GridScore grid(long gridId, YearMonth month, CurrentUser viewer);

    /** The signed-in grid worker's own grid and month. */
    GridScore own(YearMonth month, CurrentUser worker);

    /** Confirms (freezes) the month for every grid of the viewer's scope; returns how many grids were frozen. */
    int confirm(YearMonth month, CurrentUser by);

    List<IndicatorSet> indicatorSets();

    /** A new version, in force from its month on; refused when that month or a later one is already confirmed. */
    IndicatorSet newIndicatorSet(LocalDate validFrom, String note, List<Weight> weights, List<Grade> grades,
                                 CurrentUser by);
}
