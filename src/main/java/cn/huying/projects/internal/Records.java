package cn.huying.projects.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The records kept beside a project in each step (one table each). */
public final class Records {

    private Records() {
    }

    /** 征求意见 — a public comment in the planning consultation window. */
    public record Comment(long id, String author, String content, Instant createdAt) {
    }

    /** 意向登记 — an enterprise's interest, and the shortlist decision with its reason ({@code null}: not decided). */
    public record Interest(long id, long projectId, long enterpriseId, String enterpriseName, String capabilities,
                           String referenceWorks, Instant submittedAt, Boolean shortlisted, String shortlistReason) {
    }

    /** 包联服务 — one contact of the responsible leader with an enterprise. */
    public record Contact(long id, String enterpriseName, LocalDate contactOn, String mode, String summary,
                          String loggedBy, Instant loggedAt) {
    }

    /** 阳光交流 — an exchange with an association or chamber of commerce. */
    public record Exchange(long id, String association, LocalDate heldOn, String summary, Instant loggedAt) {
    }

    /** 评审专家 — an expert on a project, their declaration and whether they submitted. */
    public record Expert(long id, long projectId, long userId, String name, Instant declaredAt, Boolean conflict,
                         String declaration, Instant submittedAt) {

        public boolean excluded() {
            return Boolean.TRUE.equals(conflict);
        }

        public boolean submitted() {
            return submittedAt != null;
        }
    }

    /** One expert's score of one shortlisted enterprise. */
    public record Score(long expertId, String expertName, long interestId, String enterpriseName, BigDecimal score,
                        String remark) {
    }

    /** 履约节点 — a contract performance milestone. */
    public record Milestone(long id, long projectId, String name, LocalDate dueOn, LocalDate doneOn,
                            Instant missedReportedAt) {

        /** Met on or before its due date. */
        public boolean onTime() {
            return doneOn != null && !doneOn.isAfter(dueOn);
        }

        public boolean missed() {
            return missedReportedAt != null;
        }
    }

    /** 竣工验收 — final accounts and the four audits. */
    public record Acceptance(BigDecimal finalAccount, String investmentAudit, String budgetAudit, String fundsAudit,
                             String qualityAudit, Instant recordedAt) {
    }

    /** A warning for the project officer. */
    public record Warning(long id, long projectId, String projectCode, String projectName, String kind, String message,
                          Instant createdAt) {
    }

    /** A history entry 全程留痕. */
    public record History(long id, Instant at, String actorName, String action, String step, String status,
                          String detail) {
    }

    /** A document of the project (可研报告, 规划图 …). */
    public record Document(long id, String title, String url) {
    }
}
