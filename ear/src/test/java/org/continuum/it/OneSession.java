package org.continuum.it;

import jakarta.enterprise.inject.spi.CDI;
import org.jboss.weld.context.bound.BoundLiteral;
import org.jboss.weld.context.bound.BoundSessionContext;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP session's state, for tests that send concurrent requests of the same browser session from their own
 * threads (a coordinator's double click, two tabs): each thread binds the session scope to the same storage while it
 * works, as the server does for each request of that session. A step-up passed in it counts for all its requests, and
 * for nothing else.
 */
public final class OneSession {

    private final Map<String, Object> storage = new ConcurrentHashMap<>();

    /** Runs {@code work} in this session, on the calling thread, which must not be serving a request itself. */
    public <T> T call(Callable<T> work) throws Exception {
        BoundSessionContext context = CDI.current().select(BoundSessionContext.class, BoundLiteral.INSTANCE).get();
        context.associate(storage);
        context.activate();
        try {
            return work.call();
        } finally {
            context.deactivate();
            context.dissociate(storage);
        }
    }

    /** The same on a thread of its own, waited for (from a test's own request thread). */
    public <T> T callOnOwnThread(Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(call(work));
            } catch (Exception e) {
                failure.set(e);
            }
        });
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
