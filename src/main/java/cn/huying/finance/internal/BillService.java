package cn.huying.finance.internal;

import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 票据大厅 — the bill hall: an enterprise lists a bill (acceptor, face value, maturity, asking rate); banks quote a
 * discount rate (interest = face × rate × days / 360, days from the quote date to maturity, {@link Rates#discountInterest});
 * the enterprise accepts one quote, which becomes the matched intention 撮合意向 handed to that bank for discounting.
 * A bank sees the listings but only its own quotes.
 */
@Service
public class BillService {

    public record NewBill(String billNo, String acceptor, BigDecimal faceValue, LocalDate maturity, BigDecimal askingRate) {
    }

    /** A bill; {@code status} LISTED → MATCHED, or WITHDRAWN. */
    public record Bill(long id, long enterpriseId, String enterpriseName, String billNo, String acceptor, BigDecimal faceValue,
                       LocalDate maturity, BigDecimal askingRate, String status, Instant listedAt) {
    }

    /** A quote; {@code status} OPEN → ACCEPTED / DECLINED. {@code proceeds} = face − interest. */
    public record Quote(long id, long billId, String billNo, long bankId, String bankName, BigDecimal rate, int days,
                        BigDecimal interest, BigDecimal proceeds, String status, Instant quotedAt) {
    }

    private static final String BILL = """
            SELECT id, enterprise_id, enterprise_name, bill_no, acceptor, face_value, maturity, asking_rate, status, listed_at
            FROM fin_bill""";
    private static final String QUOTE = """
            SELECT q.id, q.bill_id, bl.bill_no, q.bank_id, b.name AS bank_name, q.rate, q.days, q.interest, q.proceeds,
                   q.status, q.quoted_at
            FROM fin_bill_quote q JOIN fin_bill bl ON bl.id = q.bill_id JOIN fin_bank b ON b.id = q.bank_id""";

    private final JdbcClient jdbc;
    private final FinanceSettings settings;
    private final Clock clock;

    BillService(JdbcClient jdbc, FinanceSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    public Bill list(FinanceActors.EnterpriseActor enterprise, NewBill b) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        BigDecimal face = ProductService.check(errors, "faceValue", () -> Rates.money(b.faceValue(), "faceValue"));
        BigDecimal rate = ProductService.check(errors, "askingRate",
                () -> Rates.rate(b.askingRate(), settings.get().rateCap(), "askingRate"));
        if (b.billNo() == null || !b.billNo().strip().matches("[0-9A-Za-z-]{6,40}")) {
            errors.add("billNo", "finance.bill.no.invalid");
        }
        if (b.acceptor() == null || b.acceptor().isBlank() || b.acceptor().length() > 200) {
            errors.add("acceptor", "finance.bill.acceptor.invalid");
        }
        if (b.maturity() == null || !b.maturity().isAfter(today()) || b.maturity().isAfter(today().plusYears(1))) {
            errors.add("maturity", "finance.bill.maturity.invalid");
        }
        errors.throwIfAny();
        if (jdbc.sql("SELECT COUNT(*) FROM fin_bill WHERE bill_no = ?").param(b.billNo().strip()).query(Long.class).single() > 0) {
            throw DomainException.conflict("finance.bill.no.taken", b.billNo().strip());
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO fin_bill (enterprise_id, enterprise_name, bill_no, acceptor, face_value, maturity, asking_rate, status, listed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'LISTED', ?)""")
                .params(enterprise.id(), enterprise.name(), b.billNo().strip(), b.acceptor().strip(), face, b.maturity(), rate,
                        NeedRepository.utc(clock.instant())).update(keys, "id");
        return bill(keys.getKeyAs(Number.class).longValue());
    }

    Bill bill(long id) {
        return jdbc.sql(BILL + " WHERE id = ?").param(id).query(BillService::billRow).optional()
                .orElseThrow(() -> DomainException.notFound("finance.bill.not-found", id));
    }

    public Bill ofEnterprise(FinanceActors.EnterpriseActor enterprise, long id) {
        return jdbc.sql(BILL + " WHERE id = ? AND enterprise_id = ?").params(id, enterprise.id()).query(BillService::billRow)
                .optional().orElseThrow(() -> DomainException.notFound("finance.bill.not-found", id));
    }

    public List<Bill> mine(FinanceActors.EnterpriseActor enterprise) {
        return jdbc.sql(BILL + " WHERE enterprise_id = ? ORDER BY listed_at DESC, id DESC").param(enterprise.id())
                .query(BillService::billRow).list();
    }

    /** The hall: bills listed and not yet due, soonest maturity first. */
    public List<Bill> hall() {
        return jdbc.sql(BILL + " WHERE status = 'LISTED' AND maturity > ? ORDER BY maturity, id").param(today())
                .query(BillService::billRow).list();
    }

    /** A bank quotes a rate on a listed bill (one open quote per bank; a new one replaces it). */
    @Transactional
    public Quote quote(FinanceActors.BankActor bank, long billId, BigDecimal rate) {
        jdbc.sql("SELECT id FROM fin_bill WHERE id = ? FOR UPDATE").param(billId).query(Long.class).optional();
        Bill bill = bill(billId);
        BigDecimal r = Rates.rate(rate, settings.get().rateCap(), "rate");
        if (!"LISTED".equals(bill.status())) {
            throw DomainException.conflict("finance.bill.not-listed");
        }
        long days = ChronoUnit.DAYS.between(today(), bill.maturity());
        if (days <= 0) {
            throw DomainException.conflict("finance.bill.expired", bill.billNo());
        }
        BigDecimal interest = Rates.discountInterest(bill.faceValue(), r, days);
        jdbc.sql("UPDATE fin_bill_quote SET status = 'REPLACED' WHERE bill_id = ? AND bank_id = ? AND status = 'OPEN'")
                .params(billId, bank.bankId()).update();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO fin_bill_quote (bill_id, bank_id, rate, days, interest, proceeds, status, quoted_at)
                VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(billId, bank.bankId(), r, days, interest, bill.faceValue().subtract(interest),
                        NeedRepository.utc(clock.instant())).update(keys, "id");
        return quoteRow(keys.getKeyAs(Number.class).longValue());
    }

    private Quote quoteRow(long id) {
        return jdbc.sql(QUOTE + " WHERE q.id = ?").param(id).query(BillService::quoteRow).single();
    }

    /** The quotes on the enterprise's own bill (all banks). */
    public List<Quote> quotesForEnterprise(FinanceActors.EnterpriseActor enterprise, long billId) {
        ofEnterprise(enterprise, billId);
        return jdbc.sql(QUOTE + " WHERE q.bill_id = ? AND bl.enterprise_id = ? AND q.status <> 'REPLACED' ORDER BY q.rate, q.id")
                .params(billId, enterprise.id()).query(BillService::quoteRow).list();
    }

    /** A bank's own quotes, on one bill or all ({@code billId} null). Never another bank's. */
    public List<Quote> quotesOfBank(FinanceActors.BankActor bank, Long billId) {
        String bill = billId == null ? "" : " AND q.bill_id = :bill";
        return jdbc.sql(QUOTE + " WHERE q.bank_id IN " + NeedRepository.BANK_SET + bill + " AND q.status <> 'REPLACED'"
                        + " ORDER BY q.quoted_at DESC, q.id DESC")
                .param("bank", bank.bankId()).param("bill", billId == null ? 0L : billId).query(BillService::quoteRow).list();
    }

    /** 撮合 — the enterprise accepts one open quote: the bill is matched, the others declined. */
    @Transactional
    public Quote accept(FinanceActors.EnterpriseActor enterprise, long billId, long quoteId) {
        jdbc.sql("SELECT id FROM fin_bill WHERE id = ? FOR UPDATE").param(billId).query(Long.class).optional();
        Bill bill = ofEnterprise(enterprise, billId);
        if (!"LISTED".equals(bill.status())) {
            throw DomainException.conflict("finance.bill.not-listed");
        }
        if (!bill.maturity().isAfter(today())) {
            throw DomainException.conflict("finance.bill.expired", bill.billNo());
        }
        int accepted = jdbc.sql("UPDATE fin_bill_quote SET status = 'ACCEPTED' WHERE id = ? AND bill_id = ? AND status = 'OPEN'")
                .params(quoteId, billId).update();
        if (accepted != 1) {
            throw DomainException.notFound("finance.quote.not-found", quoteId);
        }
        jdbc.sql("UPDATE fin_bill_quote SET status = 'DECLINED' WHERE bill_id = ? AND status = 'OPEN'").param(billId).update();
        jdbc.sql("UPDATE fin_bill SET status = 'MATCHED' WHERE id = ?").param(billId).update();
        return quoteRow(quoteId);
    }

    static Bill billRow(ResultSet rs, int n) throws SQLException {
        return new Bill(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("enterprise_name"), rs.getString("bill_no"),
                rs.getString("acceptor"), rs.getBigDecimal("face_value"), rs.getObject("maturity", LocalDate.class),
                rs.getBigDecimal("asking_rate"), rs.getString("status"), NeedRepository.instant(rs, "listed_at"));
    }

    static Quote quoteRow(ResultSet rs, int n) throws SQLException {
        return new Quote(rs.getLong("id"), rs.getLong("bill_id"), rs.getString("bill_no"), rs.getLong("bank_id"),
                rs.getString("bank_name"), rs.getBigDecimal("rate"), rs.getInt("days"), rs.getBigDecimal("interest"),
                rs.getBigDecimal("proceeds"), rs.getString("status"), NeedRepository.instant(rs, "quoted_at"));
    }
}
