package cn.huying.cases;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A case as a user sees it. The reporter's name and phone are masked; the full contact is a
 * separate, audited read. {@code allowedActions} are the actions this user may take now.
 */
public record CaseView(long id, String code, CaseKind kind, String kindLabel, long categoryId, String categoryName,
                       Channel channel, String channelLabel, Urgency urgency, String title, String description,
                       Double lat, Double lng, String address, long regionId, String regionName, Long townId,
                       String reporterName, String reporterPhone, CaseState state, String stateLabel, Tier tier,
                       String tierLabel, List<Tier> tierPath, Tier resolvedTier, Long departmentId,
                       String departmentName, Long handlerId, Long leadCaseId, int reworkCount,
                       Satisfaction satisfaction, String reply, Instant createdAt, Instant updatedAt,
                       Instant dispatchedAt, Instant acceptedAt, Instant resolvedAt, Instant closedAt, long version,
                       Set<CaseAction> allowedActions, List<AttachmentInfo> attachments) {

    /** An attachment's description; the file itself is at {@code /api/attachments/{id}}. */
    public record AttachmentInfo(long id, String fileName, String contentType, long size) {
    }
}
