package cn.huying.assessment;

import cn.huying.identity.CurrentUser;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Villages' assessment: the year-end target sheet 年终目标责任书 (with 诉源治理实效), the 平安村居 (六好九无) and 平安网格
 * checklists with evidence, and "三下降一提升" — petitions, criminal cases and lawsuits down, satisfaction up, year on
 * year.
 */
public interface VillageAssessment {

    /** A line of the sheet: the target, what was achieved (percent, scale 1; null without data), the points. */
    record TargetLine(String item, String label, BigDecimal target, int weight, BigDecimal actual, boolean met,
                      BigDecimal points, String basis) {
    }

    record VillageSheet(long villageId, String villageName, int year, List<TargetLine> lines, BigDecimal total) {
    }

    record TargetInput(String item, BigDecimal target, int weight) {
    }

    record ChecklistLine(String code, String label, boolean met, String evidence, String recordedBy,
                         Instant recordedAt) {
    }

    /** A checklist of a region for a year; {@code passed} when every item is met. */
    record Checklist(long regionId, String regionName, int year, String checklist, List<ChecklistLine> items, int met,
                     int total, boolean passed) {
    }

    record ChecklistInput(String code, boolean met, String evidence) {
    }

    record MonthFigures(int petitions, int criminalCases, int lawsuits) {
    }

    /** A count this period and the same period last year; {@code changePercent} &lt; 0 is a fall (scale 1). */
    record Change(long thisPeriod, long lastYear, BigDecimal changePercent) {
    }

    record ThreeDownRow(Long villageId, String name, Change petitions, Change criminalCases, Change lawsuits,
                        BigDecimal satisfaction, BigDecimal lastYearSatisfaction) {
    }

    record ThreeDown(YearMonth from, YearMonth to, List<ThreeDownRow> villages, ThreeDownRow total) {
    }

    VillageSheet sheet(long villageId, int year, CurrentUser viewer);

    VillageSheet setTargets(long villageId, int year, List<TargetInput> targets, CurrentUser by);

    /** {@code checklist}: {@code SAFE_VILLAGE} (平安村居, 六好九无) or {@code SAFE_GRID} (平安网格). */
    Checklist checklist(long regionId, int year, String checklist, CurrentUser viewer);

    Checklist recordChecklist(long regionId, int year, String checklist, List<ChecklistInput> answers, CurrentUser by);

    void recordMonth(long villageId, YearMonth month, MonthFigures figures, CurrentUser by);

    /** An Excel sheet of 村居 | 月份 (yyyy-MM) | 信访 | 刑事案件 | 诉讼; all rows or none. Returns the rows taken. */
    int importMonths(InputStream xlsx, CurrentUser by);

    ThreeDown threeDown(YearMonth from, YearMonth to, Long regionId, CurrentUser viewer);
}
