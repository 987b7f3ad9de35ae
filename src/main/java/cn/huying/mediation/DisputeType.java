package cn.huying.mediation;

/** 纠纷类型, with the case category a dispute's case is filed under. */
public enum DisputeType {
    NEIGHBOUR("邻里纠纷", "DISPUTE_NEIGHBOUR"),
    FAMILY("婚姻家庭纠纷", "DISPUTE_FAMILY"),
    LAND("土地/征地占地纠纷", "DISPUTE_LAND"),
    INHERITANCE("财产继承纠纷", "DISPUTE_INHERIT"),
    DAMAGE("损害赔偿纠纷", "DISPUTE_DAMAGE"),
    LABOUR("劳资纠纷", "DISPUTE_LABOUR"),
    /** cases has no contract category: filed under 损害赔偿纠纷. */
    CONTRACT("合同纠纷", "DISPUTE_DAMAGE"),
    PROPERTY("物业纠纷", "DISPUTE_PROPERTY"),
    /** filed under 邻里纠纷, the broadest dispute category of cases. */
    OTHER("其他纠纷", "DISPUTE_NEIGHBOUR");

    private final String label;
    private final String caseCategory;

    DisputeType(String label, String caseCategory) {
        this.label = label;
        this.caseCategory = caseCategory;
    }

    public String label() {
        return label;
    }

    public String caseCategory() {
        return caseCategory;
    }
}
