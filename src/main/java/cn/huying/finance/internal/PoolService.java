package cn.huying.finance.internal;

import cn.huying.shared.DomainException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 风险补偿资金池 and 担保资金池 — each pool a ledger of entries (CONTRIBUTION +, CLAIM −, RECOVERY +) whose balance is
 * always their sum, computed by the query, never stored. Loans are registered under a pool; on default the bank claims
 * at most loss × the pool's ratio and at most the pool's cap per claim (and never more than the balance);
 * recoveries return to the pool at most what it paid.
 */
@Service
public class PoolService {

    public record Pool(long id, String code, String name, BigDecimal claimRatio, BigDecimal claimCap, BigDecimal balance,
                       long entries) {
    }

    public record Loan(long id, long poolId, long bankId, String bankName, String borrower, BigDecimal principal,
                       BigDecimal claimed, BigDecimal recovered, Instant registeredAt) {
    }

    public record Entry(long id, String kind, BigDecimal amount, Long loanId, String note, Instant at, String by) {
    }

    private final JdbcClient jdbc;
    private final BankService banks;
    private final Clock clock;

    PoolService(JdbcClient jdbc, BankService banks, Clock clock) {
        this.jdbc = jdbc;
        this.banks = banks;
        this.clock = clock;
    }

    public List<Pool> pools() {
        return jdbc.sql("""
                SELECT p.id, p.code, p.name, p.claim_ratio, p.claim_cap,
                       COALESCE((SELECT SUM(e.amount) FROM fin_pool_entry e WHERE e.pool_id = p.id), 0),
                       (SELECT COUNT(*) FROM fin_pool_entry e WHERE e.pool_id = p.id)
                FROM fin_pool p ORDER BY p.id""")
                .query((rs, n) -> new Pool(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6).setScale(2, RoundingMode.UNNECESSARY), rs.getLong(7))).list();
    }

    public Pool pool(long id) {
        return pools().stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> DomainException.notFound("finance.pool.not-found", id));
    }

    public List<Entry> entries(long poolId) {
        pool(poolId);
        return jdbc.sql("SELECT id, kind, amount, loan_id, note, at, by_user FROM fin_pool_entry WHERE pool_id = ? ORDER BY id")
                .param(poolId).query((rs, n) -> {
                    long loan = rs.getLong(4);
                    Long loanId = rs.wasNull() ? null : loan;
                    return new Entry(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), loanId,
                            rs.getString(5), NeedRepository.instant(rs, "at"), rs.getString(7));
                }).list();
    }

    public List<Loan> loans(long poolId) {
        return jdbc.sql("""
                SELECT l.id, l.pool_id, l.bank_id, b.name, l.borrower, l.principal, l.claimed, l.recovered, l.registered_at
                FROM fin_pool_loan l JOIN fin_bank b ON b.id = l.bank_id WHERE l.pool_id = ? ORDER BY l.id""")
                .param(poolId).query((rs, n) -> new Loan(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        NeedRepository.instant(rs, "registered_at"))).list();
    }

    /** Locks the pool row: entries of one pool are written one transaction at a time, so the balance check holds. */
    private Pool lock(long poolId) {
        jdbc.sql("SELECT id FROM fin_pool WHERE id = ? FOR UPDATE").param(poolId).query(Long.class).optional();
        return pool(poolId);
    }

    @Transactional
    public Pool contribute(long poolId, BigDecimal amount, String note, String by) {
        lock(poolId);
        entry(poolId, "CONTRIBUTION", Rates.money(amount, "amount"), null, note, by);
        return pool(poolId);
    }

    @Transactional
    public Loan registerLoan(long poolId, long bankId, String borrower, BigDecimal principal) {
        lock(poolId);
        banks.find(bankId);
        BigDecimal p = Rates.money(principal, "principal");
        if (borrower == null || borrower.isBlank() || borrower.length() > 200) {
            throw DomainException.invalid("finance.pool.borrower.invalid");
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO fin_pool_loan (pool_id, bank_id, borrower, principal, registered_at, claimed, recovered)
                VALUES (?, ?, ?, ?, ?, 0, 0)""")
                .params(poolId, bankId, borrower.strip(), p, NeedRepository.utc(clock.instant())).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return loans(poolId).stream().filter(l -> l.id() == id).findFirst().orElseThrow();
    }

    /** 代偿 — a claim on a defaulted loan: at most loss × ratio, the cap, and the balance; else 409, nothing written. */
    @Transactional
    public Pool claim(long poolId, long loanId, BigDecimal loss, BigDecimal amount, String by) {
        Pool pool = lock(poolId);
        Loan loan = loan(poolId, loanId);
        BigDecimal l = Rates.money(loss, "loss");
        BigDecimal a = Rates.money(amount, "amount");
        if (l.compareTo(loan.principal()) > 0) {
            throw DomainException.invalid("finance.pool.loss-above-principal");
        }
        BigDecimal byRatio = l.multiply(pool.claimRatio()).setScale(2, RoundingMode.DOWN);
        BigDecimal allowed = byRatio.min(pool.claimCap().subtract(loan.claimed()));
        if (a.compareTo(allowed) > 0) {
            throw DomainException.conflict("finance.pool.claim-above-cap", a.toPlainString(), allowed.max(BigDecimal.ZERO).toPlainString());
        }
        if (a.compareTo(pool.balance()) > 0) {
            throw DomainException.conflict("finance.pool.balance-short", pool.balance().toPlainString());
        }
        jdbc.sql("UPDATE fin_pool_loan SET claimed = claimed + ? WHERE id = ?").params(a, loanId).update();
        entry(poolId, "CLAIM", a.negate(), loanId, "损失 " + l.toPlainString() + " 元，按 " + pool.claimRatio().toPlainString() + " 代偿", by);
        return pool(poolId);
    }

    /** 追偿 — money recovered on a claimed loan returns to the pool, at most what the pool paid. */
    @Transactional
    public Pool recover(long poolId, long loanId, BigDecimal amount, String by) {
        lock(poolId);
        Loan loan = loan(poolId, loanId);
        BigDecimal a = Rates.money(amount, "amount");
        if (a.compareTo(loan.claimed().subtract(loan.recovered())) > 0) {
            throw DomainException.conflict("finance.pool.recovery-above-claim", loan.claimed().subtract(loan.recovered()).toPlainString());
        }
        jdbc.sql("UPDATE fin_pool_loan SET recovered = recovered + ? WHERE id = ?").params(a, loanId).update();
        entry(poolId, "RECOVERY", a, loanId, null, by);
        return pool(poolId);
    }

    private Loan loan(long poolId, long loanId) {
        return loans(poolId).stream().filter(x -> x.id() == loanId).findFirst()
                .orElseThrow(() -> DomainException.notFound("finance.pool.loan.not-found", loanId));
    }

    private void entry(long poolId, String kind, BigDecimal amount, Long loanId, String note, String by) {
        jdbc.sql("INSERT INTO fin_pool_entry (pool_id, kind, amount, loan_id, note, at, by_user) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(poolId, kind, amount, loanId, note, NeedRepository.utc(clock.instant()), by).update();
    }

    /** The pool's ledger 台账 as an Excel workbook: every entry, a running balance, the total. */
    public byte[] ledger(long poolId) {
        Pool pool = pool(poolId);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(pool.name());
            String[] head = {"序号", "时间", "类别", "金额（元）", "余额（元）", "贷款编号", "说明", "经办人"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            BigDecimal running = BigDecimal.ZERO.setScale(2);
            int r = 1;
            for (Entry e : entries(poolId)) {
                running = running.add(e.amount());
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(e.id());
                row.createCell(1).setCellValue(f.format(e.at()));
                row.createCell(2).setCellValue(switch (e.kind()) {
                    case "CONTRIBUTION" -> "注资";
                    case "CLAIM" -> "代偿";
                    default -> "追偿返还";
                });
                row.createCell(3).setCellValue(e.amount().toPlainString());
                row.createCell(4).setCellValue(running.toPlainString());
                row.createCell(5).setCellValue(e.loanId() == null ? "" : String.valueOf(e.loanId()));
                row.createCell(6).setCellValue(e.note() == null ? "" : e.note());
                row.createCell(7).setCellValue(e.by());
            }
            Row total = sheet.createRow(r);
            total.createCell(0).setCellValue("余额合计");
            total.createCell(4).setCellValue(pool.balance().toPlainString());
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
