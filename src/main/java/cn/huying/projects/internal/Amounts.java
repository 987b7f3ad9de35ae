package cn.huying.projects.internal;

import cn.huying.shared.InvalidInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Amounts of money in yuan (元) as exact decimals, scale 2, and expert scores (0–100, scale 2), read from the
 * text a form or a JSON body sends. Never a double: "1e3" or "12,5" is refused, not guessed.
 */
final class Amounts {

    private static final Pattern YUAN = Pattern.compile("\\d{1,16}(\\.\\d{1,2})?");
    private static final Pattern SCORE = Pattern.compile("\\d{1,3}(\\.\\d{1,2})?");
    static final BigDecimal MAX_SCORE = new BigDecimal("100");

    private Amounts() {
    }

    /** Yuan with two decimals, or a field error ({@code null} back). */
    static BigDecimal yuan(String field, String raw, boolean required, InvalidInput.Collector errors) {
        String text = raw == null ? "" : raw.strip().replace("，", "").replace(",", "");
        if (text.isEmpty()) {
            if (required) {
                errors.add(field, "projects.amount.required");
            }
            return null;
        }
        if (!YUAN.matcher(text).matches()) {
            errors.add(field, "projects.amount.invalid", raw);
            return null;
        }
        return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A score 0–100 with at most two decimals. */
    static BigDecimal score(String field, String raw, InvalidInput.Collector errors) {
        String text = raw == null ? "" : raw.strip();
        if (!SCORE.matcher(text).matches() || new BigDecimal(text).compareTo(MAX_SCORE) > 0) {
            errors.add(field, "projects.score.invalid", raw == null ? "" : raw);
            return null;
        }
        return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Required text, trimmed, at most {@code max} characters. */
    static String text(String field, String raw, int max, boolean required, InvalidInput.Collector errors) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty()) {
            if (required) {
                errors.add(field, "projects.field.required");
            }
            return null;
        }
        if (t.length() > max) {
            errors.add(field, "projects.field.too-long", max);
            return null;
        }
        return t;
    }
}
