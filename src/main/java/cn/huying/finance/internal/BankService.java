package cn.huying.finance.internal;

import cn.huying.finance.FinanceRoles;
import cn.huying.identity.UserAccounts;
import cn.huying.shared.DomainException;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Banks onboarded by the office: head offices 总行/分行, their branches 支行, and account managers bound to them. */
@Service
public class BankService {

    /** A bank; {@code parentId} null for a head office. */
    public record Bank(long id, String code, String name, Long parentId, String parentName) {
    }

    /** A bank user as listed. */
    public record BankUser(long userId, String username, String displayName, long bankId) {
    }

    private final JdbcClient jdbc;
    private final UserAccounts accounts;

    BankService(JdbcClient jdbc, UserAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Transactional
    public Bank create(String code, String name, Long parentId) {
        if (code == null || !code.matches("[A-Za-z0-9_-]{2,40}")) {
            throw DomainException.invalid("finance.bank.code.invalid");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw DomainException.invalid("finance.bank.name.invalid");
        }
        if (parentId != null) {
            Bank parent = find(parentId);
            if (parent.parentId() != null) {
                throw DomainException.invalid("finance.bank.parent.not-head");
            }
        }
        if (jdbc.sql("SELECT COUNT(*) FROM fin_bank WHERE code = ?").param(code).query(Long.class).single() > 0) {
            throw DomainException.conflict("finance.bank.code.taken", code);
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO fin_bank (code, name, parent_id) VALUES (?, ?, ?)").params(code, name.strip(), parentId)
                .update(keys, "id");
        return find(keys.getKeyAs(Number.class).longValue());
    }

    public Bank find(long id) {
        return jdbc.sql("""
                SELECT b.id, b.code, b.name, b.parent_id, p.name FROM fin_bank b LEFT JOIN fin_bank p ON p.id = b.parent_id
                WHERE b.id = ?""").param(id).query(this::bank).optional()
                .orElseThrow(() -> DomainException.notFound("finance.bank.not-found", id));
    }

    public List<Bank> list() {
        return jdbc.sql("""
                SELECT b.id, b.code, b.name, b.parent_id, p.name FROM fin_bank b LEFT JOIN fin_bank p ON p.id = b.parent_id
                ORDER BY COALESCE(b.parent_id, b.id), b.parent_id NULLS FIRST, b.id""").query(this::bank).list();
    }

    /** Creates an account manager's account with the role BANK, bound to the bank. */
    @Transactional
    public BankUser addUser(long bankId, String username, String displayName, String password) {
        find(bankId);
        UserAccounts.UserSummary u = accounts.create(new UserAccounts.NewUser(username, displayName, password,
                Set.of(FinanceRoles.BANK), null, null));
        jdbc.sql("INSERT INTO fin_bank_user (user_id, bank_id) VALUES (?, ?)").params(u.id(), bankId).update();
        return new BankUser(u.id(), u.username(), u.displayName(), bankId);
    }

    public List<BankUser> users(long bankId) {
        return jdbc.sql("SELECT user_id, bank_id FROM fin_bank_user WHERE bank_id = ? ORDER BY user_id").param(bankId)
                .query((rs, n) -> {
                    long userId = rs.getLong(1);
                    var u = accounts.findById(userId).orElseThrow();
                    return new BankUser(userId, u.username(), u.displayName(), rs.getLong(2));
                }).list();
    }

    private Bank bank(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long parent = rs.getLong(4);
        Long parentId = rs.wasNull() ? null : parent;
        return new Bank(rs.getLong(1), rs.getString(2), rs.getString(3), parentId, rs.getString(5));
    }
}
