package cn.huying.finance.internal;

import cn.huying.finance.CloseReason;
import cn.huying.finance.GuaranteeType;
import cn.huying.finance.NeedStatus;
import java.math.BigDecimal;
import java.time.Instant;

/** A financing need 融资需求 as read; {@code slotsHeld} counts the banks serving it now (against the cap). */
public record NeedView(long id, long enterpriseId, String enterpriseName, String purpose, BigDecimal amount, int termMonths,
                       BigDecimal maxRate, GuaranteeType guarantee, NeedStatus status, CloseReason closeReason,
                       Instant createdAt, Instant publishedAt, Instant closedAt, int slotsHeld) {
}
