package cn.huying.finance.web;

import cn.huying.finance.FinancePermissions;
import cn.huying.finance.NeedStatus;
import cn.huying.finance.internal.FinanceActors;
import cn.huying.finance.internal.NeedService;
import cn.huying.identity.Enterprises;
import cn.huying.shared.HomeWidget;
import cn.huying.shared.Viewer;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The finance card on the home page (order 400): what waits for the office, a bank or an enterprise. */
@Configuration(proxyBeanMethods = false)
class FinanceWidget {

    @Bean
    HomeWidget financeCard(Enterprises enterprises, NeedService needs, FinanceActors actors) {
        return HomeWidget.of("finance", 400,
                v -> v.can(FinancePermissions.OFFICE) || v.can(FinancePermissions.BANK) || v.can(FinancePermissions.ENTERPRISE),
                "finance/widgets :: card", v -> model(v, enterprises, needs, actors));
    }

    private static Map<String, Object> model(Viewer v, Enterprises enterprises, NeedService needs, FinanceActors actors) {
        if (v.can(FinancePermissions.OFFICE)) {
            return Map.of("role", "office", "link", "/finance/office", "a", enterprises.listPending().size(),
                    "b", needs.alerts().size());
        }
        if (v.can(FinancePermissions.BANK)) {
            var bank = actors.bank();
            long open = needs.visibleTo(bank).stream().filter(n -> n.status() != NeedStatus.CLOSED).count();
            long waiting = needs.pipeline(bank).stream().filter(e -> e.status().awaitingContact()).count();
            return Map.of("role", "bank", "link", "/finance/bank", "a", open, "b", waiting);
        }
        var me = enterprises.findByMember(actors.user().id());
        if (me.isEmpty() || !me.get().approved()) {
            return Map.of("role", "pending", "link", "/public/finance", "a", 0, "b", 0);
        }
        var actor = actors.enterprise();
        long open = needs.mine(actor).stream().filter(n -> n.status() != NeedStatus.CLOSED).count();
        return Map.of("role", "enterprise", "link", "/finance/enterprise", "a", open, "b", 0);
    }
}
