package cn.huying.cases.internal;

import cn.huying.cases.search.SearchIndex;
import cn.huying.cases.search.SearchIndexer;
import org.springframework.stereotype.Component;

/**
 * The case list's door to this node's search index (package {@code cn.huying.cases.search}, which keeps it): the
 * index when it is complete, else null (the list searches with SQL then). A thin delegate kept while the case
 * service is rewritten (issue 23); the index and its indexer live in the search package.
 */
@Component
final class CaseSearchIndexer {

    private final SearchIndexer indexer;

    CaseSearchIndexer(SearchIndexer indexer) {
        this.indexer = indexer;
    }

    /** The index when it is complete, else null (search with SQL then). */
    CaseSearchIndex searchable() {
        SearchIndex index = indexer.searchable();
        return index == null ? null : new CaseSearchIndex(index);
    }
}
