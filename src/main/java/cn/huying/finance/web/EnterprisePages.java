package cn.huying.finance.web;

import cn.huying.finance.FinancePermissions;
import cn.huying.finance.GuaranteeType;
import cn.huying.finance.internal.BillService;
import cn.huying.finance.internal.FinanceActors;
import cn.huying.finance.internal.NeedService;
import cn.huying.finance.internal.WaybillService;
import cn.huying.shared.DomainException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 企业工作台 — the enterprise's needs, consent and credit report, waybill import, bills and their quotes. */
@Controller
@PreAuthorize("hasAuthority('" + FinancePermissions.ENTERPRISE + "')")
class EnterprisePages {

    private static final String BACK = "/finance/enterprise";

    private final FinanceActors actors;
    private final NeedService needs;
    private final WaybillService waybills;
    private final BillService bills;

    EnterprisePages(FinanceActors actors, NeedService needs, WaybillService waybills, BillService bills) {
        this.actors = actors;
        this.needs = needs;
        this.waybills = waybills;
        this.bills = bills;
    }

    @GetMapping(BACK)
    String page(Model model) {
        FinanceActors.EnterpriseActor me = actors.enterprise();
        model.addAttribute("enterprise", me);
        model.addAttribute("needs", needs.mine(me));
        model.addAttribute("consent", waybills.consent(me.id()));
        model.addAttribute("report", waybills.ownReport(me));
        var myBills = bills.mine(me);
        Map<Long, Object> quotes = new LinkedHashMap<>();
        myBills.forEach(b -> quotes.put(b.id(), bills.quotesForEnterprise(me, b.id())));
        model.addAttribute("bills", myBills);
        model.addAttribute("quotes", quotes);
        model.addAttribute("guarantees", GuaranteeType.values());
        return "finance/enterprise";
    }

    @PostMapping(BACK + "/needs")
    String post(@RequestParam String purpose, @RequestParam String amountWan, @RequestParam(required = false) Integer termMonths,
                @RequestParam String maxRatePercent, @RequestParam(required = false) GuaranteeType guarantee,
                @RequestParam(defaultValue = "false") boolean publish, RedirectAttributes redirect) {
        return Forms.act(redirect, BACK, publish ? "finance.page.need.published" : "finance.page.need.saved",
                () -> needs.post(actors.enterprise(), new NeedService.NewNeed(purpose, Forms.wan(amountWan), termMonths,
                        Forms.percent(maxRatePercent), guarantee, publish)).id());
    }

    @PostMapping(BACK + "/needs/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        return Forms.act(redirect, BACK, "finance.page.need.published", () -> needs.publish(actors.enterprise(), id).id());
    }

    @PostMapping(BACK + "/needs/{id}/withdraw")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        return Forms.act(redirect, BACK, "finance.page.need.withdrawn", () -> needs.withdraw(actors.enterprise(), id).id());
    }

    @PostMapping(BACK + "/consent")
    String grant(RedirectAttributes redirect) {
        return Forms.act(redirect, BACK, "finance.page.consent.granted", () -> waybills.grant(actors.enterprise()));
    }

    @PostMapping(BACK + "/consent/withdraw")
    String withdrawConsent(RedirectAttributes redirect) {
        return Forms.act(redirect, BACK, "finance.page.consent.withdrawn", () -> waybills.withdraw(actors.enterprise()));
    }

    @PostMapping(BACK + "/waybills")
    String importWaybills(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        byte[] bytes = file == null ? null : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        try {
            WaybillService.ImportResult r = waybills.importFile(actors.enterprise(), name, bytes);
            redirect.addFlashAttribute("imported", r);
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:" + BACK;
    }

    @PostMapping(BACK + "/bills")
    String listBill(@RequestParam String billNo, @RequestParam String acceptor, @RequestParam String faceValue,
                    @RequestParam String maturity, @RequestParam String askingRatePercent, RedirectAttributes redirect) {
        return Forms.act(redirect, BACK, "finance.page.bill.listed", () -> bills.list(actors.enterprise(),
                new BillService.NewBill(billNo, acceptor, Forms.decimal(faceValue), date(maturity),
                        Forms.percent(askingRatePercent))).billNo());
    }

    @PostMapping(BACK + "/bills/{id}/quotes/{quoteId}/accept")
    String accept(@PathVariable long id, @PathVariable long quoteId, RedirectAttributes redirect) {
        return Forms.act(redirect, BACK, "finance.page.bill.matched",
                () -> bills.accept(actors.enterprise(), id, quoteId).bankName());
    }

    private static LocalDate date(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("finance.bill.maturity.invalid");
        }
    }
}
