package cn.huying.residents.internal;

import cn.huying.residents.Residents.PersonExport;
import cn.huying.residents.Residents.Stay;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** A person's data as a Word document 个人信息副本 (docx), for a request under PIPL art. 45. */
public final class ResidentDocuments {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ResidentDocuments() {
    }

    /** The document; times in {@code zone}, the platform Clock's. */
    public static byte[] personDocx(PersonExport p, ZoneId zone) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            XWPFRun t = title.createRun();
            t.setBold(true);
            t.setFontSize(16);
            t.setText("个人信息副本（依本人申请提供）");
            line(doc, "姓名：" + p.name());
            line(doc, "性别：" + ("M".equals(p.gender()) ? "男" : "F".equals(p.gender()) ? "女" : ""));
            line(doc, "出生日期：" + (p.birthDate() == null ? "" : p.birthDate()));
            line(doc, "公民身份号码：" + nz(p.idCard()));
            line(doc, "联系电话：" + nz(p.phone()));
            line(doc, "人员类别：" + p.kind() + (p.registrationExpiry() == null ? "" : "（居住登记有效期至 "
                    + p.registrationExpiry() + "）"));
            line(doc, "关爱标签：" + (p.careTags().isEmpty() ? "无" : String.join("、", p.careTags())));
            line(doc, "居住情况：");
            XWPFTable table = doc.createTable(1, 4);
            String[] head = {"房屋", "与户主关系", "迁入", "迁出"};
            for (int i = 0; i < head.length; i++) {
                table.getRow(0).getCell(i).setText(head[i]);
            }
            for (Stay s : p.stays()) {
                var row = table.createRow();
                row.getCell(0).setText(s.address());
                row.getCell(1).setText(s.relation());
                row.getCell(2).setText(String.valueOf(s.moveIn()));
                row.getCell(3).setText(s.moveOut() == null ? "" : s.moveOut().toString());
            }
            line(doc, "变更记录：");
            p.history().forEach(c -> line(doc, AT.format(c.at().atZone(zone)) + "  " + c.actor() + "  " + c.what()));
            line(doc, "导出时间：" + AT.format(p.exportedAt().atZone(zone)));
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(XWPFDocument doc, String text) {
        doc.createParagraph().createRun().setText(text);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
