package cn.huying.cases;

import java.time.Instant;

/** A case in a list. */
public record CaseSummary(long id, String code, String title, CaseKind kind, String categoryName, Channel channel,
                          Urgency urgency, CaseState state, String stateLabel, Tier tier, long regionId,
                          String regionName, Long departmentId, String departmentName, Instant createdAt,
                          Instant updatedAt, long version) {
}
