package cn.huying.finance.internal;

import cn.huying.finance.GuaranteeType;
import cn.huying.shared.InvalidInput;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Credit products 信贷产品 that banks publish; public in the logistics zone. */
@Service
public class ProductService {

    public record NewProduct(String name, BigDecimal amountMin, BigDecimal amountMax, Integer termMin, Integer termMax,
                             BigDecimal rateMin, BigDecimal rateMax, GuaranteeType guarantee, String repayment,
                             String area, String conditions) {
    }

    public record Product(long id, long bankId, String bankName, String name, BigDecimal amountMin, BigDecimal amountMax,
                          int termMin, int termMax, BigDecimal rateMin, BigDecimal rateMax, GuaranteeType guarantee,
                          String repayment, String area, String conditions) {
    }

    static final String SELECT = """
            SELECT p.id, p.bank_id, b.name AS bank_name, p.name, p.amount_min, p.amount_max, p.term_min, p.term_max,
                   p.rate_min, p.rate_max, p.guarantee, p.repayment, p.area, p.conditions
            FROM fin_product p JOIN fin_bank b ON b.id = p.bank_id""";

    private final JdbcClient jdbc;
    private final FinanceSettings settings;
    private final Clock clock;

    ProductService(JdbcClient jdbc, FinanceSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public Product create(long bankId, NewProduct p) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        BigDecimal cap = settings.get().rateCap();
        BigDecimal min = check(errors, "amountMin", () -> Rates.money(p.amountMin(), "amountMin"));
        BigDecimal max = check(errors, "amountMax", () -> Rates.money(p.amountMax(), "amountMax"));
        BigDecimal rmin = check(errors, "rateMin", () -> Rates.rate(p.rateMin(), cap, "rateMin"));
        BigDecimal rmax = check(errors, "rateMax", () -> Rates.rate(p.rateMax(), cap, "rateMax"));
        if (p.name() == null || p.name().isBlank() || p.name().length() > 100) {
            errors.add("name", "finance.product.name.invalid");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.add("amountMax", "finance.range.invalid");
        }
        if (rmin != null && rmax != null && rmin.compareTo(rmax) > 0) {
            errors.add("rateMax", "finance.range.invalid");
        }
        if (p.termMin() == null || p.termMax() == null || p.termMin() < 1 || p.termMax() > 360 || p.termMin() > p.termMax()) {
            errors.add("termMax", "finance.term.invalid");
        }
        if (p.guarantee() == null) {
            errors.add("guarantee", "finance.guarantee.required");
        }
        errors.throwIfAny();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO fin_product (bank_id, name, amount_min, amount_max, term_min, term_max, rate_min, rate_max,
                  guarantee, repayment, area, conditions, active, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?)""")
                .params(bankId, p.name().strip(), min, max, p.termMin(), p.termMax(), rmin, rmax, p.guarantee().name(),
                        blank(p.repayment(), "按月付息，到期还本"), blank(p.area(), "城阳区"), blank(p.conditions(), ""),
                        clock.instant().atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return find(keys.getKeyAs(Number.class).longValue());
    }

    public Product find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?").param(id).query(ProductService::product).optional()
                .orElseThrow(() -> cn.huying.shared.DomainException.notFound("finance.product.not-found", id));
    }

    /** The active products of all banks (public). */
    public List<Product> active() {
        return jdbc.sql(SELECT + " WHERE p.active = TRUE ORDER BY p.rate_min, p.id").query(ProductService::product).list();
    }

    /** The products of a bank (and its branches for a head office). */
    public List<Product> ofBank(long bankId) {
        return jdbc.sql(SELECT + " WHERE p.bank_id IN (SELECT id FROM fin_bank WHERE id = ? OR parent_id = ?) ORDER BY p.id")
                .params(bankId, bankId).query(ProductService::product).list();
    }

    static Product product(ResultSet rs, int n) throws SQLException {
        return new Product(rs.getLong("id"), rs.getLong("bank_id"), rs.getString("bank_name"), rs.getString("name"),
                rs.getBigDecimal("amount_min"), rs.getBigDecimal("amount_max"), rs.getInt("term_min"), rs.getInt("term_max"),
                rs.getBigDecimal("rate_min"), rs.getBigDecimal("rate_max"), GuaranteeType.valueOf(rs.getString("guarantee")),
                rs.getString("repayment"), rs.getString("area"), rs.getString("conditions"));
    }

    private static String blank(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s.strip();
    }

    static <T> T check(InvalidInput.Collector errors, String field, java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (cn.huying.shared.DomainException e) {
            errors.add(field, e.messageKey(), e.args());
            return null;
        }
    }
}
