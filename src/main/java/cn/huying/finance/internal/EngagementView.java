package cn.huying.finance.internal;

import cn.huying.finance.EngagementStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/** One bank serving one need; {@code next} are the steps the bank may take from here. */
public record EngagementView(long id, long needId, long bankId, String bankName, String enterpriseName, BigDecimal needAmount,
                             EngagementStatus status, Instant startedAt, Instant contactDue, Instant contactedAt,
                             BigDecimal approvedAmount, BigDecimal disbursedAmount, Instant disbursedAt,
                             Set<EngagementStatus> next) {
}
