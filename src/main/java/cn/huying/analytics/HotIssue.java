package cn.huying.analytics;

import java.util.List;

/**
 * A high-frequency issue 高频共性问题: a word of the cases' Chinese text, in how many cases of the period it occurs
 * and of the previous period of the same length, whether it is rising, where (by village) and the cases behind it.
 */
public record HotIssue(String term, long count, long previousCount, boolean rising, List<Place> places,
                       List<Long> caseIds, List<double[]> points) {

    public record Place(Long villageId, String name, long count) {
    }
}
