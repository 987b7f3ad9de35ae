package cn.huying.finance.web;

import cn.huying.finance.FinancePermissions;
import cn.huying.finance.internal.EngagementView;
import cn.huying.finance.internal.FinanceActors;
import cn.huying.finance.internal.NeedService;
import cn.huying.finance.internal.NeedView;
import cn.huying.finance.internal.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One need: its matching products with reasons (for the enterprise and the office), and the engagements the viewer may
 * see with every recorded step — the enterprise and the office all banks', a bank only its own.
 */
@Controller
class NeedPage {

    private final FinanceActors actors;
    private final NeedService needs;
    private final Suggestions suggestions;

    NeedPage(FinanceActors actors, NeedService needs, Suggestions suggestions) {
        this.actors = actors;
        this.needs = needs;
        this.suggestions = suggestions;
    }

    @GetMapping("/finance/needs/{id}")
    @PreAuthorize("hasAnyAuthority('" + FinancePermissions.ENTERPRISE + "', '" + FinancePermissions.BANK + "', '"
            + FinancePermissions.OFFICE + "')")
    String need(@PathVariable long id, Model model) {
        var user = actors.user();
        NeedView need;
        List<EngagementView> engagements;
        boolean suggest = true;
        if (user.can(FinancePermissions.OFFICE)) {
            need = needs.any(id);
            engagements = needs.engagementsOfNeed(id);
        } else if (user.can(FinancePermissions.BANK)) {
            FinanceActors.BankActor bank = actors.bank();
            need = needs.forBank(bank, id);
            engagements = needs.engagementsOfNeedForBank(bank, id);
            suggest = false;
        } else {
            need = needs.ofEnterprise(actors.enterprise(), id);
            engagements = needs.engagementsOfNeed(id);
        }
        Map<Long, Object> steps = new LinkedHashMap<>();
        engagements.forEach(e -> steps.put(e.id(), needs.steps(e.id())));
        model.addAttribute("need", need);
        model.addAttribute("engagements", engagements);
        model.addAttribute("steps", steps);
        model.addAttribute("suggestions", suggest ? suggestions.forNeed(need) : List.of());
        return "finance/need";
    }
}
