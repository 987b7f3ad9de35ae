package cn.huying.mediation.internal;

import cn.huying.identity.UserAccounts;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The organisations and their members, for the screens and the API. */
@Service
public class MediationOrgs {

    public record OrgWithMembers(Disputes.Org org, String levelLabel, String regionName, List<Disputes.Member> members) {
    }

    private final DisputeStore store;
    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final cn.huying.region.Regions regions;

    MediationOrgs(DisputeStore store, JdbcClient jdbc, UserAccounts accounts, cn.huying.region.Regions regions) {
        this.regions = regions;
        this.store = store;
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    public List<OrgWithMembers> all() {
        List<OrgWithMembers> out = new ArrayList<>();
        for (Disputes.Org o : store.orgs()) {
            List<Disputes.Member> members = jdbc.sql("SELECT org_id, user_id, title FROM mediation_member WHERE org_id = ?"
                            + " ORDER BY id").param(o.id())
                    .query((rs, n) -> new Disputes.Member(rs.getLong("org_id"), rs.getLong("user_id"),
                            accounts.findById(rs.getLong("user_id")).map(UserAccounts.UserSummary::displayName).orElse(""),
                            rs.getString("title")))
                    .list();
            out.add(new OrgWithMembers(o, o.level().label(),
                    regions.find(o.regionId()).map(r -> r.name()).orElse(""), members));
        }
        return out;
    }
}
