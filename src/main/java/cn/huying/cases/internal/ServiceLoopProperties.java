package cn.huying.cases.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the service loop 件件有回音 under {@code huying.loop} (docs/cases.md "The service loop").
 *
 * @param revisitDays working days after closing within which the citizen is revisited 回访 (default 1)
 * @param gridDays    working days a case may sit at the grid tier before it goes up (default 2)
 * @param villageDays working days a case may sit at the village tier before it goes up (default 3)
 * @param tierAction  what happens when a tier's time runs out: {@code ESCALATE} (default: up to the next tier, as
 *                    the tier's own worker would) or {@code WARN} (the worker and the next tier are told)
 * @param sweepBatch  rows read per round of the loop sweep
 */
@ConfigurationProperties("huying.loop")
record ServiceLoopProperties(Integer revisitDays, Integer gridDays, Integer villageDays, String tierAction,
                             Integer sweepBatch) {

    ServiceLoopProperties {
        revisitDays = revisitDays == null ? 1 : revisitDays;
        gridDays = gridDays == null ? 2 : gridDays;
        villageDays = villageDays == null ? 3 : villageDays;
        tierAction = tierAction == null ? "ESCALATE" : tierAction;
        sweepBatch = sweepBatch == null ? 200 : sweepBatch;
        if (revisitDays < 1 || gridDays < 1 || villageDays < 1) {
            throw new IllegalArgumentException("huying.loop: revisit-days, grid-days and village-days must be at least 1");
        }
        if (!tierAction.equals("ESCALATE") && !tierAction.equals("WARN")) {
            throw new IllegalArgumentException("huying.loop.tier-action must be ESCALATE or WARN");
        }
    }
}
