package cn.huying.analytics.web;

import cn.huying.analytics.LedgerEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A ledger 台账 as an .xlsx sheet, written with POI's streaming workbook: rows go to a temporary file
 * as the pages of the ledger arrive ({@value #WINDOW} kept in memory), so a ledger of any length is
 * exported without holding it. A title row, a row saying the scope, filters and export time, the
 * Chinese column headers, then one row per case; dates are Excel dates in the given zone (the platform Clock's).
 */
final class LedgerWorkbook implements AutoCloseable {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int WINDOW = 100;
    private static final int HEADER_ROW = 3;

    /** A column: its header, its width in characters, and the value of a row (String, Instant or Number). */
    record Column(String header, int width, Function<LedgerEntry, Object> value) {
    }

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final SXSSFSheet sheet;
    private final List<Column> columns;
    /** The zone every date of the sheet is written in. */
    private final java.time.ZoneId zone;
    private final CellStyle date;
    private final CellStyle text;
    private int next = HEADER_ROW + 1;

    LedgerWorkbook(String title, String subtitle, List<Column> columns, java.time.ZoneId zone) {
        this.columns = columns;
        this.zone = zone;
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet(title);
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        CellStyle titleStyle = workbook.createCellStyle();
        titleStyle.setFont(big);
        CellStyle header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setWrapText(true);
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        text = workbook.createCellStyle();
        text.setWrapText(false);

        Cell t = sheet.createRow(0).createCell(0);
        t.setCellValue(title);
        t.setCellStyle(titleStyle);
        sheet.createRow(1).createCell(0).setCellValue(subtitle);
        int last = Math.max(0, columns.size() - 1);
        if (last > 0) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
        }
        Row h = sheet.createRow(HEADER_ROW);
        for (int i = 0; i < columns.size(); i++) {
            Cell c = h.createCell(i);
            c.setCellValue(columns.get(i).header());
            c.setCellStyle(header);
            sheet.setColumnWidth(i, Math.min(255, columns.get(i).width()) * 256);
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
    }

    /** Appends one page of the ledger. */
    void add(List<LedgerEntry> page) {
        for (LedgerEntry e : page) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < columns.size(); i++) {
                Object v = columns.get(i).value().apply(e);
                Cell cell = row.createCell(i);
                if (v instanceof Instant t) {
                    cell.setCellValue(LocalDateTime.ofInstant(t, zone));
                    cell.setCellStyle(date);
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v != null) {
                    cell.setCellValue(v.toString());
                    cell.setCellStyle(text);
                }
            }
        }
    }

    /** Rows written so far, without the title and header rows. */
    int rows() {
        return next - HEADER_ROW - 1;
    }

    void writeTo(OutputStream out) throws IOException {
        if (rows() > 0) {
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, next - 1, 0, columns.size() - 1));
        }
        workbook.write(out);
    }

    /** Deletes the temporary files. */
    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
