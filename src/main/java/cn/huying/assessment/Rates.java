package cn.huying.assessment;

import cn.huying.identity.CurrentUser;
import java.util.List;

/** The rates 考核指标 in the caller's data scope. A region outside the scope is reported as not found. */
public interface Rates {

    /** Every rate for the filter, with the same period of the previous year beside it. */
    List<RateFigure> rates(RateFilter filter, CurrentUser viewer);

    /** One rate for the filter (no year-on-year). */
    RateFigure rate(Rate rate, RateFilter filter, CurrentUser viewer);

    /** One rate per basic grid of the filter's region (grids without a case to count are absent), for the map. */
    java.util.Map<Long, RateFigure> byGrid(Rate rate, RateFilter filter, CurrentUser viewer);

    /**
     * The cases behind a figure: those counted in the denominator, or ({@code numerator}) in the numerator; at most
     * {@code limit}, newest first.
     */
    List<FactCase> cases(Rate rate, RateFilter filter, boolean numerator, int limit, CurrentUser viewer);
}
