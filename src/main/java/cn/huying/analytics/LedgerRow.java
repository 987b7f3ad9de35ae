package cn.huying.analytics;

import java.time.Instant;

/** A line of a case ledger 台账, from the published read model. */
public record LedgerRow(long id, String code, String title, String kind, String categoryName, String channel,
                        String state, String regionName, String departmentName, Instant receivedAt, Instant dueAt,
                        Instant resolvedAt, Instant closedAt, String resolvedTier, String satisfaction) {
}
