package cn.huying.projects.internal;

import cn.huying.projects.ProjectStatus;
import cn.huying.projects.Step;
import java.math.BigDecimal;
import java.time.Instant;

/** A project resource 项目资源 as stored (one row of {@code project}). */
public record ProjectRow(long id, String code, String name, String category, String location,
                         BigDecimal plannedInvestment, BigDecimal signedInvestment, String ownerDepartment,
                         String summary, Step step, ProjectStatus status, String statusReason,
                         Instant consultationOpensAt, Instant consultationClosesAt, Long leaderUserId,
                         String leaderName, Long winnerInterestId, String priceNote, Instant decidedAt,
                         String tenderNo, Boolean postQualified, String tenderNote, Instant createdAt,
                         Instant updatedAt, long version) {

    /** Whether the public consultation window is open at {@code now}. */
    public boolean consultationOpen(Instant now) {
        return consultationOpensAt != null && !now.isBefore(consultationOpensAt)
                && (consultationClosesAt == null || now.isBefore(consultationClosesAt));
    }

    public boolean decided() {
        return decidedAt != null;
    }
}
