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
                       Set<CaseAction> allowedActions, List<AttachmentInfo> attachments, TimeLimits timeLimits) {

    /**
     * The case's time limits 限时办结, set at registration by the rule version it was judged by.
     * All {@code null} before registration.
     *
     * @param receivedAt         when the time limits count from
     * @param firstContactDueAt  first contact with the citizen due by (12345 transfers), or null
     * @param dueAt              completion due by (after approved extensions)
     * @param assumed            a counted day lies in a year without a published holiday notice
     * @param light              GREEN, YELLOW (one working day before), RED (overdue), STOPPED (parked or
     *                           transferred: off the clock), DONE (resolved in time or late), or NONE
     */
    public record TimeLimits(Instant receivedAt, Integer ruleVersion, String ruleLabel, Instant firstContactDueAt,
                             Instant firstContactedAt, Instant dueAt, boolean assumed, Instant yellowAt, Instant redAt,
                             Light light) {
    }

    /** An attachment's description; the file itself is at {@code /api/attachments/{id}}. */
    public record AttachmentInfo(long id, String fileName, String contentType, long size) {
    }
}
