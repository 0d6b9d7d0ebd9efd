package org.continuum.casefile.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter of committed changes to case files on this server, so that a count of case files can be kept until the
 * next change. It moves after the commit that wrote a case file (not at the write: a count made between the write
 * and the commit would otherwise be kept without the new row), and the transaction that wrote knows it did, so it
 * never reads a count kept from before its own change.
 */
@ApplicationScoped
public class CaseFileChanges {

    private static final Object KEY = CaseFileChanges.class;

    private final AtomicLong committed = new AtomicLong();

    // By its global name: the bean may first be made on one of the engine's job threads, where java:comp is absent.
    @Resource(lookup = "java:jboss/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    /** The number of committed transactions that wrote a case file, since the server started. */
    public long version() {
        return committed.get();
    }

    /** Called for every case file written (inserted, updated, deleted) in the current transaction. */
    public void written() {
        if (transactions == null || transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            committed.incrementAndGet();
            return;
        }
        if (transactions.getResource(KEY) != null) {
            return;
        }
        transactions.putResource(KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before: the rows become visible at the commit
            }

            @Override
            public void afterCompletion(int status) {
                committed.incrementAndGet();
            }
        });
    }

    /** Whether the current transaction has written a case file (its counts must come from the database). */
    public boolean writtenInThisTransaction() {
        return transactions != null && transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION
                && transactions.getResource(KEY) != null;
    }
}
