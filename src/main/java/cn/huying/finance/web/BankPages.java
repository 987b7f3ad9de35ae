package cn.huying.finance.web;

import cn.huying.finance.EngagementStatus;
import cn.huying.finance.FinancePermissions;
import cn.huying.finance.GuaranteeType;
import cn.huying.finance.internal.BillService;
import cn.huying.finance.internal.EngagementView;
import cn.huying.finance.internal.FinanceActors;
import cn.huying.finance.internal.NeedService;
import cn.huying.finance.internal.ProductService;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 银行工作台 — needs to take, the bank's pipeline with its next steps, its products, the bill hall and its quotes. */
@Controller
@PreAuthorize("hasAuthority('" + FinancePermissions.BANK + "')")
class BankPages {

    private static final String BACK = "/finance/bank";

    private final FinanceActors actors;
    private final NeedService needs;
    private final ProductService products;
    private final BillService bills;

    BankPages(FinanceActors actors, NeedService needs, ProductService products, BillService bills) {
        this.actors = actors;
        this.needs = needs;
        this.products = products;
        this.bills = bills;
    }

    @GetMapping(BACK)
    String page(Model model) {
        FinanceActors.BankActor bank = actors.bank();
        var pipeline = needs.pipeline(bank);
        Set<Long> engaged = pipeline.stream().map(EngagementView::needId).collect(Collectors.toSet());
        model.addAttribute("bank", bank);
        model.addAttribute("needs", needs.visibleTo(bank));
        model.addAttribute("engaged", engaged);
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("products", products.ofBank(bank.bankId()));
        model.addAttribute("hall", bills.hall());
        model.addAttribute("quotes", bills.quotesOfBank(bank, null));
        model.addAttribute("guarantees", GuaranteeType.values());
        return "finance/bank";
    }

    @PostMapping(BACK + "/needs/{id}/take")
    String take(@PathVariable long id, RedirectAttributes redirect) {
        return Forms.act(redirect, BACK, "finance.page.need.taken", () -> needs.take(actors.bank(), id).needId());
    }

    @PostMapping(BACK + "/engagements/{id}/advance")
    String advance(@PathVariable long id, @RequestParam(required = false) EngagementStatus to,
                   @RequestParam(required = false) String amountWan, @RequestParam(required = false) String note,
                   RedirectAttributes redirect) {
        return Forms.act(redirect, BACK, "finance.page.engagement.moved",
                () -> "finance.status." + needs.advance(actors.bank(), id, to, Forms.wan(amountWan), note).status().name());
    }

    @PostMapping(BACK + "/bills/{id}/quote")
    String quote(@PathVariable long id, @RequestParam String ratePercent, RedirectAttributes redirect) {
        return Forms.act(redirect, BACK, "finance.page.bill.quoted",
                () -> bills.quote(actors.bank(), id, Forms.percent(ratePercent)).interest().toPlainString());
    }

    @PostMapping(BACK + "/products")
    String product(@RequestParam String name, @RequestParam String amountMinWan, @RequestParam String amountMaxWan,
                   @RequestParam(required = false) Integer termMin, @RequestParam(required = false) Integer termMax,
                   @RequestParam String rateMinPercent, @RequestParam String rateMaxPercent,
                   @RequestParam(required = false) GuaranteeType guarantee, @RequestParam(required = false) String repayment,
                   @RequestParam(required = false) String conditions, RedirectAttributes redirect) {
        return Forms.act(redirect, BACK, "finance.page.product.created", () -> products.create(actors.bank().bankId(),
                new ProductService.NewProduct(name, Forms.wan(amountMinWan), Forms.wan(amountMaxWan), termMin, termMax,
                        Forms.percent(rateMinPercent), Forms.percent(rateMaxPercent), guarantee, repayment, null, conditions))
                .name());
    }
}
