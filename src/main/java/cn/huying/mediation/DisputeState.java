package cn.huying.mediation;

/** Where a dispute stands. */
public enum DisputeState {
    /** 调解中 — accepted by an organisation; the 30-day limit runs. */
    MEDIATING("调解中"),
    /** 调解成功 — with an agreement 调解协议书. */
    SUCCEEDED("调解成功"),
    /** 调解不成 — the routes left to the parties are written down. */
    FAILED("调解不成"),
    /** 终止调解 — ended (a party withdrew, went to court …), with the routes. */
    TERMINATED("终止调解"),
    /** 退回 — the organisation gave the case back to the command centre. */
    DECLINED("已退回");

    private final String label;

    DisputeState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
