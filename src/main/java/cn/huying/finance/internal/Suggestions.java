package cn.huying.finance.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Matching suggestions for a need, with their reasons in Chinese ({@link MatchingPolicy}). */
@Component
public class Suggestions {

    public record Suggestion(ProductService.Product product, List<String> reasons) {
    }

    private final ProductService products;
    private final MessageSource messages;

    Suggestions(ProductService products, MessageSource messages) {
        this.products = products;
        this.messages = messages;
    }

    public List<Suggestion> forNeed(NeedView need) {
        return MatchingPolicy.suggest(need.amount(), need.termMonths(), need.maxRate(), need.guarantee(), products.active())
                .stream().map(s -> new Suggestion(s.product(), s.reasons().stream().map(this::text).toList())).toList();
    }

    private String text(MatchingPolicy.Reason r) {
        Object[] args = r.args().clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String s && s.startsWith("finance.")) {
                args[i] = messages.getMessage(s, null, s, Locale.SIMPLIFIED_CHINESE);
            }
        }
        return messages.getMessage(r.key(), args, r.key(), Locale.SIMPLIFIED_CHINESE);
    }
}
