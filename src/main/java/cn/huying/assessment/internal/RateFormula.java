package cn.huying.assessment.internal;

import cn.huying.assessment.Rate;

/**
 * Each rate as SQL over the published read model {@code case_facts_v f}: the date column a case counts by (the event
 * its denominator counts), the condition for the denominator and the condition for the numerator (within the
 * denominator). {@code :from} and {@code :to} are the period's bounds, bound as typed parameters.
 */
enum RateFormula {
    /** 应结案 = due in the period (merged duplicates follow their lead and are not counted); 结案 = closed. */
    CLOSURE(Rate.CLOSURE, "f.due_at", "f.state <> 'MERGED'", "f.closed_at IS NOT NULL"),
    /**
     * 应结案 − 缓办: due in the period, less those parked 挂账 in the period; 按期结案 = closed, resolved by the due date.
     */
    ON_TIME_CLOSURE(Rate.ON_TIME_CLOSURE, "f.due_at", "f.state <> 'MERGED'" + RateFormula.NOT_PARKED_IN_PERIOD,
            "f.closed_at IS NOT NULL AND f.resolved_on_time = TRUE"),
    /** 应处置 = received in the period and taken on (not refused, merged or transferred); 处置 = resolved. */
    DISPOSAL(Rate.DISPOSAL, "f.received_at", "f.state NOT IN ('REJECTED', 'MERGED', 'TRANSFERRED')",
            "f.resolved_at IS NOT NULL"),
    /** 处置 = resolved in the period; 返工 = reopened at least once (重办). */
    REWORK(Rate.REWORK, "f.resolved_at", "1 = 1", "f.rework_count > 0"),
    /** 派遣 = dispatched in the period; 按时派遣 = within the dispatch limit of the rule set in force. */
    TIMELY_DISPATCH(Rate.TIMELY_DISPATCH, "f.dispatched_at", "1 = 1", "f.dispatched_on_time = TRUE"),
    /** 派遣 = dispatched in the period; 回退 = returned by a department at least once. */
    RETURN(Rate.RETURN, "f.dispatched_at", "1 = 1", "f.return_count > 0"),
    /** 派遣 = dispatched in the period; 延期 = with at least one approved extension. */
    EXTENSION(Rate.EXTENSION, "f.dispatched_at", "1 = 1", "f.extension_count > 0"),
    /** 回访 = revisited in the period with a rating; 满意 + 基本满意. */
    SATISFACTION(Rate.SATISFACTION, "f.revisited_at", "f.satisfaction IS NOT NULL",
            "f.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')"),
    /** 应联系 = first contact due in the period; 按时首次联系 = contacted by then. */
    RESPONSE(Rate.RESPONSE, "f.first_contact_due_at", "1 = 1",
            "f.first_contacted_at IS NOT NULL AND f.first_contacted_at <= f.first_contact_due_at"),
    /** resolved in the period with a resolving tier; at the grid 小事不出网格. */
    WITHIN_GRID(Rate.WITHIN_GRID, "f.resolved_at", "f.resolved_tier IS NOT NULL", "f.resolved_tier = 'GRID'"),
    /** … at the grid or the village 大事不出村居. */
    WITHIN_VILLAGE(Rate.WITHIN_VILLAGE, "f.resolved_at", "f.resolved_tier IS NOT NULL",
            "f.resolved_tier IN ('GRID', 'VILLAGE')"),
    /** … within the town 难事不出镇域. */
    WITHIN_TOWN(Rate.WITHIN_TOWN, "f.resolved_at", "f.resolved_tier IS NOT NULL",
            "f.resolved_tier IN ('GRID', 'VILLAGE', 'TOWN')");

    /** 缓办: the cases parked 挂账 in the period leave 按期结案率's denominator. */
    static final String NOT_PARKED_IN_PERIOD = " AND (f.parked_at IS NULL OR f.parked_at < :from OR f.parked_at >= :to)";

    final Rate rate;
    final String dateColumn;
    final String denominator;
    final String numerator;
    /**
     * The denominator's condition without the period: the rollup ({@link RateRollup}) keeps a case's day of the
     * event and, for 按期结案率, its day of parking apart, so that "parked in the period" is decided when a period is
     * asked for.
     */
    final String rollupDenominator;

    RateFormula(Rate rate, String dateColumn, String denominator, String numerator) {
        this.rate = rate;
        this.dateColumn = dateColumn;
        this.denominator = denominator;
        this.numerator = numerator;
        this.rollupDenominator = denominator.replace(NOT_PARKED_IN_PERIOD, "");
    }

    /** The rollup's column of this rate: {@code d_<rate>} (day of the event, null outside the denominator), {@code n_}. */
    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static RateFormula of(Rate rate) {
        return valueOf(rate.name());
    }
}
