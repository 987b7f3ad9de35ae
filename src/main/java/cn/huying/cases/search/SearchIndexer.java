package cn.huying.cases.search;

import cn.huying.cases.SearchIndexStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps this node's {@link SearchIndex} current without touching the case write path: a
 * background thread polls {@code case_file} for cases with an id above the last one seen (new
 * cases) and with {@code updated_at} after the watermark (changed cases), and writes their
 * documents. The watermark and the last id are stored in the Lucene commit, so a restart goes on
 * where it stopped. A missing or half-built index is (re)built from the database in the background
 * ({@link IndexRebuild}), with its progress in the log; until it is complete, searches use SQL {@code LIKE}.
 *
 * <p>Every application node keeps its own index under its own data directory.
 *
 * <p>{@code updated_at} is written with the writer's clock before its commit, so a case may become
 * visible with an {@code updated_at} a little before the watermark: each poll looks back
 * {@code overlap} (default 10 s) and skips the cases whose version it has already indexed.
 */
public final class SearchIndexer implements SmartLifecycle, SearchIndexStatus {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    static final String COMPLETE = "complete";
    /** What the documents hold and how the text is cut; an index of another format is built again. */
    static final String FORMAT = "format";
    static final String CURRENT_FORMAT = "1";
    static final String WATERMARK = "watermark";
    static final String MAX_ID = "maxId";
    static final String REBUILD_AFTER = "rebuildAfterId";
    static final String REBUILD_STARTED = "rebuildStarted";

    /** The version and time of a case indexed inside the look-back window. */
    private record Seen(long version, Instant updatedAt) {
    }

    private final CaseRows rows;
    private final SearchProperties props;
    private final Path dir;
    private final Map<Long, Seen> seen = new HashMap<>();

    private volatile SearchIndex index;
    private volatile boolean ready;
    private volatile boolean running;
    private volatile double rebuildDocsPerSecond;
    private Thread thread;
    private final Object signal = new Object();
    private Path opened;
    private Instant watermark = Instant.EPOCH;
    private volatile Instant caughtUpAt = Instant.EPOCH;
    private long maxId;
    private long lastCommitNanos = System.nanoTime();
    private long lastRegionCheckNanos = System.nanoTime();
    private boolean dirty;

    public SearchIndexer(JdbcClient jdbc, SearchProperties props, String dataDir) {
        this.rows = new CaseRows(jdbc);
        this.props = props;
        this.dir = props.indexDir() == null || props.indexDir().isBlank()
                ? Path.of(dataDir, "index", "cases").toAbsolutePath() : Path.of(props.indexDir()).toAbsolutePath();
    }

    // ---- status ------------------------------------------------------------------------------

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public long documents() {
        SearchIndex i = index;
        return i == null ? 0 : i.documents();
    }

    @Override
    public double rebuildDocsPerSecond() {
        return rebuildDocsPerSecond;
    }

    @Override
    public Instant caughtUpAt() {
        return caughtUpAt;
    }

    /** The index when it is complete, else null (search with SQL then). */
    public SearchIndex searchable() {
        return ready ? index : null;
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        if (running || !props.enabled()) {
            return;
        }
        Path where = dir;
        try {
            if (props.temporaryIndex()) {
                where = Files.createTempDirectory("huying-case-index");
            }
            Files.createDirectories(where);
            index = new SearchIndex(where, 64);
            opened = where;
        } catch (LockObtainFailedException e) {
            log.warn("case search index {} is in use by another process; searching with SQL on this node", where);
            return;
        } catch (IOException | RuntimeException e) {
            log.warn("case search index {} cannot be opened ({}); searching with SQL on this node", where, e.toString());
            return;
        }
        running = true;
        thread = new Thread(this::run, "case-search-indexer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        // no interrupt: an interrupted Lucene write closes the index writer for good
        synchronized (signal) {
            signal.notifyAll();
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ready = false;
        SearchIndex i = index;
        index = null;
        try {
            i.close();
        } catch (IOException | RuntimeException e) {
            log.warn("closing the case search index: {}", e.toString());
        }
        if (props.temporaryIndex()) {
            deleteQuietly(opened);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the database migrations and the other beans; stopped before the data source closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }

    private void run() {
        while (running) {
            try {
                Map<String, String> progress = index.committed();
                if (!CURRENT_FORMAT.equals(progress.getOrDefault(FORMAT, CURRENT_FORMAT))) {
                    log.info("case search index: format {} instead of {}, building it again",
                            progress.get(FORMAT), CURRENT_FORMAT);
                    progress = Map.of();
                }
                if (!"true".equals(progress.get(COMPLETE))) {
                    rebuild(progress);
                } else {
                    watermark = Instant.parse(progress.get(WATERMARK));
                    maxId = Long.parseLong(progress.get(MAX_ID));
                }
                ready = true;
                while (running) {
                    poll();
                    pause(props.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                break;
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                log.warn("case search indexer: {}; trying again in 10 s", e.toString(), e);
                pause(10_000);
            }
        }
        try {
            if (dirty && index != null) {
                commit();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("last commit of the case search index: {}", e.toString());
        }
    }

    private void pause(long millis) {
        synchronized (signal) {
            if (running) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    // ---- rebuild -----------------------------------------------------------------------------

    private void rebuild(Map<String, String> progress) throws Exception {
        IndexRebuild.Done done = new IndexRebuild(index, rows, props.batchSize(), () -> running,
                rate -> rebuildDocsPerSecond = rate).run(progress);
        maxId = done.maxId();
        // what changed while the rebuild ran is read again by the first polls
        watermark = done.started();
        commit();
        index.refresh();
    }

    // ---- incremental -------------------------------------------------------------------------

    /** One look for new and changed cases. */
    public void poll() throws IOException {
        Instant lookedAt = Instant.now();
        int changed = 0;
        // new cases, by id
        while (true) {
            List<SearchIndex.Doc> batch = rows.after(maxId, props.batchSize(), this::remember);
            for (SearchIndex.Doc d : batch) {
                index.put(d);
                maxId = Math.max(maxId, d.id());
            }
            changed += batch.size();
            if (batch.size() < props.batchSize()) {
                break;
            }
        }
        // changed cases, by updated_at from a little before the watermark, in (updated_at, id) order
        Instant from = watermark.minus(props.overlap());
        long afterId = -1;
        Instant newest = watermark;
        while (true) {
            List<Long> stale = new ArrayList<>();
            List<CaseRows.Change> changes = rows.changedSince(from, afterId, props.batchSize());
            for (CaseRows.Change r : changes) {
                Seen s = seen.get(r.id());
                if (s == null || s.version() != r.version()) {
                    stale.add(r.id());
                }
                if (r.updatedAt().isAfter(newest)) {
                    newest = r.updatedAt();
                }
            }
            for (int i = 0; i < stale.size(); i += 500) {
                for (SearchIndex.Doc d : rows.byIds(stale.subList(i, Math.min(stale.size(), i + 500)),
                        this::remember)) {
                    index.put(d);
                    changed++;
                }
            }
            if (changes.size() < props.batchSize()) {
                break;
            }
            CaseRows.Change lastRow = changes.get(changes.size() - 1);
            from = lastRow.updatedAt();
            afterId = lastRow.id();
        }
        changed += movedRegions();
        // never past this node's clock: a case written by a node whose clock is ahead is read again
        Instant now = Instant.now();
        watermark = newest.isAfter(now) ? now : newest;
        Instant keepFrom = watermark.minus(props.overlap());
        for (Iterator<Seen> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next().updatedAt().isBefore(keepFrom)) {
                it.remove();
            }
        }
        if (changed > 0) {
            dirty = true;
            index.refresh();
        } else {
            caughtUpAt = lookedAt;
        }
        if (dirty && System.nanoTime() - lastCommitNanos > props.commitInterval().toNanos()) {
            commit();
        }
    }

    /**
     * Every 30 polls (30 s): the cases of a region whose path changed (moved under another parent) are indexed
     * again, so that data scopes keep matching.
     */
    private int movedRegions() throws IOException {
        if (System.nanoTime() - lastRegionCheckNanos < props.pollInterval().toNanos() * 30 || !rows.knowsRegions()) {
            return 0;
        }
        lastRegionCheckNanos = System.nanoTime();
        List<Long> moved = rows.movedRegions();
        int n = 0;
        for (long region : moved) {
            long after = 0;
            while (true) {
                List<SearchIndex.Doc> batch = rows.ofRegion(region, after, props.batchSize());
                for (SearchIndex.Doc d : batch) {
                    index.put(d);
                }
                n += batch.size();
                if (batch.size() < props.batchSize()) {
                    break;
                }
                after = batch.get(batch.size() - 1).id();
            }
        }
        if (!moved.isEmpty()) {
            log.info("case search index: {} regions moved, {} of their cases indexed again", moved.size(), n);
        }
        return n;
    }

    private void commit() throws IOException {
        index.commit(Map.of(COMPLETE, "true", WATERMARK, watermark.toString(), MAX_ID, Long.toString(maxId),
                FORMAT, CURRENT_FORMAT));
        dirty = false;
        lastCommitNanos = System.nanoTime();
    }

    private void remember(long id, long version, Instant updatedAt) {
        seen.put(id, new Seen(version, updatedAt));
    }

    private static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("deleting {}: {}", root, e.toString());
        }
    }
}
