package cn.huying.assessment.internal;

/**
 * The outcome indicators a grid worker's month is scored on (docs/assessment.md), each a share of the grid's cases
 * in the month. None counts activity (patrols, logins, photos, reports made).
 */
enum GridIndicator {
    /** 按期结案率 of the grid's cases due in the month. */
    ON_TIME_CLOSURE("按期结案", RateQueries.formula(RateFormula.ON_TIME_CLOSURE), false),
    /** 满意率 of the grid's revisits in the month. */
    SATISFACTION("群众满意", RateQueries.formula(RateFormula.SATISFACTION), false),
    /** 1 − 返工率 of the grid's cases resolved in the month. */
    NO_REWORK("未返工", RateQueries.formula(RateFormula.REWORK), true),
    /** Of the hazards the grid worker reported in the month with a verdict, the share that proved real at 核查. */
    HAZARD_CONFIRMED("隐患属实", new RateQueries.Formula("f.received_at",
            "f.kind = 'SAFETY_HAZARD' AND f.reporter_role = 'GRID_WORKER' AND f.hazard_confirmed IS NOT NULL",
            "f.hazard_confirmed = TRUE"), false),
    /** Of the grid's disputes resolved in the month, the share settled in the grid 小事不出网格. */
    DISPUTE_IN_GRID("纠纷网格内化解", new RateQueries.Formula("f.resolved_at",
            "f.kind = 'DISPUTE' AND f.resolved_tier IS NOT NULL", "f.resolved_tier = 'GRID'"), false);

    final String label;
    final RateQueries.Formula formula;
    /** The share counts the cases <em>without</em> the numerator's property (no rework). */
    final boolean inverted;

    GridIndicator(String label, RateQueries.Formula formula, boolean inverted) {
        this.label = label;
        this.formula = formula;
        this.inverted = inverted;
    }
}
