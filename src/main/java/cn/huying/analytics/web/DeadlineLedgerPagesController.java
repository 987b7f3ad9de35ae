package cn.huying.analytics.web;

import cn.huying.analytics.DeadlineLedgerFilter;
import cn.huying.analytics.LedgerEntry;
import cn.huying.analytics.internal.DeadlineLedgers;
import cn.huying.cases.CaseKind;
import cn.huying.identity.AuditLog;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.region.DepartmentView;
import cn.huying.region.Departments;
import cn.huying.shared.CountLabels;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The deadline ledgers 台账 for the command centre, leaders and departments, each in the user's data scope: 超期台账
 * (overdue, with staged progress due and last given), 问题台账 (parked), 黄灯 and 红灯, filtered by department, kind
 * and code or title, twenty a page; each exported to Excel with the same filters, every matching row, read page by
 * page. The supervision orders 督办单 beside them stay cases' ({@code /supervision}). Moved from cases (issue 23).
 */
@Controller
class DeadlineLedgerPagesController {

    static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DeadlineLedgers reads;
    private final Departments departments;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final AuditLog audit;
    private final CountLabels countLabels;
    private final Clock clock;

    DeadlineLedgerPagesController(DeadlineLedgers reads, Departments departments, CurrentUsers users,
                                  MessageSource messages, AuditLog audit, CountLabels countLabels, Clock clock) {
        this.countLabels = countLabels;
        this.reads = reads;
        this.departments = departments;
        this.users = users;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/ledgers")
    @PreAuthorize("hasAnyAuthority('ledger:view', 'supervision:view')")
    String ledgers() {
        return "redirect:/ledgers/overdue";
    }

    @GetMapping("/ledgers/{which}")
    @PreAuthorize("hasAnyAuthority('ledger:view', 'supervision:view')")
    String ledger(@PathVariable String which, @RequestParam(required = false) String departmentId,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String q,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = users.require();
        String ledger = known(which);
        DeadlineLedgerFilter filter = filter(departmentId, kind, q);
        Instant now = reads.now();
        PageResult<LedgerEntry> result = reads.ledger(ledger, filter, user, new PageRequest(Math.max(0, page), PAGE_SIZE),
                now);
        // each tab's count as the list counts it: up to a cap, then "1000+"
        Map<String, String> counts = new LinkedHashMap<>();
        for (String l : DeadlineLedgers.LEDGERS) {
            counts.put(l, countLabels.total(l.equals(ledger) ? result
                    : reads.ledger(l, filter, user, new PageRequest(0, 1), now)));
        }
        model.addAttribute("which", ledger);
        model.addAttribute("counts", counts);
        model.addAttribute("result", result);
        model.addAttribute("filter", filter);
        model.addAttribute("departments", departments(user));
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("columns", columns(ledger));
        model.addAttribute("base", url("/ledgers/" + ledger, filter));
        model.addAttribute("exportUrl", url("/ledgers/" + ledger + "/export", filter));
        model.addAttribute("tabQuery", url("", filter));
        return "analytics/deadline-ledger";
    }

    /** The ledger as .xlsx: the screen's filters, every matching row as of now, written while it is read. */
    @GetMapping("/ledgers/{which}/export")
    @PreAuthorize("hasAnyAuthority('ledger:view', 'supervision:view')")
    void export(@PathVariable String which, @RequestParam(required = false) String departmentId,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String q,
                HttpServletResponse response) throws IOException {
        CurrentUser user = users.require();
        String ledger = known(which);
        DeadlineLedgerFilter filter = filter(departmentId, kind, q);
        Instant now = reads.now();
        String title = text("ledger.title." + ledger);
        String subtitle = text("ledger.export.subtitle", describe(filter, user),
                WHEN.format(now.atZone(clock.getZone())));
        try (LedgerWorkbook book = new LedgerWorkbook(title, subtitle, workbookColumns(ledger), clock.getZone())) {
            long rows = reads.eachLedgerPage(ledger, filter, user, now, book::add);
            String file = title + "-" + STAMP.format(now.atZone(clock.getZone())) + ".xlsx";
            response.setContentType(LedgerWorkbook.CONTENT_TYPE);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            audit.record("LEDGER_EXPORTED", "ledger:" + ledger, "rows=" + rows + "; " + describe(filter, user));
            OutputStream out = response.getOutputStream();
            book.writeTo(out);
            out.flush();
        }
    }

    // ---- helpers --------------------------------------------------------------------------

    private static String known(String which) {
        String l = which == null ? "" : which.toLowerCase(Locale.ROOT);
        if (!DeadlineLedgers.LEDGERS.contains(l)) {
            throw DomainException.notFound("ledger.unknown", which);
        }
        return l;
    }

    /** The filters from the query string; a value that is not one (a stale bookmark) is left out. */
    static DeadlineLedgerFilter filter(String departmentId, String kind, String q) {
        Long department = null;
        if (departmentId != null && !departmentId.isBlank()) {
            try {
                department = Long.valueOf(departmentId.strip());
            } catch (NumberFormatException e) {
                department = null;
            }
        }
        CaseKind k = null;
        if (kind != null && !kind.isBlank()) {
            try {
                k = CaseKind.valueOf(kind.strip());
            } catch (IllegalArgumentException e) {
                k = null;
            }
        }
        return new DeadlineLedgerFilter(department, k, q);
    }

    /** Active departments of the user's scope and the regions above it (those a case may be dispatched to). */
    private List<DepartmentView> departments(CurrentUser user) {
        return departments.list(users.scopeOf(user), null, null, false);
    }

    private static String url(String path, DeadlineLedgerFilter f) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        if (f.departmentId() != null) {
            b.queryParam("departmentId", f.departmentId());
        }
        if (f.kind() != null) {
            b.queryParam("kind", f.kind().name());
        }
        if (f.q() != null) {
            b.queryParam("q", f.q());
        }
        return b.encode().build().toUriString();
    }

    /** The filters in words, for the export's second row and the audit log. */
    private String describe(DeadlineLedgerFilter f, CurrentUser user) {
        List<String> parts = new ArrayList<>();
        if (f.departmentId() != null) {
            String name = departments(user).stream().filter(d -> d.id() == f.departmentId()).map(DepartmentView::name)
                    .findFirst().orElse("#" + f.departmentId());
            parts.add(text("ledger.filter.department") + "：" + name);
        }
        if (f.kind() != null) {
            parts.add(text("ledger.filter.kind") + "：" + f.kind().label());
        }
        if (f.q() != null) {
            parts.add(text("ledger.filter.q") + "：" + f.q());
        }
        return parts.isEmpty() ? text("ledger.filter.none") : String.join("；", parts);
    }

    /** What the screen shows beyond the common columns: message keys of the extra columns. */
    static List<String> columns(String ledger) {
        return switch (ledger) {
            case "overdue" -> List.of("progressDueAt", "lastProgressAt");
            case "yellow" -> List.of("yellowAt");
            case "red" -> List.of("redAt");
            default -> List.of();
        };
    }

    private List<LedgerWorkbook.Column> workbookColumns(String ledger) {
        List<LedgerWorkbook.Column> c = new ArrayList<>();
        c.add(new LedgerWorkbook.Column(text("case.table.code"), 18, LedgerEntry::code));
        c.add(new LedgerWorkbook.Column(text("case.table.title"), 30, LedgerEntry::title));
        c.add(new LedgerWorkbook.Column(text("case.table.category"), 14, LedgerEntry::categoryName));
        c.add(new LedgerWorkbook.Column(text("case.table.region"), 24, LedgerEntry::regionName));
        c.add(new LedgerWorkbook.Column(text("case.table.department"), 16, LedgerEntry::departmentName));
        c.add(new LedgerWorkbook.Column(text("case.table.state"), 10, LedgerEntry::stateLabel));
        c.add(new LedgerWorkbook.Column(text("ledger.col.receivedAt"), 17, LedgerEntry::receivedAt));
        c.add(new LedgerWorkbook.Column(text("ledger.col.dueAt"), 17, LedgerEntry::dueAt));
        c.add(new LedgerWorkbook.Column(text("ledger.col.light"), 12,
                e -> text("case.page.light." + e.light())));
        if (ledger.equals("overdue")) {
            // 阶段性进展: why it is late, what comes next, the new date promised
            c.add(new LedgerWorkbook.Column(text("ledger.col.progressReason"), 30, LedgerEntry::progressReason));
            c.add(new LedgerWorkbook.Column(text("ledger.col.progressNextSteps"), 30, LedgerEntry::progressNextSteps));
            c.add(new LedgerWorkbook.Column(text("ledger.col.promisedDate"), 12,
                    e -> e.promisedDate() == null ? null : e.promisedDate().toString()));
        }
        for (String extra : columns(ledger)) {
            c.add(new LedgerWorkbook.Column(text("ledger.col." + extra), 17, switch (extra) {
                case "progressDueAt" -> LedgerEntry::progressDueAt;
                case "lastProgressAt" -> LedgerEntry::lastProgressAt;
                case "yellowAt" -> LedgerEntry::yellowAt;
                default -> LedgerEntry::redAt;
            }));
        }
        return c;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
