package cn.huying.cases.internal;

import cn.huying.cases.CaseQuery;
import cn.huying.cases.search.SearchIndex;
import cn.huying.cases.search.SearchScope;
import java.util.List;

/**
 * A search of this node's case index ({@link SearchIndex}) under a user's data scope: the scope is turned into the
 * index's terms (region path prefix, department, reporter). A thin delegate kept while the case service is rewritten
 * (issue 23).
 */
final class CaseSearchIndex {

    /** A search's answer: the number of matches (counted up to the cap) and the ids of the requested page, in order. */
    record Hits(long total, List<Long> ids) {
    }

    private final SearchIndex index;

    CaseSearchIndex(SearchIndex index) {
        this.index = index;
    }

    /** As {@link #search(CaseQuery, CaseScope, String, long)} with the lists' cap. */
    Hits search(CaseQuery q, CaseScope scope, String regionPath) {
        return search(q, scope, regionPath, CappedCount.capFor(q.page()));
    }

    /**
     * The cases matching {@code q.q()} inside the scope and the list's filters: the total counted up to {@code cap}
     * ({@code cap + 1} means "more than {@code cap}") and the ids of the page, newest first.
     *
     * @param regionPath the path of the region filter ({@code q.regionId()}), already checked against the scope
     */
    Hits search(CaseQuery q, CaseScope scope, String regionPath, long cap) {
        SearchIndex.Hits hits = index.search(q, new SearchScope(scope.regions().unrestricted() ? null
                : scope.regions().pathPrefix(), scope.departmentId(), scope.reporterUserId()), regionPath, cap);
        return new Hits(hits.total(), hits.ids());
    }
}
