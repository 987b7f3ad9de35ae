package cn.huying.cases.internal;

import cn.huying.cases.SearchIndexStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps this node's {@link CaseSearchIndex} current without touching the case write path: a
 * background thread polls {@code case_file} for cases with an id above the last one seen (new
 * cases) and with {@code updated_at} after the watermark (changed cases), and writes their
 * documents. The watermark and the last id are stored in the Lucene commit, so a restart goes on
 * where it stopped. A missing or half-built index is (re)built from the database in the background,
 * with its progress in the log; until it is complete, searches use SQL {@code LIKE}.
 *
 * <p>Every application node keeps its own index under its own data directory.
 *
 * <p>{@code updated_at} is written with the writer's clock before its commit, so a case may become
 * visible with an {@code updated_at} a little before the watermark: each poll looks back
 * {@code overlap} (default 10 s) and skips the cases whose version it has already indexed.
 */
final class CaseSearchIndexer implements SmartLifecycle, SearchIndexStatus {

    private static final Logger log = LoggerFactory.getLogger(CaseSearchIndexer.class);

    static final String COMPLETE = "complete";
    /** What the documents hold and how the text is cut; an index of another format is built again. */
    static final String FORMAT = "format";
    static final String CURRENT_FORMAT = "1";
    static final String WATERMARK = "watermark";
    static final String MAX_ID = "maxId";
    static final String REBUILD_AFTER = "rebuildAfterId";
    static final String REBUILD_STARTED = "rebuildStarted";

    private static final String COLUMNS = """
            SELECT c.id, c.code, c.title, c.description, c.state, c.kind, c.tier, c.department_id,
                   c.reporter_user_id, c.region_id, c.created_at, c.updated_at, c.version
            FROM case_file c""";

    /**
     * Settings under {@code huying.search}.
     *
     * @param enabled        false: no index, the case list searches with SQL LIKE
     * @param indexDir       where the index lives; default {@code ${huying.data-dir}/index/cases}
     * @param temporaryIndex a fresh index in a temporary directory, deleted at stop (tests)
     * @param pollInterval   pause between two looks for changed cases
     * @param overlap        how far before the watermark each look starts (commit delays, clock skew between nodes)
     * @param batchSize      cases read per statement
     * @param commitInterval the longest time changes stay only in memory (a crash redoes them from the database)
     */
    @ConfigurationProperties("huying.search")
    record SearchProperties(Boolean enabled, String indexDir, Boolean temporaryIndex, Duration pollInterval,
                            Duration overlap, Integer batchSize, Duration commitInterval) {
        SearchProperties {
            enabled = enabled == null || enabled;
            temporaryIndex = temporaryIndex != null && temporaryIndex;
            pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
            overlap = overlap == null ? Duration.ofSeconds(10) : overlap;
            batchSize = batchSize == null ? 5000 : batchSize;
            commitInterval = commitInterval == null ? Duration.ofSeconds(10) : commitInterval;
        }
    }

    /** The version and time of a case indexed inside the look-back window. */
    private record Seen(long version, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final SearchProperties props;
    private final Path dir;
    private final Map<Long, String> regionPaths = new ConcurrentHashMap<>();
    private final Map<Long, Seen> seen = new HashMap<>();

    private volatile CaseSearchIndex index;
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

    CaseSearchIndexer(JdbcClient jdbc, SearchProperties props, String dataDir) {
        this.jdbc = jdbc;
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
        CaseSearchIndex i = index;
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
    CaseSearchIndex searchable() {
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
            index = new CaseSearchIndex(where, 64);
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
        CaseSearchIndex i = index;
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

    /**
     * Reads every case by id, in batches, one thread reading while this one indexes; commits its
     * progress every million cases, so that a restart resumes the rebuild instead of starting over.
     */
    private void rebuild(Map<String, String> progress) throws Exception {
        long after;
        Instant started;
        if (progress.containsKey(REBUILD_AFTER)) {
            after = Long.parseLong(progress.get(REBUILD_AFTER));
            started = Instant.parse(progress.get(REBUILD_STARTED));
            log.info("case search index: resuming the rebuild after case id {}", after);
        } else {
            index.deleteAll();
            after = 0;
            started = Instant.now();
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM case_file WHERE id > ?").param(after).query(Long.class).single();
        log.info("case search index: building from the database, {} cases to index (until then the case list "
                + "searches with SQL LIKE)", total);
        BlockingQueue<List<CaseSearchIndex.Doc>> queue = new ArrayBlockingQueue<>(4);
        List<CaseSearchIndex.Doc> end = List.of();
        Exception[] failure = new Exception[1];
        final long first = after;
        java.util.concurrent.atomic.AtomicBoolean consuming = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            try {
                long from = first;
                while (running && consuming.get()) {
                    List<CaseSearchIndex.Doc> batch = jdbc.sql(COLUMNS + " WHERE c.id > ? ORDER BY c.id LIMIT ?")
                            .params(from, props.batchSize()).query(this::doc).list();
                    if (batch.isEmpty()) {
                        break;
                    }
                    while (running && consuming.get() && !queue.offer(batch, 1, java.util.concurrent.TimeUnit.SECONDS)) {
                        // the indexer is behind
                    }
                    from = batch.get(batch.size() - 1).id();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failure[0] = e;
            } finally {
                try {
                    while (running && consuming.get() && !queue.offer(end, 1, java.util.concurrent.TimeUnit.SECONDS)) {
                        // the indexer is behind
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "case-search-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
        long t0 = System.nanoTime();
        long lastLog = t0;
        long done = 0;
        long sinceCommit = 0;
        long last = after;
        try {
            while (running) {
                List<CaseSearchIndex.Doc> batch = queue.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                if (batch == null) {
                    continue;
                }
                if (batch == end) {
                    break;
                }
                for (CaseSearchIndex.Doc d : batch) {
                    index.add(d);
                }
                done += batch.size();
                sinceCommit += batch.size();
                last = batch.get(batch.size() - 1).id();
                long now = System.nanoTime();
                rebuildDocsPerSecond = done / ((now - t0) / 1e9);
                if (now - lastLog > 10_000_000_000L) {
                    lastLog = now;
                    log.info("case search index: {} of {} cases indexed, {} docs/s", done, total,
                            Math.round(rebuildDocsPerSecond));
                }
                if (sinceCommit >= 1_000_000) {
                    sinceCommit = 0;
                    index.commit(Map.of(REBUILD_AFTER, Long.toString(last), REBUILD_STARTED, started.toString(),
                            FORMAT, CURRENT_FORMAT));
                }
            }
        } finally {
            consuming.set(false);
            reader.join(60_000);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        if (!running) {
            throw new InterruptedException();
        }
        maxId = last;
        // what changed while the rebuild ran is read again by the first polls
        watermark = started;
        commit();
        index.refresh();
        double seconds = (System.nanoTime() - t0) / 1e9;
        rebuildDocsPerSecond = done / Math.max(seconds, 1e-3);
        log.info("case search index: built, {} cases in {} s ({} docs/s); searches use it from now on", done,
                Math.round(seconds), Math.round(rebuildDocsPerSecond));
    }

    // ---- incremental -------------------------------------------------------------------------

    /** One look for new and changed cases. */
    void poll() throws IOException {
        Instant lookedAt = Instant.now();
        int changed = 0;
        // new cases, by id
        while (true) {
            List<CaseSearchIndex.Doc> batch = jdbc.sql(COLUMNS + " WHERE c.id > ? ORDER BY c.id LIMIT ?")
                    .params(maxId, props.batchSize()).query(this::docAndRemember).list();
            for (CaseSearchIndex.Doc d : batch) {
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
            List<long[]> stale = new ArrayList<>();
            List<Object[]> rows = jdbc.sql("""
                    SELECT id, version, updated_at FROM case_file
                    WHERE updated_at >= ? AND (updated_at > ? OR id > ?)
                    ORDER BY updated_at, id LIMIT ?""")
                    .params(utc(from), utc(from), afterId, props.batchSize())
                    .query((rs, n) -> new Object[]{rs.getLong(1), rs.getLong(2), instant(rs, "updated_at")}).list();
            for (Object[] r : rows) {
                long id = (Long) r[0];
                long version = (Long) r[1];
                Instant at = (Instant) r[2];
                Seen s = seen.get(id);
                if (s == null || s.version() != version) {
                    stale.add(new long[]{id});
                }
                if (at.isAfter(newest)) {
                    newest = at;
                }
            }
            for (int i = 0; i < stale.size(); i += 500) {
                List<Long> ids = stale.subList(i, Math.min(stale.size(), i + 500)).stream().map(a -> a[0]).toList();
                String marks = ids.stream().map(x -> "?").collect(Collectors.joining(","));
                for (CaseSearchIndex.Doc d : jdbc.sql(COLUMNS + " WHERE c.id IN (" + marks + ")")
                        .params(new ArrayList<Object>(ids)).query(this::docAndRemember).list()) {
                    index.put(d);
                    changed++;
                }
            }
            if (rows.size() < props.batchSize()) {
                break;
            }
            Object[] lastRow = rows.get(rows.size() - 1);
            from = (Instant) lastRow[2];
            afterId = (Long) lastRow[0];
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
        if (System.nanoTime() - lastRegionCheckNanos < props.pollInterval().toNanos() * 30 || regionPaths.isEmpty()) {
            return 0;
        }
        lastRegionCheckNanos = System.nanoTime();
        List<Long> moved = new ArrayList<>();
        jdbc.sql("SELECT id, path FROM region").query((rs, n) -> {
            String old = regionPaths.put(rs.getLong(1), rs.getString(2));
            if (old != null && !old.equals(rs.getString(2))) {
                moved.add(rs.getLong(1));
            }
            return null;
        }).list();
        int n = 0;
        for (long region : moved) {
            long after = 0;
            while (true) {
                List<CaseSearchIndex.Doc> batch = jdbc.sql(COLUMNS + " WHERE c.region_id = ? AND c.id > ? ORDER BY c.id LIMIT ?")
                        .params(region, after, props.batchSize()).query(this::doc).list();
                for (CaseSearchIndex.Doc d : batch) {
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

    private CaseSearchIndex.Doc docAndRemember(ResultSet rs, int n) throws SQLException {
        CaseSearchIndex.Doc d = doc(rs, n);
        seen.put(d.id(), new Seen(rs.getLong("version"), instant(rs, "updated_at")));
        return d;
    }

    private CaseSearchIndex.Doc doc(ResultSet rs, int n) throws SQLException {
        long dept = rs.getLong("department_id");
        Long department = rs.wasNull() ? null : dept;
        long rep = rs.getLong("reporter_user_id");
        Long reporter = rs.wasNull() ? null : rep;
        return new CaseSearchIndex.Doc(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                rs.getString("description"), rs.getString("state"), rs.getString("kind"), rs.getString("tier"),
                department, reporter, regionPath(rs.getLong("region_id")), instant(rs, "created_at"));
    }

    private String regionPath(long regionId) {
        String path = regionPaths.get(regionId);
        if (path == null) {
            jdbc.sql("SELECT id, path FROM region").query((rs, n) -> regionPaths.put(rs.getLong(1), rs.getString(2)))
                    .list();
            path = regionPaths.get(regionId);
            if (path == null) {
                throw new IllegalStateException("no region " + regionId);
            }
        }
        return path;
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
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
