package cn.huying.mediation.internal;

import cn.huying.mediation.DisputeState;
import cn.huying.mediation.DisputeType;
import cn.huying.mediation.OrgLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The records the mediation module reads and answers with (never its table rows as such). */
public final class Disputes {

    private Disputes() {
    }

    /** A mediation organisation 调解组织. */
    public record Org(long id, String code, String name, OrgLevel level, String kind, long regionId, String regionPath) {
    }

    /** A member of an organisation, with the account's display name. */
    public record Member(long orgId, long userId, String name, String title) {
    }

    /** A party as lists show it: masked. */
    public record Party(long id, String side, String sideLabel, String name, String idNumber, String phone) {
    }

    /** A party in full (audited). */
    public record PartyFull(long id, String side, String sideLabel, String name, String idNumber, String phone) {
    }

    public record Mediator(long userId, String name, long orgId, String orgName, boolean invited) {
    }

    public record Meeting(long id, Instant heldAt, String place, String videoLink, String attendees, String minutes,
                          List<Document> attachments) {
    }

    public record Document(long id, String kind, String fileName, String contentType, Instant createdAt) {
    }

    public record LogEntry(String action, String note, String actorName, Instant at) {
    }

    /** One row of the ledger 矛盾纠纷台账 and of the lists. */
    public record Summary(long id, String code, String caseCode, DisputeType type, String typeLabel, String title,
                          long orgId, String orgName, OrgLevel level, String levelLabel, DisputeState state,
                          String stateLabel, String source, String courtMode, BigDecimal amountClaimed,
                          BigDecimal agreedAmount, Instant acceptedAt, Instant dueAt, Instant concludedAt,
                          int warnLevel, String applicants, String respondents, String performanceState,
                          String confirmState) {

        /** 绿/黄/红 while mediating; on time or late once concluded. */
        public String light() {
            if (state != DisputeState.MEDIATING) {
                return concludedAt != null && concludedAt.isAfter(dueAt) ? "LATE" : "DONE";
            }
            return warnLevel >= 2 ? "RED" : warnLevel == 1 ? "YELLOW" : "GREEN";
        }
    }

    /** A dispute in full, as its screen shows it (parties masked). */
    public record Detail(Summary summary, long caseId, String facts, String regionName, String courtReference,
                         String outcomeNote, List<String> routes, String terms, LocalDate performanceDue,
                         String performanceNote, Instant confirmAppliedAt, Instant confirmDecidedAt, String confirmNote,
                         Instant confirmDeadline, long version, List<Party> parties, List<Mediator> mediators,
                         List<Meeting> meetings, List<Document> documents, List<LogEntry> log) {
    }

    /** The ledger's and list's filters (all optional). */
    public record Filter(OrgLevel level, Long orgId, DisputeType type, DisputeState state, LocalDate from,
                         LocalDate to) {
    }

    /** One line of the statistics. */
    public record StatsRow(String key, String label, long received, long mediated, long succeeded,
                           BigDecimal successRate, BigDecimal amountClaimed, BigDecimal amountAgreed, long onTime,
                           BigDecimal onTimeShare, long courtLinked, long confirmations) {
    }

    /** A document's bytes, for download. */
    public record StoredDocument(long id, String kind, String fileName, String contentType, byte[] content) {
    }
}
