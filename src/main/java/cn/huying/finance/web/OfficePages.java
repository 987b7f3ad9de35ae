package cn.huying.finance.web;

import cn.huying.finance.FinancePermissions;
import cn.huying.finance.internal.BankService;
import cn.huying.finance.internal.FinanceActors;
import cn.huying.finance.internal.FinanceSettings;
import cn.huying.finance.internal.NeedService;
import cn.huying.finance.internal.PoolService;
import cn.huying.finance.internal.StatsService;
import cn.huying.identity.Enterprises;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 金融办工作台 — enterprise approvals, first-contact breaches, needs and assignments, statistics, pools, settings. */
@Controller
@PreAuthorize("hasAuthority('" + FinancePermissions.OFFICE + "')")
class OfficePages {

    private static final String BACK = "/finance/office";

    private final Enterprises enterprises;
    private final NeedService needs;
    private final StatsService stats;
    private final PoolService pools;
    private final BankService banks;
    private final FinanceSettings settings;
    private final FinanceActors actors;
    private final Clock clock;

    OfficePages(Enterprises enterprises, NeedService needs, StatsService stats, PoolService pools, BankService banks,
                FinanceSettings settings, FinanceActors actors, Clock clock) {
        this.enterprises = enterprises;
        this.needs = needs;
        this.stats = stats;
        this.pools = pools;
        this.banks = banks;
        this.settings = settings;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping(BACK)
    String page(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to, Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from != null ? from : today.withDayOfYear(1);
        LocalDate end = to != null ? to : today;
        model.addAttribute("pending", enterprises.listPending());
        model.addAttribute("alerts", needs.alerts());
        model.addAttribute("needs", needs.all(null));
        model.addAttribute("banks", banks.list());
        model.addAttribute("stats", stats.stats(start, end, null));
        model.addAttribute("pools", pools.pools());
        model.addAttribute("settings", settings.get());
        return "finance/office";
    }

    @PostMapping(BACK + "/enterprises/{id}/approve")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        return Forms.act(redirect, BACK, "finance.page.enterprise.approved", () -> enterprises.approve(id).name());
    }

    @PostMapping(BACK + "/enterprises/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return Forms.act(redirect, BACK, "finance.page.enterprise.rejected", () -> enterprises.reject(id, reason).name());
    }

    @PostMapping(BACK + "/needs/{id}/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) Long bankId, RedirectAttributes redirect) {
        return Forms.act(redirect, BACK, "finance.page.need.assigned", () -> {
            if (bankId == null) {
                throw cn.huying.shared.DomainException.invalid("finance.bank.required");
            }
            return needs.assign(id, bankId, actors.user().username()).bankName();
        });
    }

    @PostMapping(BACK + "/settings")
    String settings(@RequestParam int bankCap, @RequestParam int firstContactDays, @RequestParam String rateCapPercent,
                    RedirectAttributes redirect) {
        return Forms.act(redirect, BACK, "finance.page.settings.saved", () -> {
            settings.update(new FinanceSettings.Values(bankCap, firstContactDays, Forms.percent(rateCapPercent)));
            return "";
        });
    }
}
