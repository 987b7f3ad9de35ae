package cn.huying.finance.internal;

import cn.huying.finance.GuaranteeType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 智能匹配 — which products suit a need, and why. A product suits when its amount range holds the amount, its term
 * range holds the term and its lowest rate is within the rate the enterprise accepts; its guarantee either is the
 * need's or is credit (信用, which asks for nothing more). Suggestions come cheapest first, each with its reasons
 * (message keys with arguments, rendered in Chinese by the caller).
 */
public final class MatchingPolicy {

    /** One reason: a message key and its arguments. */
    public record Reason(String key, Object... args) {
    }

    public record Suggestion(ProductService.Product product, List<Reason> reasons) {
    }

    private MatchingPolicy() {
    }

    public static List<Suggestion> suggest(BigDecimal amount, int termMonths, BigDecimal maxRate, GuaranteeType guarantee,
                                           List<ProductService.Product> products) {
        List<Suggestion> out = new ArrayList<>();
        for (ProductService.Product p : products) {
            if (amount.compareTo(p.amountMin()) < 0 || amount.compareTo(p.amountMax()) > 0) {
                continue;
            }
            if (termMonths < p.termMin() || termMonths > p.termMax()) {
                continue;
            }
            if (p.rateMin().compareTo(maxRate) > 0) {
                continue;
            }
            if (p.guarantee() != guarantee && p.guarantee() != GuaranteeType.CREDIT) {
                continue;
            }
            List<Reason> reasons = new ArrayList<>();
            reasons.add(new Reason("finance.match.amount", wan(p.amountMin()), wan(p.amountMax()), wan(amount)));
            reasons.add(new Reason("finance.match.term", p.termMin(), p.termMax(), termMonths));
            reasons.add(new Reason("finance.match.rate", Rates.percent(p.rateMin()), Rates.percent(maxRate)));
            reasons.add(p.guarantee() == guarantee
                    ? new Reason("finance.match.guarantee.same", "finance.guarantee." + guarantee.name())
                    : new Reason("finance.match.guarantee.credit"));
            out.add(new Suggestion(p, reasons));
        }
        out.sort(Comparator.comparing((Suggestion s) -> s.product().rateMin()).thenComparing(s -> s.product().id()));
        return out;
    }

    /** 1000000.00 → "100"（万元）. */
    static String wan(BigDecimal yuan) {
        return yuan.divide(BigDecimal.valueOf(10000)).stripTrailingZeros().toPlainString();
    }
}
