package org.continuum.platform.control;

import jakarta.annotation.Resource;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter of committed transactions that changed something on this server, so that what was read of it can be kept
 * until the next change. It moves after the transaction ends, not at the change: a read made between the change and
 * the commit would otherwise be kept without it. The transaction that changed something knows it did, so it never
 * reads what was kept from before its own change. Outside a transaction the counter moves at once.
 */
public abstract class CommittedChanges {

    private final Object key = new Object();
    private final AtomicLong committed = new AtomicLong();

    // By its global name: these beans are also used on the engine's job threads, where java:comp is absent.
    @Resource(lookup = "java:jboss/TransactionSynchronizationRegistry")
    protected TransactionSynchronizationRegistry transactions;

    /** The number of transactions that changed something since the server started. */
    public long version() {
        return committed.get();
    }

    /** Called for every change in the current transaction; the counter moves once, when the transaction ends. */
    protected void changed() {
        if (!inTransaction()) {
            committed.incrementAndGet();
            return;
        }
        if (transactions.getResource(key) != null) {
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            committed.incrementAndGet(); // marked for rollback: it will not commit, and takes no synchronization
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before: the rows become visible at the commit
            }

            @Override
            public void afterCompletion(int status) {
                committed.incrementAndGet(); // after a rollback too: nothing is lost by reading once more
            }
        });
    }

    /** Whether the current transaction has changed something (its reads must come from the database). */
    public boolean changedInThisTransaction() {
        return inTransaction() && transactions.getResource(key) != null;
    }

    private boolean inTransaction() {
        return transactions != null && transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }
}
