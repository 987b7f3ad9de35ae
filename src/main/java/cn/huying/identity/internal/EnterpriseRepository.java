package cn.huying.identity.internal;

import cn.huying.identity.Enterprises.Enterprise;
import cn.huying.identity.Enterprises.Status;
import cn.huying.identity.PersonalData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code enterprise} and {@code enterprise_member}; contact name and phone stored encrypted. */
@Repository
class EnterpriseRepository {

    /** A row with the stored (encrypted) contact. */
    record Row(Enterprise enterprise, String contactNameStored, String contactPhoneStored) {
    }

    private static final String SELECT = """
            SELECT id, credit_code, name, contact_name, contact_phone, status, registered_at, consent_at, decided_at,
                   decided_by, reject_reason FROM enterprise""";

    private final JdbcClient jdbc;
    private final PersonalData personalData;

    EnterpriseRepository(JdbcClient jdbc, PersonalData personalData) {
        this.jdbc = jdbc;
        this.personalData = personalData;
    }

    boolean creditCodeTaken(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE credit_code = ?").param(code).query(Long.class).single() > 0;
    }

    long insert(String code, String name, String contactName, String contactPhone, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        try {
            jdbc.sql("""
                INSERT INTO enterprise (credit_code, name, contact_name, contact_phone, status, consent_at, registered_at)
                VALUES (?, ?, ?, ?, 'PENDING', ?, ?)""")
                .params(code, name, personalData.encrypt(contactName), personalData.encrypt(contactPhone),
                        utc(now), utc(now))
                .update(keys, "id");
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw cn.huying.shared.DomainException.conflict("enterprise.credit-code.taken", code);
        }
        return keys.getKeyAs(Number.class).longValue();
    }

    void addMember(long enterpriseId, long userId) {
        jdbc.sql("INSERT INTO enterprise_member (enterprise_id, user_id) VALUES (?, ?)").params(enterpriseId, userId).update();
    }

    /** Moves a pending enterprise to a decision; false when it was not pending (a concurrent decision or none due). */
    boolean decide(long id, Status status, String by, String reason, Instant now) {
        return jdbc.sql("""
                UPDATE enterprise SET status = ?, decided_at = ?, decided_by = ?, reject_reason = ?
                WHERE id = ? AND status = 'PENDING'""")
                .params(status.name(), utc(now), by, reason, id).update() == 1;
    }

    Optional<Row> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::row).optional();
    }

    Optional<Row> byCreditCode(String code) {
        return jdbc.sql(SELECT + " WHERE credit_code = ?").param(code).query(this::row).optional();
    }

    Optional<Row> byMember(long userId) {
        return jdbc.sql(SELECT + " WHERE id = (SELECT enterprise_id FROM enterprise_member WHERE user_id = ?)")
                .param(userId).query(this::row).optional();
    }

    List<Row> byStatus(Status status, boolean oldestFirst) {
        String order = oldestFirst ? " ORDER BY registered_at, id" : " ORDER BY registered_at DESC, id DESC";
        if (status == null) {
            return jdbc.sql(SELECT + order).query(this::row).list();
        }
        return jdbc.sql(SELECT + " WHERE status = ?" + order).param(status.name()).query(this::row).list();
    }

    List<Long> members(long id) {
        return jdbc.sql("SELECT user_id FROM enterprise_member WHERE enterprise_id = ? ORDER BY user_id").param(id)
                .query(Long.class).list();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        String nameStored = rs.getString("contact_name");
        String phoneStored = rs.getString("contact_phone");
        Enterprise e = new Enterprise(rs.getLong("id"), rs.getString("credit_code"), rs.getString("name"),
                PersonalData.maskName(personalData.decrypt(nameStored)),
                PersonalData.maskPhone(personalData.decrypt(phoneStored)), Status.valueOf(rs.getString("status")),
                instant(rs, "registered_at"), instant(rs, "consent_at"), instant(rs, "decided_at"),
                rs.getString("decided_by"), rs.getString("reject_reason"));
        return new Row(e, nameStored, phoneStored);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
