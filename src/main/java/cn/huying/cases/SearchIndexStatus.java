package cn.huying.cases;

import java.time.Instant;

/**
 * The state of this node's case search index (the list's {@code q}): until it is {@link #ready()},
 * the list searches with SQL. For operations and the benchmarks.
 */
public interface SearchIndexStatus {

    /** Whether searches are answered by the index (it has been built from the database). */
    boolean ready();

    /** Cases in the index. */
    long documents();

    /** Cases a second of the last (re)build from the database, 0 if none ran on this start. */
    double rebuildDocsPerSecond();

    /**
     * When the index last held every case as the database had it: the start of the latest look for
     * new and changed cases that found none ({@link Instant#EPOCH} until one has).
     */
    Instant caughtUpAt();
}
