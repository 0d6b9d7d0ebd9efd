package org.continuum.workflow.engine;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.operaton.bpm.engine.impl.history.event.HistoryEvent;
import org.operaton.bpm.engine.impl.history.handler.HistoryEventHandler;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter of committed transactions that changed the engine's state on this server, so that what is read from the
 * engine's tables can be kept until the next change. The engine reports every change (a task created, claimed,
 * completed or deleted, a variable written, a process started or ended) as a history event, whichever thread makes
 * it: a boundary, a timer on a job thread, the data generator. The counter moves after the transaction ends (a read
 * made before the commit must not be kept under the new count) and the transaction that changed something knows it
 * did, so it never reads what was kept from before its own change. Changes made by another server are not seen here:
 * what is kept also has a maximum age.
 */
@ApplicationScoped
public class EngineChanges implements HistoryEventHandler {

    private static final Object KEY = EngineChanges.class;

    private final AtomicLong committed = new AtomicLong();

    // By its global name: the engine's job threads have no java:comp.
    @Resource(lookup = "java:jboss/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    /** The number of transactions that changed the engine's state on this server since it started. */
    public long version() {
        return committed.get();
    }

    /** Whether the current transaction has changed the engine's state (its reads must come from the database). */
    public boolean changedInThisTransaction() {
        return inTransaction() && transactions.getResource(KEY) != null;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        changed();
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        if (!events.isEmpty()) {
            changed();
        }
    }

    private void changed() {
        if (!inTransaction()) {
            committed.incrementAndGet();
            return;
        }
        if (transactions.getResource(KEY) != null) {
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            committed.incrementAndGet(); // marked for rollback: it will not commit, and takes no synchronization
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
                committed.incrementAndGet(); // after a rollback too: nothing is lost by reading once more
            }
        });
    }

    private boolean inTransaction() {
        return transactions != null && transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }
}
