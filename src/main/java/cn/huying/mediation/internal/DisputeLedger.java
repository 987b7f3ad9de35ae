package cn.huying.mediation.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.mediation.MediationPermissions;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

/** The dispute lists and the ledger 矛盾纠纷台账, on screen and as an Excel workbook with the same filters. */
@Service
public class DisputeLedger {

    /** At most this many rows in one export. */
    static final int EXPORT_CAP = 10_000;

    private static final String[] HEADERS = {"纠纷编号", "事件编号", "受理日期", "层级", "调解组织", "纠纷类型", "纠纷标题",
            "申请人", "被申请人", "争议金额（元）", "协议金额（元）", "状态", "调解期限", "办结日期", "是否按期", "诉调对接",
            "履行情况", "司法确认"};

    private final DisputeReads reads;
    private final CurrentUsers users;
    private final Clock clock;

    DisputeLedger(DisputeReads reads, CurrentUsers users, Clock clock) {
        this.reads = reads;
        this.users = users;
        this.clock = clock;
    }

    /** A page of the disputes the user sees (a mediator: their own organisation's and invitations). */
    public PageResult<Disputes.Summary> list(Disputes.Filter filter, int page, int size, CurrentUser user) {
        DisputeIntake.require(user, MediationPermissions.VIEW);
        Visibility v = Visibility.of(user, users.scopeOf(user));
        int s = Math.max(1, Math.min(size, 200));
        int p = Math.max(0, page);
        return new PageResult<>(reads.list(filter, v, p * s, s), reads.count(filter, v), p, s);
    }

    public byte[] export(Disputes.Filter filter, CurrentUser user) {
        DisputeIntake.require(user, MediationPermissions.LEDGER);
        List<Disputes.Summary> rows = reads.list(filter, Visibility.of(user, users.scopeOf(user)), 0, EXPORT_CAP);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("矛盾纠纷台账");
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                head.createCell(i).setCellValue(HEADERS[i]);
            }
            int r = 1;
            for (Disputes.Summary d : rows) {
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(d.code());
                row.createCell(c++).setCellValue(d.caseCode());
                row.createCell(c++).setCellValue(day(d.acceptedAt()));
                row.createCell(c++).setCellValue(d.levelLabel());
                row.createCell(c++).setCellValue(d.orgName());
                row.createCell(c++).setCellValue(d.typeLabel());
                row.createCell(c++).setCellValue(d.title());
                row.createCell(c++).setCellValue(d.applicants());
                row.createCell(c++).setCellValue(d.respondents());
                amount(row, c++, d.amountClaimed(), money);
                amount(row, c++, d.agreedAmount(), money);
                row.createCell(c++).setCellValue(d.stateLabel());
                row.createCell(c++).setCellValue(day(d.dueAt()));
                row.createCell(c++).setCellValue(day(d.concludedAt()));
                row.createCell(c++).setCellValue(onTime(d));
                row.createCell(c++).setCellValue(courtLabel(d.courtMode()));
                row.createCell(c++).setCellValue(d.state() == cn.huying.mediation.DisputeState.SUCCEEDED
                        ? DisputeWork.performanceLabel(d.performanceState()) : "");
                row.createCell(c).setCellValue(confirmLabel(d.confirmState()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void amount(Row row, int c, BigDecimal v, CellStyle money) {
        if (v != null) {
            // the cell holds the yuan amount; the workbook's number is exact for amounts below 2^53 fen
            row.createCell(c).setCellValue(v.doubleValue());
            row.getCell(c).setCellStyle(money);
        } else {
            row.createCell(c).setCellValue("");
        }
    }

    String day(Instant t) {
        return t == null ? "" : LocalDate.ofInstant(t, clock.getZone()).toString();
    }

    static String onTime(Disputes.Summary d) {
        return switch (d.light()) {
            case "DONE" -> "按期";
            case "LATE" -> "超期";
            case "RED" -> "已超期";
            default -> "调解中";
        };
    }

    static String courtLabel(String mode) {
        return mode == null ? "" : "PRE_FILING".equals(mode) ? "诉前委派" : "委托调解";
    }

    static String confirmLabel(String s) {
        return s == null ? "" : switch (s) {
            case "APPLIED" -> "已申请";
            case "CONFIRMED" -> "已确认";
            case "REJECTED" -> "不予确认";
            default -> "未申请";
        };
    }

    static void requireStats(CurrentUser user) {
        if (!user.can(MediationPermissions.STATS)) {
            throw DomainException.forbidden("mediation.forbidden");
        }
    }
}
