package cn.huying.finance.web;

import cn.huying.finance.internal.Rates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;

/** Formats for the finance pages: yuan as 万元, rates as percentages, money with thousands separators. */
@Component("financeFormat")
class FinanceFormat {

    public String wan(BigDecimal yuan) {
        return yuan == null ? "" : yuan.divide(BigDecimal.valueOf(10000)).stripTrailingZeros().toPlainString();
    }

    public String percent(BigDecimal rate) {
        return rate == null ? "" : Rates.percent(rate);
    }

    public String yuan(BigDecimal yuan) {
        return yuan == null ? "" : String.format("%,.2f", yuan.setScale(2, RoundingMode.HALF_UP));
    }
}
