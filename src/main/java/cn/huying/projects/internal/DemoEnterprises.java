package cn.huying.projects.internal;

import cn.huying.identity.CreditCode;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.Enterprises;
import cn.huying.identity.UserAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo's construction enterprises, registered through identity's enterprise registry (unchanged) and approved
 * there by the demo administrator — the registry records who decided, so the approval runs as that account.
 */
@Component
class DemoEnterprises {

    /** username, name, the organisation part of the credit code (9 characters). */
    static final List<String[]> ENTERPRISES = List.of(
            new String[]{"qy_luqiao", "青岛城阳路桥建设集团有限公司", "LQ0000001"},
            new String[]{"qy_gaosu", "山东高速城阳交通工程有限公司", "GT0000002"},
            new String[]{"qy_shunda", "青岛顺达市政工程有限公司", "HD0000003"});

    private final Enterprises enterprises;
    private final UserAccounts users;

    DemoEnterprises(Enterprises enterprises, UserAccounts users) {
        this.enterprises = enterprises;
        this.users = users;
    }

    static String creditCode(String organisation) {
        String first17 = "91370214" + organisation;
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** The demo enterprises (registered and approved if new), as (id, name). */
    List<EnterpriseDirectory.EnterpriseRef> ensure(String password) {
        List<EnterpriseDirectory.EnterpriseRef> out = new ArrayList<>();
        for (String[] e : ENTERPRISES) {
            String code = creditCode(e[2]);
            Enterprises.Enterprise found = enterprises.findByCreditCode(code).orElse(null);
            if (found == null) {
                long id = enterprises.register(new Enterprises.Registration(code, e[1], "张经理", "13900000000", true,
                        e[0], password)).enterprise().id();
                found = asAdmin(() -> enterprises.approve(id));
            }
            out.add(new EnterpriseDirectory.EnterpriseRef(found.id(), found.name()));
        }
        return out;
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        var admin = users.findByUsername("admin").orElseThrow();
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        CurrentUser principal = new CurrentUser(admin.id(), admin.username(), admin.displayName(), admin.roles(),
                Set.of(), admin.scopeRegionId(), admin.departmentId());
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
