package cn.huying.shared;

import org.springframework.stereotype.Component;

/**
 * How the pages write a count that was only counted up to a cap: a badge above {@link #BADGE_CAP} reads "99+", a
 * list whose total is a lower bound reads "1000+". Used from every module's templates (and the layout's pager) as
 * {@code @countLabels}; shared because the layout and every module's pages use it.
 */
@Component("countLabels")
public class CountLabels {

    /** A badge shows counts up to this many; analytics' queue counts stop one above it. */
    public static final int BADGE_CAP = 99;

    /** A queue badge: the count, or "99+" above {@link #BADGE_CAP}. */
    public String badge(long count) {
        return count > BADGE_CAP ? BADGE_CAP + "+" : Long.toString(count);
    }

    /** The total of a list: exact, or "1000+" when it is only a lower bound. */
    public String total(PageResult<?> page) {
        return page.totalExact() ? Long.toString(page.total()) : page.total() + "+";
    }
}
