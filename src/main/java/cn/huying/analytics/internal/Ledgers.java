package cn.huying.analytics.internal;

import cn.huying.analytics.LedgerFilter;
import cn.huying.analytics.LedgerRow;
import cn.huying.analytics.PeriodStats;
import cn.huying.identity.CurrentUser;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case ledgers 台账 (事件总台账, 隐患台账, 矛盾纠纷台账) on screen and in Excel with the same filters, and the period
 * statistics; every read under the caller's scope. The overdue ledger 超期台账 and the supervision orders 督办单 stay
 * where cases keeps them (/ledgers/overdue and /supervision, with their own export).
 */
@Service
@Transactional(readOnly = true)
public class Ledgers {

    /** The most rows one export carries. */
    public static final int MAX_ROWS = 100_000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FactReads reads;
    private final AnalyticsScope scopes;
    private final MessageSource messages;
    private final Clock clock;

    Ledgers(FactReads reads, AnalyticsScope scopes, MessageSource messages, Clock clock) {
        this.reads = reads;
        this.scopes = scopes;
        this.messages = messages;
        this.clock = clock;
    }

    public List<LedgerRow> rows(LedgerFilter filter, int limit, CurrentUser viewer) {
        List<LedgerRow> out = new ArrayList<>();
        reads.ledger(scopes.prefix(viewer, filter.regionId()), filter, limit, out::add);
        return out;
    }

    public PeriodStats stats(Long regionId, LocalDate from, LocalDate to, CurrentUser viewer) {
        if (from == null || to == null || to.isBefore(from)) {
            throw cn.huying.shared.DomainException.invalid("analytics.period.invalid");
        }
        return reads.stats(scopes.prefix(viewer, regionId), from, to);
    }

    /** Writes the ledger as .xlsx: the filters, the rows, and (with a period) a sheet of period statistics. */
    public void export(LedgerFilter filter, CurrentUser viewer, OutputStream out) throws IOException {
        String prefix = scopes.prefix(viewer, filter.regionId());
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet(label("ledger." + ledger(filter)));
            int[] r = {0};
            cells(sheet.createRow(r[0]++), label("ledger." + ledger(filter)));
            cells(sheet.createRow(r[0]++), "筛选条件", "来源：" + nz(filter.channel() == null ? "全部" : label("channel." + filter.channel())),
                    "类别：" + (filter.kind() == null ? "全部" : label("kind." + filter.kind())),
                    "状态：" + (filter.state() == null ? "全部" : filter.state()), "关键词：" + nz(filter.q()),
                    "受理日期：" + (filter.from() == null ? "" : filter.from()) + "—" + (filter.to() == null ? "" : filter.to()));
            cells(sheet.createRow(r[0]++), "编号", "标题", "类别", "分类", "来源", "状态", "区域", "承办部门", "受理时间",
                    "办结期限", "办理时间", "结案时间", "化解层级", "回访评价");
            reads.ledger(prefix, filter, MAX_ROWS, row -> cells(sheet.createRow(r[0]++), row.code(), row.title(),
                    label("kind." + row.kind()), row.categoryName(), label("channel." + row.channel()),
                    label("state." + row.state()), row.regionName(), nz(row.departmentName()), when(row.receivedAt()),
                    when(row.dueAt()), when(row.resolvedAt()), when(row.closedAt()),
                    row.resolvedTier() == null ? "" : label("tier." + row.resolvedTier()),
                    row.satisfaction() == null ? "" : label("satisfaction." + row.satisfaction())));
            if (filter.from() != null && filter.to() != null) {
                PeriodStats s = reads.stats(prefix, filter.from(), filter.to());
                Sheet st = wb.createSheet("期间统计");
                int i = 0;
                cells(st.createRow(i++), "期间", s.from() + "—" + s.to());
                cells(st.createRow(i++), "受理事件", Long.toString(s.received()));
                cells(st.createRow(i++), "化解矛盾纠纷", Long.toString(s.disputesResolved()));
                cells(st.createRow(i++), "处置安全隐患", Long.toString(s.hazardsHandled()));
                cells(st.createRow(i++), "结案", Long.toString(s.closed()));
                cells(st.createRow(i++), "网格内解决", Long.toString(s.resolvedInGrid()));
                for (Map.Entry<String, Long> e : s.byChannel().entrySet()) {
                    cells(st.createRow(i++), "来源：" + label("channel." + e.getKey()), Long.toString(e.getValue()));
                }
            }
            wb.write(out);
            wb.dispose();
        }
    }

    private static String ledger(LedgerFilter f) {
        return f.ledger() == null ? "general" : f.ledger();
    }

    private String label(String key) {
        return messages.getMessage("analytics." + key, null, key, Locale.SIMPLIFIED_CHINESE);
    }

    private static void cells(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i] == null ? "" : values[i]);
        }
    }

    private String when(Instant t) {
        return t == null ? "" : WHEN.format(t.atZone(clock.getZone()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
