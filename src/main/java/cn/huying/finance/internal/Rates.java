package cn.huying.finance.internal;

import cn.huying.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Checks of money (yuan, scale 2) and annual rates (decimals, scale 6), and the bill interest formula. */
public final class Rates {

    /** Days of the year in the discount formula (the money-market convention of Chinese banks). */
    public static final BigDecimal YEAR_DAYS = BigDecimal.valueOf(360);

    private Rates() {
    }

    /** A positive amount in yuan with at most 2 decimals, else a 400 naming the field. */
    public static BigDecimal money(BigDecimal amount, String field) {
        if (amount == null || amount.signum() <= 0) {
            throw DomainException.invalid("finance.amount.positive", field);
        }
        if (amount.stripTrailingZeros().scale() > 2 || amount.compareTo(new BigDecimal("100000000000")) >= 0) {
            throw DomainException.invalid("finance.amount.format", field);
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** An annual rate as a decimal (0.0435 = 4.35 %), positive and at most the office's cap, else 400. */
    public static BigDecimal rate(BigDecimal rate, BigDecimal cap, String field) {
        if (rate == null || rate.signum() <= 0 || rate.stripTrailingZeros().scale() > 6) {
            throw DomainException.invalid("finance.rate.invalid", field);
        }
        if (rate.compareTo(cap) > 0) {
            throw DomainException.invalid("finance.rate.above-cap", field, percent(rate), percent(cap));
        }
        return rate.setScale(6, RoundingMode.UNNECESSARY);
    }

    /**
     * 贴现利息 — interest = face × annual rate × days / 360, in yuan rounded half up to 2 decimals (the fen).
     * The product is exact; only the division by 360 rounds, once.
     */
    public static BigDecimal discountInterest(BigDecimal face, BigDecimal annualRate, long days) {
        return face.multiply(annualRate).multiply(BigDecimal.valueOf(days)).divide(YEAR_DAYS, 2, RoundingMode.HALF_UP);
    }

    /** 0.0435 → "4.35%". */
    public static String percent(BigDecimal rate) {
        return rate.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
