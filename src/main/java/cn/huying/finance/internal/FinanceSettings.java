package cn.huying.finance.internal;

import cn.huying.shared.DomainException;
import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The office's settings (table {@code fin_settings}, one row): the bank cap per need, first-contact working days, the rate cap. */
@Component
public class FinanceSettings {

    /** The settings as read. */
    public record Values(int bankCap, int firstContactDays, BigDecimal rateCap) {
    }

    private final JdbcClient jdbc;

    FinanceSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Values get() {
        return jdbc.sql("SELECT bank_cap, first_contact_days, rate_cap FROM fin_settings WHERE id = 1")
                .query((rs, n) -> new Values(rs.getInt(1), rs.getInt(2), rs.getBigDecimal(3))).single();
    }

    public Values update(Values v) {
        if (v.bankCap() < 1 || v.bankCap() > 20) {
            throw DomainException.invalid("finance.settings.bank-cap");
        }
        if (v.firstContactDays() < 1 || v.firstContactDays() > 30) {
            throw DomainException.invalid("finance.settings.contact-days");
        }
        if (v.rateCap() == null || v.rateCap().signum() <= 0 || v.rateCap().compareTo(BigDecimal.ONE) >= 0
                || v.rateCap().stripTrailingZeros().scale() > 6) {
            throw DomainException.invalid("finance.settings.rate-cap");
        }
        jdbc.sql("UPDATE fin_settings SET bank_cap = ?, first_contact_days = ?, rate_cap = ? WHERE id = 1")
                .params(v.bankCap(), v.firstContactDays(), v.rateCap()).update();
        return get();
    }
}
