package cn.huying.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The registry of enterprise organisations 企业 shared by the finance (阳光产融) and projects (阳光推介) modules.
 * An enterprise registers itself with its {@link CreditCode} and its consent to the use of its data
 * 数据使用授权; that creates it {@link Status#PENDING} and a user account with the role {@link Roles#ENTERPRISE}
 * as its member. The finance office 金融办 ({@link Roles#FINANCE_OFFICE}) approves or rejects it; only an
 * {@link Status#APPROVED} enterprise acts in the other modules (they ask {@link Enterprise#approved()}).
 * See docs/enterprises.md.
 */
public interface Enterprises {

    /** 审核状态 — where an enterprise's registration stands. */
    enum Status { PENDING, APPROVED, REJECTED }

    /**
     * A registration as the enterprise sends it.
     *
     * @param username the member account's user name; blank means the credit code itself
     * @param consent  the enterprise agrees to the use of its data on the platform; required
     */
    record Registration(String creditCode, String name, String contactName, String contactPhone, boolean consent,
                        String username, String password) {
    }

    /**
     * An enterprise as the other modules see it; the contact person and phone are masked
     * ({@link #contact(long)} gives them in full, audited).
     */
    record Enterprise(long id, String creditCode, String name, String contactNameMasked, String contactPhoneMasked,
                      Status status, Instant registeredAt, Instant consentAt, Instant decidedAt, String decidedBy,
                      String rejectReason) {

        public boolean approved() {
            return status == Status.APPROVED;
        }
    }

    /** The answer to a registration: the enterprise (pending) and its member account. */
    record Registered(Enterprise enterprise, long userId, String username) {
    }

    /** The contact person in full. */
    record Contact(String name, String phone) {
    }

    /** Registers an enterprise and its member account in one transaction (400 bad input, 409 code or name taken). */
    Registered register(Registration registration);

    /** 审核通过 — by the finance office; only a pending enterprise (else 409). */
    Enterprise approve(long id);

    /** 驳回 — by the finance office, with a reason; only a pending enterprise (else 409). */
    Enterprise reject(long id, String reason);

    Optional<Enterprise> findById(long id);

    Optional<Enterprise> findByCreditCode(String creditCode);

    /** The enterprise a user account belongs to (its member), if any. */
    Optional<Enterprise> findByMember(long userId);

    /** Enterprises in a status ({@code null}: all), newest first. */
    List<Enterprise> list(Status status);

    /** 待审核 — the pending registrations, oldest first (the office's queue). */
    List<Enterprise> listPending();

    /** The contact person and phone in full; the view is written to the audit log ({@code PII_VIEW}). */
    Contact contact(long id);

    /** The member accounts' user ids. */
    List<Long> members(long id);
}
