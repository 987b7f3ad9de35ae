package cn.huying.projects;

import java.util.Optional;

/** The eight open steps 阳光八步 of a project resource, in order. */
public enum Step {
    /** 阳光规划 — expert or agency review, a public consultation window with comments. */
    PLANNING("阳光规划"),
    /** 阳光发布 — publication to the public. */
    PUBLICATION("阳光发布"),
    /** 阳光选择 — enterprises register interest; the government shortlists, with reasons. */
    SELECTION("阳光选择"),
    /** 阳光服务 — one responsible leader per project (包联), every contact logged. */
    SERVICE("阳光服务"),
    /** 阳光交流 — exchanges with associations and chambers of commerce. */
    EXCHANGE("阳光交流"),
    /** 阳光评鉴 — independent experts score the shortlisted enterprises; price coordination. */
    EVALUATION("阳光评鉴"),
    /** 阳光监管 — tendering with post-qualification; contract performance milestones watched. */
    SUPERVISION("阳光监管"),
    /** 阳光验收 — completion acceptance, final accounts, audit of investment, budget, funds and quality. */
    ACCEPTANCE("阳光验收");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 1 to 8. */
    public int number() {
        return ordinal() + 1;
    }

    /** The step after this one; empty after 阳光验收. */
    public Optional<Step> next() {
        Step[] all = values();
        return ordinal() + 1 < all.length ? Optional.of(all[ordinal() + 1]) : Optional.empty();
    }
}
