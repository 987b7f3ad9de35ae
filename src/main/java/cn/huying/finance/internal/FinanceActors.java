package cn.huying.finance.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.Enterprises;
import cn.huying.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who the signed-in user acts for: an approved enterprise or a bank (head office or branch). */
@Component
public class FinanceActors {

    /** The enterprise a user acts for. */
    public record EnterpriseActor(long id, String name, String username) {
    }

    /**
     * The bank a user acts for. Queries scope by {@code bank_id IN (SELECT id FROM fin_bank WHERE id = ? OR
     * parent_id = ?)} with {@link #bankId()} twice: a head office sees its branches, a branch itself.
     */
    public record BankActor(long bankId, String bankName, String username) {
    }

    private final CurrentUsers users;
    private final Enterprises enterprises;
    private final JdbcClient jdbc;

    FinanceActors(CurrentUsers users, Enterprises enterprises, JdbcClient jdbc) {
        this.users = users;
        this.enterprises = enterprises;
        this.jdbc = jdbc;
    }

    public CurrentUser user() {
        return users.require();
    }

    /** The approved enterprise of the signed-in member, else 403. */
    public EnterpriseActor enterprise() {
        CurrentUser u = users.require();
        Enterprises.Enterprise e = enterprises.findByMember(u.id())
                .orElseThrow(() -> DomainException.forbidden("enterprise.not-member"));
        if (!e.approved()) {
            throw DomainException.forbidden("enterprise.not-approved");
        }
        return new EnterpriseActor(e.id(), e.name(), u.username());
    }

    /** The bank of the signed-in bank user, else 403. */
    public BankActor bank() {
        CurrentUser u = users.require();
        return jdbc.sql("SELECT b.id, b.name FROM fin_bank_user bu JOIN fin_bank b ON b.id = bu.bank_id WHERE bu.user_id = ?")
                .param(u.id()).query((rs, n) -> new BankActor(rs.getLong(1), rs.getString(2), u.username())).optional()
                .orElseThrow(() -> DomainException.forbidden("finance.bank.not-bound"));
    }
}
