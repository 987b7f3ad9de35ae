package cn.huying.identity.internal;

import cn.huying.identity.RoleGrant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the modules' {@link RoleGrant}s at start, before the server takes requests: new roles are created,
 * missing permissions added, nothing removed. Several nodes starting together insert the same rows at most
 * once each (the inserts are conditional and the primary key settles a race).
 */
@Component
class RoleGrants implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RoleGrants.class);

    private final List<RoleGrant> grants;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    RoleGrants(List<RoleGrant> grants, JdbcClient jdbc, TransactionTemplate tx) {
        this.grants = grants;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int added = 0;
        for (RoleGrant grant : grants) {
            added += tx.execute(s -> apply(grant));
        }
        if (added > 0) {
            log.info("角色权限：模块登记了 {} 项新权限", added);
        }
    }

    private int apply(RoleGrant grant) {
        jdbc.sql("INSERT INTO role (code, name) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM role WHERE code = ?)")
                .params(grant.role(), grant.roleName(), grant.role()).update();
        int added = 0;
        for (String permission : grant.permissions()) {
            added += jdbc.sql("""
                    INSERT INTO role_permission (role_code, permission) SELECT ?, ?
                    WHERE NOT EXISTS (SELECT 1 FROM role_permission WHERE role_code = ? AND permission = ?)""")
                    .params(grant.role(), permission, grant.role(), permission).update();
        }
        return added;
    }
}
