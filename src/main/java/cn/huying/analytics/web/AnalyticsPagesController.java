package cn.huying.analytics.web;

import cn.huying.analytics.LedgerFilter;
import cn.huying.analytics.WeeklyReportInfo;
import cn.huying.analytics.internal.Dashboard;
import cn.huying.analytics.internal.Ledgers;
import cn.huying.analytics.internal.WeeklyReports;
import cn.huying.assessment.Rate;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseBody;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.DomainException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard, the weekly reports page and the ledgers page. */
@Controller
class AnalyticsPagesController {

    private static final String VIEW = "hasAuthority(T(cn.huying.analytics.AnalyticsPermissions).VIEW)";

    private final WeeklyReports reports;
    private final Ledgers ledgers;
    private final Dashboard dashboard;
    private final CurrentUsers users;
    private final Clock clock;

    AnalyticsPagesController(WeeklyReports reports, Ledgers ledgers, Dashboard dashboard, CurrentUsers users,
                             Clock clock) {
        this.reports = reports;
        this.ledgers = ledgers;
        this.dashboard = dashboard;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/analytics")
    @PreAuthorize(VIEW)
    String dashboard(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                     @RequestParam(defaultValue = "SATISFACTION") String mapRate, Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate t = to == null ? today : to;
        model.addAttribute("from", from == null ? t.withDayOfMonth(1).minusMonths(2) : from);
        model.addAttribute("to", t);
        model.addAttribute("mapRate", mapRate);
        model.addAttribute("rootId", users.require().scopeRegionId());
        return "analytics/dashboard";
    }

    /** The dashboard's data for its charts (the page's session; the same as {@code GET /api/analytics/dashboard}). */
    @GetMapping(path = "/analytics/dashboard.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(VIEW)
    @ResponseBody
    Dashboard.View dashboardData(@RequestParam LocalDate from, @RequestParam LocalDate to,
                                 @RequestParam(defaultValue = "SATISFACTION") String mapRate) {
        if (to.isBefore(from) || from.plusDays(400).isBefore(to)) {
            throw DomainException.invalid("analytics.period.too-long", 400);
        }
        Rate rate;
        try {
            rate = Rate.valueOf(mapRate);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("analytics.rate.unknown", mapRate);
        }
        return dashboard.view(from, to, null, rate, users.require());
    }

    @GetMapping("/analytics/reports/{id}/file")
    @PreAuthorize(VIEW)
    ResponseEntity<byte[]> reportFile(@PathVariable long id) {
        Map.Entry<WeeklyReportInfo, byte[]> f = reports.file(id, users.require());
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.getKey().fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CONTENT_TYPE,
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document").body(f.getValue());
    }

    @GetMapping("/analytics/ledgers/{ledger}/export")
    @PreAuthorize(VIEW)
    void export(@PathVariable String ledger, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String state, @RequestParam(required = false) String channel,
                @RequestParam(required = false) String q, @RequestParam(required = false) LocalDate from,
                @RequestParam(required = false) LocalDate to, HttpServletResponse response) throws IOException {
        if (!List.of("general", "hazards", "disputes").contains(ledger)) {
            throw DomainException.notFound("analytics.ledger.unknown", ledger);
        }
        LedgerFilter f = new LedgerFilter(ledger, null, blank(kind), blank(state), blank(channel), blank(q), from, to);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("台账-" + ledger + "-" + LocalDate.now(clock) + ".xlsx", StandardCharsets.UTF_8)
                .build().toString());
        ledgers.export(f, users.require(), response.getOutputStream());
    }

    /** The high-frequency issues of a period (the last 30 days by default), their places and the cases behind each. */
    @GetMapping("/analytics/hot")
    @PreAuthorize(VIEW)
    String hot(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
               Model model) {
        LocalDate t = to == null ? LocalDate.now(clock) : to;
        LocalDate f = from == null ? t.minusDays(29) : from;
        if (t.isBefore(f) || f.plusDays(400).isBefore(t)) {
            throw DomainException.invalid("analytics.period.too-long", 400);
        }
        CurrentUser user = users.require();
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("issues", dashboard.hot(f, t, null, 20, user));
        return "analytics/hot";
    }

    @GetMapping("/analytics/reports")
    @PreAuthorize(VIEW)
    String reports(Model model) {
        CurrentUser user = users.require();
        model.addAttribute("reports", reports.list(user, 100));
        model.addAttribute("lastMonday", LocalDate.now(clock).with(TemporalAdjusters.previous(DayOfWeek.MONDAY)));
        model.addAttribute("canGenerate", user.can(cn.huying.analytics.AnalyticsPermissions.REPORT));
        return "analytics/reports";
    }

    @PostMapping("/analytics/reports")
    @PreAuthorize("hasAuthority(T(cn.huying.analytics.AnalyticsPermissions).REPORT)")
    String generate(@RequestParam LocalDate weekStart) {
        LocalDate monday = weekStart.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        reports.generate(monday, null, users.require());
        return "redirect:/analytics/reports";
    }

    @GetMapping("/analytics/ledgers")
    @PreAuthorize(VIEW)
    String ledgers() {
        return "redirect:/analytics/ledgers/general";
    }

    @GetMapping("/analytics/ledgers/{ledger}")
    @PreAuthorize(VIEW)
    String ledger(@PathVariable String ledger, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String state, @RequestParam(required = false) String channel,
                  @RequestParam(required = false) String q, @RequestParam(required = false) LocalDate from,
                  @RequestParam(required = false) LocalDate to, Model model) {
        if (!List.of("general", "hazards", "disputes").contains(ledger)) {
            throw DomainException.notFound("analytics.ledger.unknown", ledger);
        }
        LedgerFilter f = new LedgerFilter(ledger, null, blank(kind), blank(state), blank(channel), blank(q), from, to);
        CurrentUser user = users.require();
        model.addAttribute("filter", f);
        model.addAttribute("rows", ledgers.rows(f, 100, user));
        if (from != null && to != null && !to.isBefore(from)) {
            model.addAttribute("stats", ledgers.stats(null, from, to, user));
        }
        return "analytics/ledgers";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
