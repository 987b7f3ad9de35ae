package cn.huying.cases.internal;

import cn.huying.shared.PageRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts for lists and badges that stop at a cap: {@code SELECT COUNT(*) FROM (SELECT 1 … LIMIT cap+1)}
 * reads at most cap+1 index entries, where an exact {@code COUNT(*)} of a city's closed cases reads
 * millions (seconds at 10 million cases). A result above the cap means "more than cap".
 */
final class CappedCount {

    /** What a list or a badge counts up to; above it the pages show "1000+". */
    static final int CAP = 1000;

    private CappedCount() {
    }

    /** The cap of a list page: {@link #CAP}, or more on a page beyond it so that the page itself is counted. */
    static long capFor(PageRequest page) {
        return Math.max(CAP, (long) page.offset() + page.size());
    }

    /**
     * Rows of {@code fromWhere} (the FROM … WHERE part of a query, without ORDER BY) counted up to
     * {@code cap + 1}: a result of {@code cap + 1} means more than {@code cap}.
     */
    static long count(JdbcClient jdbc, String fromWhere, List<Object> params, long cap) {
        List<Object> p = new ArrayList<>(params);
        p.add(cap + 1);
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 AS one " + fromWhere + " LIMIT ?) capped")
                .params(p).query(Long.class).single();
    }
}
