package cn.huying.calendar.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The calendar's data, held in memory. Loaded whole on first use (a few hundred rows); dropped
 * when a notice is imported on this node, and reloaded when a cheap fingerprint query, run at
 * most every {@code huying.calendar.recheck}, shows an import on another node.
 *
 * <p>Inside the transaction that imports a notice, the importing thread sees its own,
 * not yet committed data (so {@link cn.huying.calendar.AssumedDeadlines} recompute with the new
 * notice), while every other thread keeps the committed data until the commit.
 */
@Component
class CalendarStore {

    private record Snapshot(CalendarData data, String fingerprint, long checkedAtNanos) {
    }

    private final CalendarRepository repo;
    private final long recheckNanos;
    private final Object lock = new Object();
    /** Loads and invalidations take turns, so a load that read old data is dropped by the invalidation after it. */
    private volatile Snapshot snapshot;

    CalendarStore(CalendarRepository repo, CalendarProperties properties) {
        this.repo = repo;
        this.recheckNanos = properties.recheck().toNanos();
    }

    /** The calendar as the current thread should see it. */
    CalendarData data() {
        if (TransactionSynchronizationManager.getResource(this) instanceof CalendarData own) {
            return own;
        }
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s != null && now - s.checkedAtNanos() < recheckNanos) {
            return s.data();
        }
        synchronized (lock) {
            s = snapshot;
            now = System.nanoTime();
            if (s != null && now - s.checkedAtNanos() < recheckNanos) {
                return s.data();
            }
            String fingerprint = repo.fingerprint();
            if (s != null && fingerprint.equals(s.fingerprint())) {
                snapshot = new Snapshot(s.data(), fingerprint, now);
                return s.data();
            }
            CalendarData data = repo.load();
            snapshot = new Snapshot(data, fingerprint, now);
            return data;
        }
    }

    /**
     * Called by an import after it wrote its rows, inside its transaction: from now until the
     * transaction ends this thread sees the written data; afterwards everyone reloads.
     */
    void changedInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("a calendar import must run in a transaction");
        }
        boolean first = TransactionSynchronizationManager.getResource(this) == null;
        if (!first) {
            TransactionSynchronizationManager.unbindResource(this);
        }
        TransactionSynchronizationManager.bindResource(this, repo.load());
        if (first) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CalendarStore.this);
                    invalidate();
                }
            });
        }
    }

    /** Drops the data held in memory; the next call reloads it. */
    void invalidate() {
        synchronized (lock) {
            snapshot = null;
        }
    }
}
