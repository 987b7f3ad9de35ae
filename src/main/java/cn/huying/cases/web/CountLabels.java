package cn.huying.cases.web;

import cn.huying.cases.CaseBoard;
import cn.huying.shared.PageResult;
import org.springframework.stereotype.Component;

/**
 * How the pages write a count that was only counted up to a cap: a badge above
 * {@link CaseBoard#BADGE_CAP} reads "99+", a list whose total is a lower bound reads "1000+".
 * Used from the templates as {@code @countLabels}.
 */
@Component("countLabels")
public class CountLabels {

    /** A queue badge: the count, or "99+" above {@link CaseBoard#BADGE_CAP}. */
    public String badge(long count) {
        return count > CaseBoard.BADGE_CAP ? CaseBoard.BADGE_CAP + "+" : Long.toString(count);
    }

    /** The total of a list: exact, or "1000+" when it is only a lower bound. */
    public String total(PageResult<?> page) {
        return page.totalExact() ? Long.toString(page.total()) : page.total() + "+";
    }
}
