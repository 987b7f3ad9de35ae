package cn.huying.finance.internal;

import cn.huying.shared.DomainException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 物流e贷 scenario finance: waybills 运单 imported from freight platforms (CSV or Excel), checked row by row by
 * {@link WaybillChecks} (refused rows reported with their reason, the good ones kept), the data credit report
 * 数据信用报告 built from them, and the enterprise's consent 授权, which a bank's query requires and which the
 * enterprise may withdraw.
 */
@Service
public class WaybillService {

    /** The answer to an import. */
    public record ImportResult(long batchId, int rowsTotal, int rowsAccepted, List<Refused> refused) {
    }

    /** A refused row with its reason in Chinese. */
    public record Refused(int row, String number, String reason) {
    }

    /** 数据信用报告 — what the waybills show. */
    public record CreditReport(long enterpriseId, String enterpriseName, long waybills, BigDecimal totalFreight,
                               LocalDate firstShipped, LocalDate lastShipped, BigDecimal monthlyFreight, BigDecimal receiptRate,
                               long routes, long refusedRows, String grade) {
    }

    public record Consent(boolean granted, Instant grantedAt, Instant withdrawnAt) {
    }

    private static final int MAX_ROWS = 20000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    WaybillService(JdbcClient jdbc, Clock clock, org.springframework.context.MessageSource messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.messages = messages;
    }

    @Transactional
    public ImportResult importFile(FinanceActors.EnterpriseActor enterprise, String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw DomainException.invalid("finance.waybill.file.empty");
        }
        String name = fileName == null ? "waybills" : fileName;
        List<String[]> rows = name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") ? excel(content) : csv(content);
        if (rows.size() > MAX_ROWS) {
            throw DomainException.invalid("finance.waybill.file.too-many", MAX_ROWS);
        }
        List<String> known = jdbc.sql("SELECT waybill_no FROM fin_waybill WHERE enterprise_id = ?").param(enterprise.id())
                .query(String.class).list();
        LocalDate today = LocalDate.now(clock);
        WaybillChecks.Outcome outcome = WaybillChecks.check(rows, new java.util.HashSet<>(known), today);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO fin_waybill_batch (enterprise_id, file_name, imported_at, rows_total, rows_accepted) VALUES (?, ?, ?, ?, ?)")
                .params(enterprise.id(), name.length() > 200 ? name.substring(0, 200) : name, NeedRepository.utc(clock.instant()),
                        rows.size(), outcome.accepted().size()).update(keys, "id");
        long batch = keys.getKeyAs(Number.class).longValue();
        for (WaybillChecks.Waybill w : outcome.accepted()) {
            jdbc.sql("""
                    INSERT INTO fin_waybill (enterprise_id, batch_id, waybill_no, origin, destination, freight, ship_date, receipt_date)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(enterprise.id(), batch, w.number(), w.origin(), w.destination(), w.freight(), w.shipped(), w.received())
                    .update();
        }
        List<Refused> refused = new ArrayList<>();
        for (WaybillChecks.Refusal r : outcome.refused()) {
            String reason = messages.getMessage(r.reason(), r.args(), r.reason(), java.util.Locale.SIMPLIFIED_CHINESE);
            String number = r.number() == null || r.number().length() <= 60 ? r.number() : r.number().substring(0, 60);
            refused.add(new Refused(r.row(), number, reason));
            jdbc.sql("INSERT INTO fin_waybill_refusal (batch_id, row_no, waybill_no, reason) VALUES (?, ?, ?, ?)")
                    .params(batch, r.row(), number, reason.length() > 300 ? reason.substring(0, 300) : reason).update();
        }
        return new ImportResult(batch, rows.size(), outcome.accepted().size(), refused);
    }

    static List<String[]> csv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String[]> rows = new ArrayList<>();
        String[] lines = text.split("\\r?\\n");
        for (int i = 1; i < lines.length; i++) { // the first line is the header
            if (!lines[i].isBlank()) {
                rows.add(lines[i].split(",", -1));
            }
        }
        return rows;
    }

    static List<String[]> excel(byte[] content) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter();
            List<String[]> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String[] cells = new String[6];
                boolean any = false;
                for (int c = 0; c < 6; c++) {
                    Cell cell = row.getCell(c);
                    String v = "";
                    if (cell != null) {
                        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                            v = cell.getLocalDateTimeCellValue().toLocalDate().toString();
                        } else {
                            v = fmt.formatCellValue(cell);
                        }
                    }
                    cells[c] = v;
                    any |= !v.isBlank();
                }
                if (any) {
                    rows.add(cells);
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw DomainException.invalid("finance.waybill.file.unreadable");
        }
    }

    @Transactional
    public Consent grant(FinanceActors.EnterpriseActor enterprise) {
        Instant now = clock.instant();
        int updated = jdbc.sql("UPDATE fin_data_consent SET granted_at = ?, withdrawn_at = NULL WHERE enterprise_id = ?")
                .params(NeedRepository.utc(now), enterprise.id()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO fin_data_consent (enterprise_id, granted_at) VALUES (?, ?)")
                    .params(enterprise.id(), NeedRepository.utc(now)).update();
        }
        return consent(enterprise.id());
    }

    @Transactional
    public Consent withdraw(FinanceActors.EnterpriseActor enterprise) {
        jdbc.sql("UPDATE fin_data_consent SET withdrawn_at = ? WHERE enterprise_id = ? AND withdrawn_at IS NULL")
                .params(NeedRepository.utc(clock.instant()), enterprise.id()).update();
        return consent(enterprise.id());
    }

    public Consent consent(long enterpriseId) {
        return jdbc.sql("SELECT granted_at, withdrawn_at FROM fin_data_consent WHERE enterprise_id = ?").param(enterpriseId)
                .query((rs, n) -> new Consent(rs.getObject(2) == null, NeedRepository.instant(rs, "granted_at"),
                        NeedRepository.instant(rs, "withdrawn_at"))).optional().orElse(new Consent(false, null, null));
    }

    /** A report as a Word document, for its viewer (a bank's name or the enterprise's). */
    public byte[] document(CreditReport report, String viewer) {
        return CreditReportDocument.write(report, viewer, clock.instant(), clock.getZone());
    }

    /** The enterprise's own report (no consent needed to see one's own). */
    public CreditReport ownReport(FinanceActors.EnterpriseActor enterprise) {
        return report(enterprise.id(), enterprise.name(), "");
    }

    /**
     * A bank's view of an enterprise's report: only while the enterprise's consent stands and the bank serves one of
     * its needs — both conditions in the query; otherwise 404.
     */
    public CreditReport reportForBank(FinanceActors.BankActor bank, long enterpriseId) {
        String name = jdbc.sql("""
                SELECT MAX(n.enterprise_name) FROM fin_need n JOIN fin_engagement e ON e.need_id = n.id
                WHERE n.enterprise_id = :ent AND e.bank_id IN """ + NeedRepository.BANK_SET + """
                 AND EXISTS (SELECT 1 FROM fin_data_consent c WHERE c.enterprise_id = :ent AND c.withdrawn_at IS NULL)""")
                .param("ent", enterpriseId).param("bank", bank.bankId()).query(String.class).optional().orElse(null);
        if (name == null) {
            throw DomainException.notFound("finance.report.not-available");
        }
        String consented = " AND EXISTS (SELECT 1 FROM fin_data_consent c WHERE c.enterprise_id = w.enterprise_id AND c.withdrawn_at IS NULL)";
        return report(enterpriseId, name, consented);
    }

    private CreditReport report(long enterpriseId, String name, String condition) {
        return jdbc.sql("""
                SELECT COUNT(*), COALESCE(SUM(w.freight), 0), MIN(w.ship_date), MAX(w.ship_date),
                       SUM(CASE WHEN w.receipt_date IS NOT NULL THEN 1 ELSE 0 END),
                       COUNT(DISTINCT w.origin || '-' || w.destination)
                FROM fin_waybill w WHERE w.enterprise_id = ?""" + condition)
                .param(enterpriseId).query((rs, n) -> {
                    long count = rs.getLong(1);
                    BigDecimal total = rs.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP);
                    LocalDate first = rs.getObject(3, LocalDate.class);
                    LocalDate last = rs.getObject(4, LocalDate.class);
                    long received = rs.getLong(5);
                    long months = first == null ? 0 : java.time.temporal.ChronoUnit.MONTHS.between(first.withDayOfMonth(1),
                            last.withDayOfMonth(1)) + 1;
                    BigDecimal monthly = months == 0 ? BigDecimal.ZERO.setScale(2)
                            : total.divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_UP);
                    BigDecimal receiptRate = count == 0 ? BigDecimal.ZERO.setScale(4)
                            : BigDecimal.valueOf(received).divide(BigDecimal.valueOf(count), 4, RoundingMode.HALF_UP);
                    long refused = jdbc.sql("SELECT COUNT(*) FROM fin_waybill_refusal r JOIN fin_waybill_batch b ON b.id = r.batch_id"
                            + " WHERE b.enterprise_id = ?").param(enterpriseId).query(Long.class).single();
                    return new CreditReport(enterpriseId, name, count, total, first, last, monthly, receiptRate,
                            rs.getLong(6), refused, WaybillChecks.grade(count, months, receiptRate));
                }).single();
    }
}
