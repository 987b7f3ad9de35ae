package cn.huying.cases.internal;

import cn.huying.cases.CaseQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The case search index on this node's disk: one Lucene document per case with its title and
 * description as CJK character bigrams (plus single characters), and every field the case list
 * filters on, so that a search is answered here alone (total + the page's ids, newest first) and
 * the rows are then read by id.
 *
 * <p>Why bigrams and not smartcn words: the old {@code LIKE '%漏水%'} found 漏水 inside any text;
 * a word segmenter splits 渗漏水 as 渗漏/水 and would miss it. A query is cut into the same bigrams
 * and matched as a phrase (consecutive positions), which finds exactly the texts that contain it.
 * The documents are sorted newest first inside the index, so the first page comes in index order.
 *
 * <p>Written only by {@link CaseSearchIndexer}; read by {@link CaseReads#list}.
 */
final class CaseSearchIndex implements AutoCloseable {

    /** One case as the index holds it. */
    record Doc(long id, String code, String title, String description, String state, String kind, String tier,
               Long departmentId, Long reporterUserId, String regionPath, Instant createdAt) {
    }

    /** A search's answer: the exact number of matches and the ids of the requested page, in order. */
    record Hits(long total, List<Long> ids) {
    }

    static final String KEY = "key";
    static final String ID = "id";
    static final String CREATED = "created";
    static final String CODE = "code";
    static final String TEXT = "text";
    static final String REGION = "region";
    static final String STATE = "state";
    static final String KIND = "kind";
    static final String TIER = "tier";
    static final String DEPARTMENT = "department";
    static final String REPORTER = "reporter";

    static final Sort NEWEST_FIRST = new Sort(new SortedNumericSortField(CREATED, SortField.Type.LONG, true),
            new SortedNumericSortField(ID, SortField.Type.LONG, true));

    /** What a case code may look like (MS-20260315-0007). */
    private static final java.util.regex.Pattern CODE_LIKE = java.util.regex.Pattern.compile("[A-Za-z0-9-]+");

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer = new BigramAnalyzer();

    CaseSearchIndex(Path dir, double ramBufferMb) {
        try {
            directory = FSDirectory.open(dir);
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setIndexSort(NEWEST_FIRST)
                    .setRAMBufferSizeMB(ramBufferMb);
            IndexWriter w;
            try {
                w = new IndexWriter(directory, config);
            } catch (IOException | RuntimeException e) {
                directory.close();
                throw e;
            }
            writer = w;
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- writing -----------------------------------------------------------------------------

    /** Adds a case that is not in the index yet (the rebuild). */
    void add(Doc d) throws IOException {
        writer.addDocument(document(d));
    }

    /** Adds or replaces a case. */
    void put(Doc d) throws IOException {
        writer.updateDocument(new Term(KEY, Long.toString(d.id())), document(d));
    }

    void deleteAll() throws IOException {
        writer.deleteAll();
    }

    /** Makes what was written visible to searches. */
    void refresh() throws IOException {
        searchers.maybeRefresh();
    }

    /** Writes what was written to disk together with the indexer's progress. */
    void commit(Map<String, String> progress) throws IOException {
        writer.setLiveCommitData(new HashMap<>(progress).entrySet());
        writer.commit();
    }

    /** The progress stored with the last commit (empty for a new index). */
    Map<String, String> committed() {
        Map<String, String> out = new HashMap<>();
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            data.forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    long documents() {
        return writer.getDocStats().numDocs;
    }

    static Document document(Doc d) {
        Document doc = new Document();
        doc.add(new StringField(KEY, Long.toString(d.id()), Field.Store.NO));
        doc.add(new LongField(ID, d.id(), Field.Store.NO));
        doc.add(new LongField(CREATED, d.createdAt().toEpochMilli(), Field.Store.NO));
        doc.add(new StringField(CODE, d.code(), Field.Store.NO));
        doc.add(new TextField(TEXT, d.title(), Field.Store.NO));
        doc.add(new TextField(TEXT, d.description(), Field.Store.NO));
        // the region and each of its ancestors (/1/, /1/2/, /1/2/3/): a data scope is one term
        String path = d.regionPath();
        for (int i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) {
            doc.add(new StringField(REGION, path.substring(0, i + 1), Field.Store.NO));
        }
        doc.add(new StringField(STATE, d.state(), Field.Store.NO));
        doc.add(new StringField(KIND, d.kind(), Field.Store.NO));
        doc.add(new StringField(TIER, d.tier(), Field.Store.NO));
        if (d.departmentId() != null) {
            doc.add(new LongField(DEPARTMENT, d.departmentId(), Field.Store.NO));
        }
        if (d.reporterUserId() != null) {
            doc.add(new LongField(REPORTER, d.reporterUserId(), Field.Store.NO));
        }
        return doc;
    }

    // ---- searching ---------------------------------------------------------------------------

    /**
     * The cases matching {@code q.q()} inside the scope and the list's filters: the total (counted up
     * to the lists' cap) and the ids of the page {@code q.page()}, newest first.
     *
     * @param regionPath the path of the region filter ({@code q.regionId()}), already checked against the scope
     */
    Hits search(CaseQuery q, CaseScope scope, String regionPath) {
        return search(q, scope, regionPath, CappedCount.capFor(q.page()));
    }

    /**
     * As {@link #search(CaseQuery, CaseScope, String)}, the total counted up to {@code cap}: a total of
     * {@code cap + 1} means "more than {@code cap}" (as the SQL lists count, {@link CappedCount}). The
     * index is sorted newest first, so past the page and the cap each segment stops collecting: a
     * phrase that matches 900 000 cases is not checked 900 000 times.
     */
    Hits search(CaseQuery q, CaseScope scope, String regionPath, long cap) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(textOrCode(q.q()), BooleanClause.Occur.MUST);
        if (!scope.regions().unrestricted()) {
            b.add(new TermQuery(new Term(REGION, scope.regions().pathPrefix())), BooleanClause.Occur.FILTER);
        }
        if (scope.departmentId() != null) {
            b.add(LongField.newExactQuery(DEPARTMENT, scope.departmentId()), BooleanClause.Occur.FILTER);
        }
        if (scope.reporterUserId() != null) {
            b.add(LongField.newExactQuery(REPORTER, scope.reporterUserId()), BooleanClause.Occur.FILTER);
        }
        if (regionPath != null) {
            b.add(new TermQuery(new Term(REGION, regionPath)), BooleanClause.Occur.FILTER);
        }
        if (q.state() != null) {
            b.add(new TermQuery(new Term(STATE, q.state().name())), BooleanClause.Occur.FILTER);
        }
        if (q.kind() != null) {
            b.add(new TermQuery(new Term(KIND, q.kind().name())), BooleanClause.Occur.FILTER);
        }
        if (q.tier() != null) {
            b.add(new TermQuery(new Term(TIER, q.tier().name())), BooleanClause.Occur.FILTER);
        }
        if (q.departmentId() != null) {
            b.add(LongField.newExactQuery(DEPARTMENT, q.departmentId()), BooleanClause.Occur.FILTER);
        }
        int offset = (int) Math.min(Integer.MAX_VALUE - q.page().size(), q.page().offset());
        int wanted = Math.max(1, offset + q.page().size());
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query query = b.build();
                // the page and the total up to the cap in one pass: documents are sorted newest
                // first in the index, so each segment stops once it has the page and the cap
                int threshold = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(cap + 1, wanted));
                TopFieldDocs top = searcher.search(query,
                        new TopFieldCollectorManager(NEWEST_FIRST, wanted, null, threshold, false));
                long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO
                        ? Math.min(top.totalHits.value, cap + 1) : cap + 1;
                List<Long> ids = new ArrayList<>();
                ScoreDoc[] docs = top.scoreDocs;
                for (int i = offset; i < docs.length; i++) {
                    ids.add((Long) ((FieldDoc) docs[i]).fields[1]);
                }
                return new Hits(total, ids);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text as consecutive bigrams in title/description, each space-separated part required; or the code. */
    Query textOrCode(String q) {
        String text = q.strip();
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int parts = 0;
        for (String part : text.split("\\s+")) {
            Query p = phrase(part);
            if (p != null) {
                all.add(p, BooleanClause.Occur.MUST);
                parts++;
            }
        }
        Query words = parts == 0 ? new MatchNoDocsQuery() : all.build();
        if (!CODE_LIKE.matcher(text).matches()) {
            return words; // Chinese text is never a code: the query stays one term or phrase
        }
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        either.add(words, BooleanClause.Occur.SHOULD);
        either.add(new TermQuery(new Term(CODE, text)), BooleanClause.Occur.SHOULD);
        return either.build();
    }

    /**
     * A phrase of the index's tokens in the index's positions: the index holds every CJK character
     * at its position and each bigram at the position of its first character; the query takes the
     * bigrams, a CJK character only where no bigram covers it, and other words as they are.
     */
    Query phrase(String part) {
        record Token(String term, int position, String type) {
        }
        List<Token> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(TEXT, part)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                tokens.add(new Token(term.toString(), position, type.type()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.util.Set<Integer> bigramStarts = new java.util.HashSet<>();
        for (Token t : tokens) {
            if (CJKBigramFilter.DOUBLE_TYPE.equals(t.type())) {
                bigramStarts.add(t.position());
            }
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        List<Term> terms = new ArrayList<>();
        for (Token t : tokens) {
            if (CJKBigramFilter.SINGLE_TYPE.equals(t.type())
                    && (bigramStarts.contains(t.position()) || bigramStarts.contains(t.position() - 1))) {
                continue; // inside a bigram
            }
            Term term = new Term(TEXT, t.term());
            phrase.add(term, t.position());
            terms.add(term);
        }
        if (terms.isEmpty()) {
            return null;
        }
        return terms.size() == 1 ? new TermQuery(terms.get(0)) : phrase.build();
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
        } finally {
            directory.close();
        }
    }

    /** Opens a reader of what is committed (tests). */
    DirectoryReader openCommitted() throws IOException {
        return DirectoryReader.open(directory);
    }

    /**
     * Standard words (Latin letters and digits stay whole), full-width folded to half-width, lower
     * case, CJK runs as bigrams with their single characters at the same positions.
     */
    static final class BigramAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new CJKWidthFilter(tokenizer);
            stream = new LowerCaseFilter(stream);
            stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                    | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, true);
            return new TokenStreamComponents(tokenizer, stream);
        }

        /** Title and description are two values: no phrase across them. */
        @Override
        public int getPositionIncrementGap(String fieldName) {
            return 100;
        }
    }
}
