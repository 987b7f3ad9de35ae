package cn.huying.residents.internal;

import cn.huying.residents.Residents.PersonSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The import template 导入模板 and the export of the filtered list 导出 (masked, as the list shows it). */
public final class ResidentSheets {

    private ResidentSheets() {
    }

    /** The template: the header, every column formatted as text (18-digit numbers stay whole), one sample row. */
    public static byte[] template() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("人员登记");
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            Row head = sheet.createRow(0);
            for (int i = 0; i < ResidentImport.HEADER.size(); i++) {
                head.createCell(i).setCellValue(ResidentImport.HEADER.get(i));
                sheet.setDefaultColumnStyle(i, text);
                sheet.setColumnWidth(i, 18 * 256);
            }
            Sheet help = wb.createSheet("填写说明");
            String[] lines = {"每行一人；同一楼栋、单元、房号的人登记在同一房屋。",
                    "网格编码：所在基础网格或单元网格的编码（区域网格页面可查）。",
                    "房屋用途：自住、出租、空置、经营、其他。人员类别：常住、租户、流动人口（后两者须填居住登记有效期）。",
                    "与户主关系：户主、配偶、子女、父母、孙子女、兄弟姐妹、租住、其他。日期格式：2026-03-15。",
                    "关爱标签：独居老人、空巢老人、低保、残疾、留守儿童、退役军人、重点关注，多个用顿号分隔。",
                    "整份文件逐行校验：任一行有误则整份不导入，并列出每一行的问题；每份最多 " + ResidentImport.MAX_ROWS + " 行。"};
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The people of the filtered list, masked. */
    public static byte[] export(List<PersonSummary> people) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("人员台账");
            String[] head = {"姓名", "公民身份号码", "联系电话", "人员类别", "居住登记有效期", "房屋", "关爱标签"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            int r = 1;
            for (PersonSummary p : people) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(p.name());
                row.createCell(1).setCellValue(nz(p.idCardMasked()));
                row.createCell(2).setCellValue(nz(p.phoneMasked()));
                row.createCell(3).setCellValue(p.kindLabel());
                row.createCell(4).setCellValue(p.registrationExpiry() == null ? "" : p.registrationExpiry().toString());
                row.createCell(5).setCellValue(nz(p.address()));
                row.createCell(6).setCellValue(String.join("、", p.tagNames()));
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
