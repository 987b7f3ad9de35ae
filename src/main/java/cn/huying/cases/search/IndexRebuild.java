package cn.huying.cases.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the index from the database: reads every case by id, in batches, one thread reading while the indexer's
 * thread indexes; commits its progress every million cases, so that a restart resumes the rebuild instead of
 * starting over.
 */
final class IndexRebuild {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);

    /** Where a finished rebuild leaves the indexer: the last case indexed and when the rebuild started. */
    record Done(long maxId, Instant started) {
    }

    private final SearchIndex index;
    private final CaseRows rows;
    private final int batchSize;
    private final BooleanSupplier running;
    private final DoubleConsumer docsPerSecond;

    IndexRebuild(SearchIndex index, CaseRows rows, int batchSize, BooleanSupplier running,
                 DoubleConsumer docsPerSecond) {
        this.index = index;
        this.rows = rows;
        this.batchSize = batchSize;
        this.running = running;
        this.docsPerSecond = docsPerSecond;
    }

    /** Runs the rebuild from the progress of the last commit (resumed when it holds a rebuild's progress). */
    Done run(Map<String, String> progress) throws Exception {
        long after;
        Instant started;
        if (progress.containsKey(SearchIndexer.REBUILD_AFTER)) {
            after = Long.parseLong(progress.get(SearchIndexer.REBUILD_AFTER));
            started = Instant.parse(progress.get(SearchIndexer.REBUILD_STARTED));
            log.info("case search index: resuming the rebuild after case id {}", after);
        } else {
            index.deleteAll();
            after = 0;
            started = Instant.now();
        }
        long total = rows.countAfter(after);
        log.info("case search index: building from the database, {} cases to index (until then the case list "
                + "searches with SQL LIKE)", total);
        BlockingQueue<List<SearchIndex.Doc>> queue = new ArrayBlockingQueue<>(4);
        List<SearchIndex.Doc> end = List.of();
        Exception[] failure = new Exception[1];
        AtomicBoolean consuming = new AtomicBoolean(true);
        Thread reader = new Thread(() -> read(after, queue, end, consuming, failure), "case-search-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
        long t0 = System.nanoTime();
        long lastLog = t0;
        long done = 0;
        long sinceCommit = 0;
        long last = after;
        try {
            while (running.getAsBoolean()) {
                List<SearchIndex.Doc> batch = queue.poll(1, TimeUnit.SECONDS);
                if (batch == null) {
                    continue;
                }
                if (batch == end) {
                    break;
                }
                for (SearchIndex.Doc d : batch) {
                    index.add(d);
                }
                done += batch.size();
                sinceCommit += batch.size();
                last = batch.get(batch.size() - 1).id();
                long now = System.nanoTime();
                docsPerSecond.accept(done / ((now - t0) / 1e9));
                if (now - lastLog > 10_000_000_000L) {
                    lastLog = now;
                    log.info("case search index: {} of {} cases indexed, {} docs/s", done, total,
                            Math.round(done / ((now - t0) / 1e9)));
                }
                if (sinceCommit >= 1_000_000) {
                    sinceCommit = 0;
                    index.commit(Map.of(SearchIndexer.REBUILD_AFTER, Long.toString(last),
                            SearchIndexer.REBUILD_STARTED, started.toString(),
                            SearchIndexer.FORMAT, SearchIndexer.CURRENT_FORMAT));
                }
            }
        } finally {
            consuming.set(false);
            reader.join(60_000);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        if (!running.getAsBoolean()) {
            throw new InterruptedException();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = done / Math.max(seconds, 1e-3);
        docsPerSecond.accept(rate);
        log.info("case search index: built, {} cases in {} s ({} docs/s); searches use it from now on", done,
                Math.round(seconds), Math.round(rate));
        return new Done(last, started);
    }

    /** The reader thread: batches of cases by id into the queue, then {@code end}. */
    private void read(long first, BlockingQueue<List<SearchIndex.Doc>> queue, List<SearchIndex.Doc> end,
                      AtomicBoolean consuming, Exception[] failure) {
        try {
            long from = first;
            while (running.getAsBoolean() && consuming.get()) {
                List<SearchIndex.Doc> batch = rows.after(from, batchSize, null);
                if (batch.isEmpty()) {
                    break;
                }
                while (running.getAsBoolean() && consuming.get() && !queue.offer(batch, 1, TimeUnit.SECONDS)) {
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
                while (running.getAsBoolean() && consuming.get() && !queue.offer(end, 1, TimeUnit.SECONDS)) {
                    // the indexer is behind
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
