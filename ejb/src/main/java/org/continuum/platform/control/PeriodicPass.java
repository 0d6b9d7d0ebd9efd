package org.continuum.platform.control;

import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The shape of every background job of a timer singleton (outbox worker, mailbox poller): a non-persistent interval
 * timer, at most one pass at a time (a tick that comes while the previous pass still runs is skipped), and a pass
 * that fails is logged once per kind of failure, by exception class only (never a message, which could carry
 * personal data), then simply tried again at the next tick.
 */
public final class PeriodicPass {

    /** One pass of the job; it may fail with any exception. */
    @FunctionalInterface
    public interface Pass {
        void run() throws Exception;
    }

    private final Logger log;
    private final String what;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile String lastProblem;

    /** {@code what} names the job in the log, e.g. "Outbox pass". */
    public PeriodicPass(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    /** Starts the job's timer: first tick after {@code millis}, then every {@code millis}. */
    public static void schedule(TimerService timers, String name, long millis) {
        schedule(timers, name, millis, millis);
    }

    /** The same with a first tick sooner than the period (a daily job that should also run soon after a start). */
    public static void schedule(TimerService timers, String name, long firstMillis, long millis) {
        timers.createIntervalTimer(firstMillis, millis, new TimerConfig(name, false));
    }

    /** Runs one pass unless one is running; a failure is logged (once until the job recovers) and swallowed. */
    public void run(Pass pass) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            pass.run();
            lastProblem = null;
        } catch (Exception e) {
            String problem = e.getClass().getSimpleName();
            if (!problem.equals(lastProblem)) {
                log.log(Level.WARNING, "{0} failed: {1}", new Object[]{what, problem});
            }
            lastProblem = problem;
        } finally {
            running.set(false);
        }
    }
}
