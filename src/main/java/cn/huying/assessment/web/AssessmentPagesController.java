package cn.huying.assessment.web;

import cn.huying.assessment.GridScores;
import cn.huying.assessment.Rate;
import cn.huying.assessment.RateFilter;
import cn.huying.assessment.Rates;
import cn.huying.assessment.VillageAssessment;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.DomainException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The assessment pages: rates with drill-down, grid scores (and the grid worker's own on a phone), villages. */
@Controller
class AssessmentPagesController {

    private static final String VIEW = "hasAuthority(T(cn.huying.assessment.AssessmentPermissions).VIEW)";

    private final Rates rates;
    private final GridScores scores;
    private final VillageAssessment villages;
    private final CurrentUsers users;
    private final Clock clock;

    AssessmentPagesController(Rates rates, GridScores scores, VillageAssessment villages, CurrentUsers users,
                              Clock clock) {
        this.rates = rates;
        this.scores = scores;
        this.villages = villages;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/assessment")
    @PreAuthorize(VIEW)
    String rates(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                 @RequestParam(required = false) Long regionId, @RequestParam(required = false) String channel,
                 @RequestParam(required = false) String kind, Model model) {
        RateFilter f = filter(from, to, regionId, channel, kind);
        model.addAttribute("filter", f);
        model.addAttribute("figures", rates.rates(f, users.require()));
        return "assessment/rates";
    }

    @GetMapping("/assessment/rates/{rate}")
    @PreAuthorize(VIEW)
    String rateCases(@PathVariable String rate, @RequestParam(required = false) LocalDate from,
                     @RequestParam(required = false) LocalDate to, @RequestParam(required = false) Long regionId,
                     @RequestParam(required = false) String channel, @RequestParam(required = false) String kind,
                     @RequestParam(defaultValue = "denominator") String part, Model model) {
        Rate r;
        try {
            r = Rate.valueOf(rate);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("assessment.rate.unknown", rate);
        }
        RateFilter f = filter(from, to, regionId, channel, kind);
        model.addAttribute("filter", f);
        model.addAttribute("rate", r);
        model.addAttribute("part", part);
        model.addAttribute("cases", rates.cases(r, f, "numerator".equals(part), 500, users.require()));
        return "assessment/rate-cases";
    }

    @GetMapping("/assessment/grids")
    @PreAuthorize(VIEW)
    String grids(@RequestParam(required = false) YearMonth month, Model model) {
        YearMonth m = month == null ? YearMonth.now(clock).minusMonths(1) : month;
        model.addAttribute("month", m);
        CurrentUser user = users.require();
        model.addAttribute("scores", scores.month(m, null, user));
        model.addAttribute("canConfirm", user.can(cn.huying.assessment.AssessmentPermissions.EDIT));
        return "assessment/grids";
    }

    @PostMapping("/assessment/grids/confirm")
    @PreAuthorize("hasAuthority(T(cn.huying.assessment.AssessmentPermissions).EDIT)")
    String confirm(@RequestParam YearMonth month) {
        scores.confirm(month, users.require());
        return "redirect:/assessment/grids?month=" + month;
    }

    @GetMapping("/m/score")
    @PreAuthorize("hasAuthority(T(cn.huying.assessment.AssessmentPermissions).OWN_SCORE)")
    String myScore(@RequestParam(required = false) YearMonth month, Model model) {
        YearMonth m = month == null ? YearMonth.now(clock) : month;
        model.addAttribute("month", m);
        model.addAttribute("s", scores.own(m, users.require()));
        return "assessment/my-score";
    }

    @GetMapping("/assessment/villages")
    @PreAuthorize(VIEW)
    String villages(@RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to,
                    Model model) {
        YearMonth now = YearMonth.now(clock);
        YearMonth f = from == null ? now.withMonth(1) : from;
        YearMonth t = to == null ? now : to;
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("three", villages.threeDown(f, t, null, users.require()));
        return "assessment/villages";
    }

    @GetMapping("/assessment/villages/{id}")
    @PreAuthorize(VIEW)
    String village(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = users.require();
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("sheet", villages.sheet(id, y, user));
        model.addAttribute("safeVillage", villages.checklist(id, y, "SAFE_VILLAGE", user));
        return "assessment/village";
    }

    private RateFilter filter(LocalDate from, LocalDate to, Long regionId, String channel, String kind) {
        LocalDate today = LocalDate.now(clock);
        return new RateFilter(regionId, null, null, channel == null || channel.isBlank() ? null : channel,
                kind == null || kind.isBlank() ? null : kind, from == null ? today.withDayOfYear(1) : from,
                to == null ? today : to);
    }
}
