package cn.huying.assessment.internal;

import cn.huying.assessment.VillageAssessment.MonthFigures;
import cn.huying.region.RegionView;
import cn.huying.shared.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the 三下降一提升 sheet: a header row, then 村居 | 月份 (yyyy-MM) | 信访 | 刑事案件 | 诉讼 per row. Every row is
 * checked before any is taken; a bad row refuses the whole file with its row number.
 */
final class ThreeDownImport {

    record Line(RegionView village, YearMonth month, MonthFigures figures) {
    }

    static final int MAX_ROWS = 5000;

    private ThreeDownImport() {
    }

    static List<Line> read(InputStream xlsx, Map<String, RegionView> villagesByName) {
        List<Line> out = new ArrayList<>();
        DataFormatter fmt = new DataFormatter();
        try (Workbook wb = new XSSFWorkbook(xlsx)) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                if (row.getRowNum() == 0 || blank(row, fmt)) {
                    continue;
                }
                if (out.size() >= MAX_ROWS) {
                    throw DomainException.invalid("assessment.import.too-many", MAX_ROWS);
                }
                int n = row.getRowNum() + 1;
                String name = fmt.formatCellValue(row.getCell(0)).strip();
                RegionView village = villagesByName.get(name);
                if (village == null) {
                    throw DomainException.invalid("assessment.import.village-unknown", n, name);
                }
                out.add(new Line(village, month(row.getCell(1), fmt, n),
                        new MonthFigures(count(row.getCell(2), fmt, n), count(row.getCell(3), fmt, n),
                                count(row.getCell(4), fmt, n))));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw DomainException.invalid("assessment.import.unreadable");
        }
        if (out.isEmpty()) {
            throw DomainException.invalid("assessment.import.empty");
        }
        return out;
    }

    private static boolean blank(Row row, DataFormatter fmt) {
        for (int i = 0; i < 5; i++) {
            if (!fmt.formatCellValue(row.getCell(i)).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static YearMonth month(Cell cell, DataFormatter fmt, int n) {
        if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return YearMonth.from(cell.getLocalDateTimeCellValue());
        }
        String s = fmt.formatCellValue(cell).strip().replace('/', '-').replace('.', '-');
        try {
            return YearMonth.parse(s.length() == 6 ? s.substring(0, 5) + "0" + s.substring(5) : s);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("assessment.import.month-invalid", n, s);
        }
    }

    private static int count(Cell cell, DataFormatter fmt, int n) {
        String s = fmt.formatCellValue(cell).strip();
        try {
            int v = Integer.parseInt(s.isEmpty() ? "0" : s);
            if (v < 0 || v > 100_000) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw DomainException.invalid("assessment.import.count-invalid", n, s);
        }
    }
}
