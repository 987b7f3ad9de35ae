package cn.huying.analytics.internal;

import cn.huying.analytics.HotIssue;
import cn.huying.analytics.PeriodStats;
import cn.huying.assessment.RateFigure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Writes the weekly report 《…民生服务工作周报》 as a Word document: totals by channel and by kind (each with a native
 * Word bar chart — the chart is data in the file, drawn by Word, so the server needs no font), the rates with the
 * same week a year earlier, the overdue list with reasons and next steps, the high-frequency issues and three typical
 * cases.
 */
final class WeeklyReportWriter {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("M月d日");

    record Content(String regionName, LocalDate weekStart, LocalDate weekEnd, PeriodStats stats,
                   List<RateFigure> rates, List<FactReads.Overdue> overdue, List<HotIssue> hot, List<HotIssue> rising,
                   List<FactReads.Typical> typical, Function<String, String> label, ZoneId zone) {
    }

    private WeeklyReportWriter() {
    }

    static String title(String regionName) {
        return regionName + "民生服务工作周报";
    }

    static byte[] write(Content c) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph head = doc.createParagraph();
            head.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun t = head.createRun();
            t.setBold(true);
            t.setFontSize(18);
            t.setText("《" + title(c.regionName()) + "》");
            XWPFParagraph sub = doc.createParagraph();
            sub.setAlignment(ParagraphAlignment.CENTER);
            sub.createRun().setText(c.weekStart().format(DAY) + "—" + c.weekEnd().format(SHORT));

            heading(doc, "一、总体情况");
            PeriodStats s = c.stats();
            text(doc, "本周共受理事件 " + s.received() + " 件，办结（结案）" + s.closed() + " 件；化解矛盾纠纷 "
                    + s.disputesResolved() + " 件，处置安全隐患 " + s.hazardsHandled() + " 件，网格内解决 "
                    + s.resolvedInGrid() + " 件。");
            counts(doc, "按来源", s.byChannel(), c.label(), "channel");
            counts(doc, "按类别", s.byKind(), c.label(), "kind");

            heading(doc, "二、主要指标");
            XWPFTable rates = doc.createTable(1, 5);
            cells(rates.getRow(0), "指标", "本周", "分子/分母", "去年同期", "同比");
            for (RateFigure r : c.rates()) {
                cells(rates.createRow(), r.label(), pct(r.percent()), r.numerator() + "/" + r.denominator(),
                        pct(r.lastYearPercent()), diff(r.percent(), r.lastYearPercent()));
            }

            heading(doc, "三、超期件");
            if (c.overdue().isEmpty()) {
                text(doc, "本周无超期件。");
            } else {
                XWPFTable od = doc.createTable(1, 6);
                cells(od.getRow(0), "编号", "事项", "承办部门", "办结期限", "超期原因", "下一步措施");
                for (FactReads.Overdue o : c.overdue()) {
                    cells(od.createRow(), o.code(), o.title(), nz(o.departmentName()),
                            o.dueAt().atZone(c.zone()).toLocalDate().format(DAY), nz(o.reason()),
                            o.nextSteps() == null ? "待报阶段性进展" : o.nextSteps()
                                    + (o.promised() == null ? "" : "（预计" + o.promised().format(SHORT) + "办结）"));
                }
            }

            heading(doc, "四、高频共性问题");
            if (c.hot().isEmpty()) {
                text(doc, "本周未见高频问题。");
            } else {
                XWPFTable hot = doc.createTable(1, 4);
                cells(hot.getRow(0), "问题", "件数", "上周", "主要分布");
                for (HotIssue h : c.hot()) {
                    cells(hot.createRow(), h.term() + (h.rising() ? "（上升）" : ""), Long.toString(h.count()),
                            Long.toString(h.previousCount()), h.places().stream().limit(3)
                                    .map(p -> nz(p.name()) + p.count() + "件").reduce((a, b) -> a + "、" + b).orElse(""));
                }
            }
            if (!c.rising().isEmpty()) {
                text(doc, "较上周上升的问题：" + c.rising().stream().map(h -> h.term() + "（" + h.previousCount() + "→"
                        + h.count() + "）").reduce((a, b) -> a + "、" + b).orElse("") + "。");
            }

            heading(doc, "五、典型案例");
            int n = 1;
            for (FactReads.Typical ty : c.typical()) {
                XWPFParagraph p = doc.createParagraph();
                XWPFRun r = p.createRun();
                r.setBold(true);
                r.setText("案例" + n++ + "：" + ty.title() + "（" + ty.code() + "）");
                text(doc, ty.description());
                text(doc, "办理：" + nz(ty.regionName()) + "，" + (ty.departmentName() == null ? "" : ty.departmentName() + "承办，")
                        + "于" + c.label().apply("tier." + ty.resolvedTier()) + "层级化解"
                        + (ty.satisfaction() == null ? "。" : "，回访" + c.label().apply("satisfaction." + ty.satisfaction()) + "。"));
            }
            if (c.typical().isEmpty()) {
                text(doc, "本周无结案事件。");
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void counts(XWPFDocument doc, String title, Map<String, Long> counts, Function<String, String> label,
                               String prefix) {
        XWPFTable table = doc.createTable(1, 2);
        cells(table.getRow(0), title, "件数");
        String[] names = new String[counts.size()];
        Long[] values = new Long[counts.size()];
        int i = 0;
        for (var e : counts.entrySet()) {
            names[i] = label.apply(prefix + "." + e.getKey());
            values[i++] = e.getValue();
            cells(table.createRow(), names[i - 1], Long.toString(e.getValue()));
        }
        if (!counts.isEmpty()) {
            chart(doc, title + "受理件数", names, values);
        }
    }

    /** A native Word bar chart 柱状图 (its data embedded as a small workbook, as Word itself does). */
    private static void chart(XWPFDocument doc, String title, String[] categories, Long[] values) {
        try {
            XWPFChart chart = doc.createChart(Units.toEMU(420), Units.toEMU(220));
            chart.setTitleText(title);
            chart.setTitleOverlay(false);
            XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
            left.setCrossBetween(AxisCrossBetween.BETWEEN);
            XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromArray(categories,
                    chart.formatRange(new CellRangeAddress(1, categories.length, 0, 0)), 0);
            XDDFNumericalDataSource<Long> vals = XDDFDataSourcesFactory.fromArray(values,
                    chart.formatRange(new CellRangeAddress(1, values.length, 1, 1)), 1);
            XDDFBarChartData bar = (XDDFBarChartData) chart.createData(ChartTypes.BAR, bottom, left);
            bar.setBarDirection(BarDirection.COL);
            XDDFChartData.Series series = bar.addSeries(cats, vals);
            series.setTitle("件数", chart.setSheetTitle("件数", 1));
            chart.plot(bar);
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFRun r = doc.createParagraph().createRun();
        r.setBold(true);
        r.setFontSize(14);
        r.setText(text);
    }

    private static void text(XWPFDocument doc, String text) {
        doc.createParagraph().createRun().setText(text == null ? "" : text);
    }

    private static void cells(XWPFTableRow row, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            (row.getCell(i) == null ? row.addNewTableCell() : row.getCell(i)).setText(texts[i]);
        }
    }

    static String pct(BigDecimal p) {
        return p == null ? "—" : p.toPlainString() + "%";
    }

    private static String diff(BigDecimal now, BigDecimal before) {
        if (now == null || before == null) {
            return "—";
        }
        BigDecimal d = now.subtract(before);
        return (d.signum() > 0 ? "+" : "") + d.toPlainString() + "个百分点";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
