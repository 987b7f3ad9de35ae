package cn.huying.cases.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The cases this node has just written, as committed: an action on a case starts from here instead of
 * reading the case again (a case is acted on several times in a row: register, dispatch, accept …).
 *
 * <p>Safe without any coordination between nodes because every write to {@code case_file} raises its
 * {@code version} and every action's UPDATE is checked against the version it started from: a copy that
 * another node (or the deadline sweep) has since changed makes that UPDATE find no row, and the action is
 * run again from the database ({@link CaseCommands#act}). Only the aggregate's own columns are kept; a
 * copy is handed out as a new object, never shared.
 */
@Component
class WrittenCases {

    private final Cache<Long, CaseFile> cases;

    WrittenCases(@Value("${huying.cases.written-cache.size:5000}") long size,
                 @Value("${huying.cases.written-cache.ttl:10m}") Duration ttl) {
        // the cache's upkeep after a write runs on the writing thread: by default Caffeine hands it to the common
        // fork-join pool, and waking a pool thread after every committed action cost more than the upkeep itself
        // (docs/benchmarks-archive.md, part 1, round 11)
        this.cases = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(ttl).executor(Runnable::run).build();
    }

    /** Keeps the case as it will be when the current transaction commits (nothing is kept on rollback). */
    void rememberAfterCommit(CaseFile c) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cases.invalidate(c.id());
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    cases.put(c.id(), c.copy());
                } else {
                    cases.invalidate(c.id());
                }
            }
        });
    }

    /** A private copy of the case as this node last committed it, if it still holds one. */
    Optional<CaseFile> find(long id) {
        CaseFile c = cases.getIfPresent(id);
        return c == null ? Optional.empty() : Optional.of(c.copy());
    }

    void forget(long id) {
        cases.invalidate(id);
    }
}
