package cn.huying.assessment.internal;

import cn.huying.assessment.GridScores.Grade;
import cn.huying.assessment.GridScores.Indicator;
import cn.huying.assessment.GridScores.IndicatorSet;
import cn.huying.assessment.GridScores.Weight;
import cn.huying.assessment.RateFigure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a month's score is computed from the indicators' counts: each indicator that applies (its denominator is not 0)
 * gives weight × share; the score is their sum over the sum of the weights that apply, as a percentage (scale 1,
 * HALF_UP); the grade is the highest whose lowest score it reaches. A month without any case to count has no score.
 */
final class ScoreCard {

    record Result(BigDecimal score, Grade grade, List<Indicator> indicators) {
    }

    private ScoreCard() {
    }

    static Result compute(IndicatorSet set, Map<GridIndicator, RateQueries.Counts> counts) {
        int applying = 0;
        for (Weight w : set.weights()) {
            RateQueries.Counts c = counts.getOrDefault(GridIndicator.valueOf(w.code()), new RateQueries.Counts(0, 0));
            if (c.denominator() > 0) {
                applying += w.weight();
            }
        }
        List<Indicator> out = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Weight w : set.weights()) {
            GridIndicator ind = GridIndicator.valueOf(w.code());
            RateQueries.Counts c = counts.getOrDefault(ind, new RateQueries.Counts(0, 0));
            long num = ind.inverted ? c.denominator() - c.numerator() : c.numerator();
            boolean applies = c.denominator() > 0;
            BigDecimal percent = RateFigure.percent(num, c.denominator());
            BigDecimal points = BigDecimal.ZERO.setScale(1);
            if (applies) {
                // weight × num / den × 100 / applying weights, exact until the one rounding
                BigDecimal exact = BigDecimal.valueOf((long) w.weight() * num * 100)
                        .divide(BigDecimal.valueOf(c.denominator() * applying), 10, RoundingMode.HALF_UP);
                total = total.add(exact);
                points = exact.setScale(1, RoundingMode.HALF_UP);
            }
            out.add(new Indicator(w.code(), ind.label, w.weight(), num, c.denominator(), percent, points, applies,
                    applies ? num + " / " + c.denominator() : "本月无可计件"));
        }
        if (applying == 0) {
            return new Result(null, null, out);
        }
        BigDecimal score = total.setScale(1, RoundingMode.HALF_UP);
        Grade grade = set.grades().stream().filter(g -> score.compareTo(g.minScore()) >= 0)
                .max(java.util.Comparator.comparing(Grade::minScore)).orElse(null);
        return new Result(score, grade, out);
    }
}
