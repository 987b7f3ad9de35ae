package cn.huying.finance.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** The data credit report 数据信用报告 filed as a Word document (POI), what an office or a bank files with a loan. */
final class CreditReportDocument {

    private CreditReportDocument() {
    }

    static byte[] write(WaybillService.CreditReport r, String viewer, Instant at, ZoneId zone) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER);
            XWPFRun t = title.createRun();
            t.setBold(true);
            t.setFontSize(16);
            t.setText("数据信用报告（物流e贷）");
            doc.createParagraph().createRun().setText("企业：" + r.enterpriseName());
            String[][] rows = {
                    {"运单数", String.valueOf(r.waybills())},
                    {"运费合计（元）", r.totalFreight().toPlainString()},
                    {"首笔发货日期", r.firstShipped() == null ? "—" : r.firstShipped().toString()},
                    {"末笔发货日期", r.lastShipped() == null ? "—" : r.lastShipped().toString()},
                    {"月均运费（元）", r.monthlyFreight().toPlainString()},
                    {"签收率", r.receiptRate().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%"},
                    {"线路数", String.valueOf(r.routes())},
                    {"导入被拒行数", String.valueOf(r.refusedRows())},
                    {"信用等级", r.grade()}};
            XWPFTable table = doc.createTable(rows.length, 2);
            for (int i = 0; i < rows.length; i++) {
                table.getRow(i).getCell(0).setText(rows[i][0]);
                table.getRow(i).getCell(1).setText(rows[i][1]);
            }
            doc.createParagraph().createRun().setText("查阅：" + viewer + "，"
                    + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(zone))
                    + "。本报告依企业授权出具，企业撤回授权后银行不得再查阅。");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
