package cn.huying.analytics.api;

import cn.huying.analytics.HotIssue;
import cn.huying.analytics.LedgerFilter;
import cn.huying.analytics.LedgerRow;
import cn.huying.analytics.PeriodStats;
import cn.huying.analytics.WeeklyReportInfo;
import cn.huying.analytics.internal.Dashboard;
import cn.huying.analytics.internal.Ledgers;
import cn.huying.analytics.internal.WeeklyReports;
import cn.huying.assessment.Rate;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "报表与研判 Analytics", description = "周报（Word）、台账（Excel）、期间统计、高频共性问题、领导驾驶舱。")
@RestController
@RequestMapping("/api/analytics")
class AnalyticsController {

    static final String VIEW = "hasAuthority(T(cn.huying.analytics.AnalyticsPermissions).VIEW)";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The longest period the text analysis and the dashboard read at once. */
    static final int MAX_DAYS = 400;

    private final WeeklyReports reports;
    private final Ledgers ledgers;
    private final Dashboard dashboard;
    private final CurrentUsers users;
    private final Clock clock;

    AnalyticsController(WeeklyReports reports, Ledgers ledgers, Dashboard dashboard, CurrentUsers users, Clock clock) {
        this.reports = reports;
        this.ledgers = ledgers;
        this.dashboard = dashboard;
        this.users = users;
        this.clock = clock;
    }

    @Operation(summary = "生成某周的周报（Word）", description = "weekStart 为周一；regionId 缺省为本人数据范围的区域。生成的文件长期保存。")
    @PostMapping("/weekly-reports")
    @PreAuthorize("hasAuthority(T(cn.huying.analytics.AnalyticsPermissions).REPORT)")
    ResponseEntity<WeeklyReportInfo> generate(@RequestParam LocalDate weekStart,
                                              @RequestParam(required = false) Long regionId) {
        return ResponseEntity.status(HttpStatus.CREATED).body(reports.generate(weekStart, regionId, users.require()));
    }

    @GetMapping("/weekly-reports")
    @PreAuthorize(VIEW)
    List<WeeklyReportInfo> reports() {
        return reports.list(users.require(), 200);
    }

    @Operation(summary = "下载周报 Word 文件")
    @GetMapping("/weekly-reports/{id}/file")
    @PreAuthorize(VIEW)
    ResponseEntity<byte[]> file(@PathVariable long id) {
        Map.Entry<WeeklyReportInfo, byte[]> f = reports.file(id, users.require());
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.getKey().fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CONTENT_TYPE, DOCX).body(f.getValue());
    }

    @Operation(summary = "台账（JSON）", description = "ledger：general 事件总台账、hazards 隐患台账、disputes 矛盾纠纷台账；"
            + "超期台账与督办单见 /ledgers/overdue 与 /supervision。")
    @GetMapping("/ledgers/{ledger}")
    @PreAuthorize(VIEW)
    List<LedgerRow> ledger(@PathVariable String ledger, @RequestParam(required = false) Long regionId,
                           @RequestParam(required = false) String kind, @RequestParam(required = false) String state,
                           @RequestParam(required = false) String channel, @RequestParam(required = false) String q,
                           @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                           @RequestParam(defaultValue = "200") int limit) {
        return ledgers.rows(filter(ledger, regionId, kind, state, channel, q, from, to),
                Math.max(1, Math.min(limit, 1000)), users.require());
    }

    @Operation(summary = "台账导出 Excel（与页面相同的筛选条件）")
    @GetMapping("/ledgers/{ledger}/export")
    @PreAuthorize(VIEW)
    void export(@PathVariable String ledger, @RequestParam(required = false) Long regionId,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String state,
                @RequestParam(required = false) String channel, @RequestParam(required = false) String q,
                @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                HttpServletResponse response) throws IOException {
        LedgerFilter f = filter(ledger, regionId, kind, state, channel, q, from, to);
        ledgers.rows(f, 1, users.require());
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("台账-" + ledger + "-" + LocalDate.now(clock) + ".xlsx", StandardCharsets.UTF_8).build()
                .toString());
        ledgers.export(f, users.require(), response.getOutputStream());
    }

    @Operation(summary = "期间统计", description = "受理、化解矛盾纠纷、处置安全隐患、结案、网格内解决，按来源和类别。")
    @GetMapping("/stats")
    @PreAuthorize(VIEW)
    PeriodStats stats(@RequestParam LocalDate from, @RequestParam LocalDate to,
                      @RequestParam(required = false) Long regionId) {
        return ledgers.stats(regionId, from, to, users.require());
    }

    @Operation(summary = "高频共性问题", description = "以 smartcn 中文分词统计事件文本；rising=true 只列较上一同长期间上升的问题。")
    @GetMapping("/hot-issues")
    @PreAuthorize(VIEW)
    List<HotIssue> hot(@RequestParam LocalDate from, @RequestParam LocalDate to,
                       @RequestParam(required = false) Long regionId, @RequestParam(defaultValue = "20") int top,
                       @RequestParam(defaultValue = "false") boolean rising) {
        period(from, to);
        int n = Math.max(1, Math.min(top, 100));
        return rising ? dashboard.rising(from, to, regionId, n, users.require())
                : dashboard.hot(from, to, regionId, n, users.require());
    }

    @Operation(summary = "领导驾驶舱数据", description = "mapRate 为网格着色所依据的指标（缺省 SATISFACTION）。")
    @GetMapping("/dashboard")
    @PreAuthorize(VIEW)
    Dashboard.View dashboard(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                             @RequestParam(required = false) Long regionId,
                             @RequestParam(defaultValue = "SATISFACTION") String mapRate) {
        LocalDate today = LocalDate.now(clock);
        LocalDate t = to == null ? today : to;
        LocalDate f = from == null ? t.withDayOfMonth(1).minusMonths(2) : from;
        period(f, t);
        Rate rate;
        try {
            rate = Rate.valueOf(mapRate);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("analytics.rate.unknown", mapRate);
        }
        return dashboard.view(f, t, regionId, rate, users.require());
    }

    static void period(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw DomainException.invalid("analytics.period.too-long", MAX_DAYS);
        }
    }

    static LedgerFilter filter(String ledger, Long regionId, String kind, String state, String channel, String q,
                               LocalDate from, LocalDate to) {
        if (!List.of("general", "hazards", "disputes").contains(ledger)) {
            throw DomainException.notFound("analytics.ledger.unknown", ledger);
        }
        return new LedgerFilter(ledger, regionId, blank(kind), blank(state), blank(channel), blank(q), from, to);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
