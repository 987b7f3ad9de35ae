package cn.huying.patrol.web;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.patrol.PatrolPermissions;
import cn.huying.patrol.Patrols;
import cn.huying.shared.DomainException;
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

/**
 * The office view of grid work: patrols, findings, cases from findings and visits counted per grid (never per
 * person), the party organisation along the grid with the cases handled, and the town's visit rules.
 */
@Controller
@PreAuthorize("hasAuthority('" + PatrolPermissions.VIEW + "')")
class PatrolOfficePages {

    private final Patrols patrols;
    private final CurrentUsers users;
    private final Clock clock;

    PatrolOfficePages(Patrols patrols, CurrentUsers users, Clock clock) {
        this.patrols = patrols;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/patrol")
    String office(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                  Model model) {
        CurrentUser me = users.require();
        LocalDate today = LocalDate.now(clock);
        LocalDate f = from == null ? today.withDayOfMonth(1) : from;
        LocalDate t = to == null ? today : to;
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("tally", patrols.tally(f, t, me));
        model.addAttribute("party", patrols.partyOrgs(me));
        model.addAttribute("rules", patrols.visitRules());
        model.addAttribute("canConfig", me.can(PatrolPermissions.CONFIG));
        return "patrol/office";
    }

    @PostMapping("/patrol/rules/{tag}")
    @PreAuthorize("hasAuthority('" + PatrolPermissions.CONFIG + "')")
    String rule(@PathVariable String tag, @RequestParam int intervalDays,
                @RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
        try {
            patrols.setVisitRule(tag, intervalDays, active, users.require());
            redirect.addFlashAttribute("doneKey", "grid.office.rule.saved");
            redirect.addFlashAttribute("doneArg", tag);
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/patrol";
    }
}
