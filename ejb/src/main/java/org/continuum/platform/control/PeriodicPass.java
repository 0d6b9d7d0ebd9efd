package org.continuum.platform.control;

import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The shape of every background job of a timer singleton (outbox worker, mailbox poller): a non-persistent interval
 * timer, at most one pass at a time (a tick that comes while the previous pass still runs is skipped), and a pass
 * that fails is logged once per kind of failure, by exception class only (never a message, which could carry
 * personal data), then simply tried again at the next tick. A job whose pass may well run longer than its period
 * (the outbox while a backlog goes out) is armed instead by a single-action timer, again at the end of each pass
 * ({@link #scheduleAfterEachPass}, {@link #runThenRearm}): its passes never overlap a tick, which the timer service
 * would skip with a warning each time. A job that must run on one server at a time when several share the database
 * runs its pass only while this server holds the job's lease ({@link #runHolding}).
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
    private volatile Boolean holding;

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

    /** Starts a job whose next pass is armed at the end of each pass: the first pass after {@code millis}. */
    public static void scheduleAfterEachPass(TimerService timers, String name, long millis) {
        timers.createSingleActionTimer(millis, new TimerConfig(name, false));
    }

    /**
     * Runs one pass (as {@link #run}), then arms the next one {@code millis} after this one ended. Only a timer
     * service that is stopping (the application going down) refuses; that is logged and the job ends with it.
     */
    public void runThenRearm(Pass pass, TimerService timers, String name, long millis) {
        try {
            run(pass);
        } finally {
            try {
                scheduleAfterEachPass(timers, name, millis);
            } catch (RuntimeException stopping) {
                log.log(Level.WARNING, "{0}: next pass not armed ({1})",
                        new Object[]{what, stopping.getClass().getSimpleName()});
            }
        }
    }

    /**
     * Runs one pass (as {@link #run}) if {@code lease} says this server holds the job's lease, which it asks first
     * at every tick (and so renews). The log says when the job comes to this server and when it leaves it.
     */
    public void runHolding(BooleanSupplier lease, Pass pass) {
        run(() -> {
            boolean held = lease.getAsBoolean();
            if (!Boolean.valueOf(held).equals(holding)) {
                log.log(Level.INFO, held ? "{0}: runs on this server" : "{0}: runs on another server", what);
                holding = held;
            }
            if (held) {
                pass.run();
            }
        });
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
