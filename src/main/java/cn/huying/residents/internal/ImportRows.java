package cn.huying.residents.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an xlsx as rows of text, streaming (POI's event model): a file of 100,000 rows is
 * given up at the first row beyond the cap, without holding the sheet in memory.
 */
final class ImportRows {

    /** The file is refused as a whole; {@code key} is the message key, {@code args} its arguments. */
    static final class Refused extends RuntimeException {
        final String key;
        final transient Object[] args;

        Refused(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = args;
        }
    }

    private ImportRows() {
    }

    /** Rows of the first sheet from the second one on (the header is checked against {@code header}). */
    static List<List<String>> read(InputStream in, List<String> header, int maxRows) {
        List<List<String>> rows = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new Refused("resident.import.no-sheet");
            }
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), new ReadOnlySharedStringsTable(pkg),
                    new Collector(rows, header.size(), maxRows), new DataFormatter(java.util.Locale.ROOT), false));
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
        } catch (Refused e) {
            throw e;
        } catch (Exception e) {
            throw new Refused("resident.import.not-excel");
        }
        if (rows.isEmpty()) {
            throw new Refused("resident.import.empty");
        }
        List<String> got = new ArrayList<>(rows.get(0).stream().map(String::strip).toList());
        while (!got.isEmpty() && got.get(got.size() - 1).isEmpty()) {
            got.remove(got.size() - 1);
        }
        if (!got.equals(header)) {
            throw new Refused("resident.import.columns", String.join("、", header));
        }
        List<List<String>> data = new ArrayList<>(rows.subList(1, rows.size()));
        data.removeIf(r -> r.stream().allMatch(String::isBlank));
        if (data.isEmpty()) {
            throw new Refused("resident.import.empty");
        }
        return data;
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<List<String>> rows;
        private final int columns;
        private final int maxRows;
        private List<String> row;

        Collector(List<List<String>> rows, int columns, int maxRows) {
            this.rows = rows;
            this.columns = columns;
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum > maxRows) {
                throw new Refused("resident.import.too-many-rows", maxRows);
            }
            row = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            while (rows.size() < rowNum) {
                rows.add(blank(columns));
            }
            while (row.size() < columns) {
                row.add("");
            }
            rows.add(row);
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = new org.apache.poi.ss.util.CellReference(ref).getCol();
            if (col >= columns + 5) {
                return;
            }
            while (row.size() < col) {
                row.add("");
            }
            row.add(value == null ? "" : value);
        }

        private static List<String> blank(int n) {
            List<String> l = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                l.add("");
            }
            return l;
        }
    }
}
