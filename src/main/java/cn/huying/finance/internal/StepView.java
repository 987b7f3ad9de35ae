package cn.huying.finance.internal;

import cn.huying.finance.EngagementStatus;
import java.time.Instant;

/** One recorded step of an engagement. */
public record StepView(EngagementStatus from, EngagementStatus to, Instant at, String by, String note) {
}
