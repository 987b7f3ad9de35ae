package cn.huying.assessment;

/**
 * The standard rates 考核指标 (docs/assessment.md gives each formula and the date a case counts by). Each is
 * numerator / denominator over the cases of the published read model.
 */
public enum Rate {
    /** 结案率 = 结案数 / 应结案数, by due date. */
    CLOSURE("结案率"),
    /** 按期结案率 = 按期结案数 / (应结案数 − 缓办数), by due date. */
    ON_TIME_CLOSURE("按期结案率"),
    /** 处置率 = 处置数 / 应处置数, by receipt. */
    DISPOSAL("处置率"),
    /** 返工率 = 返工数 / 处置数, by resolution. */
    REWORK("返工率"),
    /** 及时派遣率 = 按时派遣数 / 派遣数, by dispatch. */
    TIMELY_DISPATCH("及时派遣率"),
    /** 回退率 = 回退数 / 派遣数, by dispatch. */
    RETURN("回退率"),
    /** 延期率 = 延期数 / 派遣数, by dispatch. */
    EXTENSION("延期率"),
    /** 满意率 = (满意 + 基本满意) / 回访数, by revisit. */
    SATISFACTION("满意率"),
    /** 响应率 = 按时首次联系数 / 应联系数, by first-contact due date. */
    RESPONSE("响应率"),
    /** 网格内解决率: resolved at the grid tier / resolved, by resolution. */
    WITHIN_GRID("网格内解决率"),
    /** 村居内解决率: resolved at the grid or village tier / resolved, by resolution. */
    WITHIN_VILLAGE("村居内解决率"),
    /** 镇域内解决率: resolved at grid, village or town tier / resolved, by resolution. */
    WITHIN_TOWN("镇域内解决率");

    private final String label;

    Rate(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
