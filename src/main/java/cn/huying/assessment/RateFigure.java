package cn.huying.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One rate for a period and the same period a year earlier: numerator, denominator and the percentage (scale 1,
 * HALF_UP; {@code null} when the denominator is 0).
 */
public record RateFigure(Rate rate, String label, long numerator, long denominator, BigDecimal percent,
                         long lastYearNumerator, long lastYearDenominator, BigDecimal lastYearPercent) {

    public static BigDecimal percent(long numerator, long denominator) {
        return denominator == 0 ? null : BigDecimal.valueOf(numerator * 100L)
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }
}
