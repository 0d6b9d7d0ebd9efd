package org.continuum.seed.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.casefile.control.CaseWorkflow.WaitState;
import org.continuum.platform.control.DemoMode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * A believable organisation's case files for the demo and the benchmarks: {@code -Dcontinuum.demo.generate=N} on a
 * demo server ({@code -Dcontinuum.demo=true}) whose database holds no more than the six seeded case files writes N
 * case files spread over every phase of the continuum, in the background after the start, then checks them. Never on
 * a production server: without demo mode the property is refused at start.
 *
 * <p>How it is fast enough for 100,000 case files: batches of {@value #BATCH} case files per transaction (one audit
 * chain append per batch), {@code continuum.demo.generate.workers} writers in parallel (default: the processors, at
 * most 4), the engine started directly at each wait state. Progress, rate and ETA go to the server log every ten
 * seconds; the summary and the check's figures at the end ({@code Generator finished}, {@code Generator check}).
 */
@ApplicationScoped
public class DataGenerator {

    public static final String PROPERTY = "continuum.demo.generate";
    public static final String WORKERS_PROPERTY = "continuum.demo.generate.workers";
    static final int BATCH = 50;
    private static final int GRANT_BATCH = 200;
    private static final int SEEDED_CASES = 6;
    private static final Logger LOG = Logger.getLogger(DataGenerator.class.getName());

    /** Per thousand case files: where an organisation's case files stand on an ordinary day. */
    private static final Map<WaitState, Integer> SHARE = shares();

    private static Map<WaitState, Integer> shares() {
        Map<WaitState, Integer> share = new EnumMap<>(WaitState.class);
        share.put(WaitState.TRIAGE, 30);
        share.put(WaitState.VERIFICATION, 20);
        share.put(WaitState.ASSESSMENT, 30);
        share.put(WaitState.PLANNING, 30);
        share.put(WaitState.MONITORING, 195);
        share.put(WaitState.REASSESSMENT, 20);
        share.put(WaitState.LOCAL_CLOSURE_SIGN_OFF, 10);
        share.put(WaitState.ESCALATION_APPROVAL, 10);
        share.put(WaitState.RELOCATION_PREPARATION, 10);
        share.put(WaitState.ARRIVAL, 10);
        share.put(WaitState.EXILE_MONITORING, 50);
        share.put(WaitState.CHECK_IN, 10);
        share.put(WaitState.EXILE_REASSESSMENT, 0);
        share.put(WaitState.CLOSURE_SIGN_OFF, 5);
        share.put(WaitState.CLOSED_AT_TRIAGE, 150);
        share.put(WaitState.CLOSED_UNVERIFIED, 50);
        share.put(WaitState.CLOSED_IN_PLACE, 305);
        share.put(WaitState.CLOSED_AFTER_RELOCATION, 65);
        return Collections.unmodifiableMap(share);
    }

    @Resource
    ManagedThreadFactory threads;

    @PersistenceContext
    EntityManager em;

    @Inject
    GeneratedCases cases;

    @Inject
    GeneratedCheck check;

    /** What a run wrote and how long it took. */
    public record Summary(int cases, long auditEvents, long timelineEvents, long referrals, int grants,
                          Duration took, GeneratedCheck.Result check) {
    }

    /**
     * Starts the generation in the background when asked for. Refuses (the start fails) when asked for without demo
     * mode: a production database never receives invented case files.
     */
    public void startIfAsked() {
        int wanted = Integer.getInteger(PROPERTY, 0);
        if (wanted <= 0) {
            return;
        }
        if (!DemoMode.on()) {
            throw new IllegalStateException("Refusing to start: -D" + PROPERTY + " generates invented case files and"
                    + " works on a demo server only (-D" + DemoMode.PROPERTY + "=true)");
        }
        long existing = em.createQuery("select count(c) from CaseFile c", Long.class).getSingleResult();
        if (existing > SEEDED_CASES) {
            LOG.info(() -> "Generator: the database already holds " + existing + " case files; nothing generated");
            return;
        }
        int workers = Integer.getInteger(WORKERS_PROPERTY, Math.min(4, Runtime.getRuntime().availableProcessors()));
        threads.newThread(() -> {
            try {
                generate(wanted, workers, 2026L);
            } catch (RuntimeException | InterruptedException failed) {
                LOG.log(java.util.logging.Level.SEVERE, "Generator failed", failed);
                if (failed instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }).start();
    }

    /** The wait states of {@code count} case files in the shares above, each state at least once from 50 on. */
    static List<WaitState> states(int count, long seed) {
        List<WaitState> states = new ArrayList<>(count);
        SHARE.forEach((state, perMille) -> {
            long n = Math.round(count * perMille / 1000.0);
            if (n == 0 && count >= 50 && perMille > 0) {
                n = 1;
            }
            for (long i = 0; i < n; i++) {
                states.add(state);
            }
        });
        while (states.size() < count) {
            states.add(WaitState.MONITORING);
        }
        while (states.size() > count) {
            states.remove(WaitState.CLOSED_IN_PLACE);
        }
        Collections.shuffle(states, new Random(seed));
        return states;
    }

    /** Writes {@code count} case files with {@code workers} writers, then grants, then checks; blocks until done. */
    public Summary generate(int count, int workers, long seed) throws InterruptedException {
        long started = System.nanoTime();
        Long before = em.createQuery("select max(c.id) from CaseFile c", Long.class).getSingleResult();
        Duration window = Duration.ofDays(Math.max(365, count * 365L / 10_000));
        List<WaitState> states = states(count, seed);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicLong audits = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicLong referrals = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(workers);
        LOG.info(() -> String.format(Locale.ROOT, "Generator: %,d case files over %d days with %d writers",
                count, window.toDays(), workers));
        for (int w = 0; w < workers; w++) {
            threads.newThread(() -> {
                try {
                    int from;
                    while (failure.get() == null && (from = next.getAndAdd(BATCH)) < count) {
                        List<GeneratedCases.Plan> plans = new ArrayList<>(BATCH);
                        for (int i = from; i < Math.min(count, from + BATCH); i++) {
                            plans.add(new GeneratedCases.Plan(i + 1L, seed, states.get(i), window));
                        }
                        GeneratedCases.Written written = cases.write(plans);
                        audits.addAndGet(written.auditEvents());
                        events.addAndGet(written.timelineEvents());
                        referrals.addAndGet(written.referrals());
                        done.addAndGet(written.cases());
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }).start();
        }
        while (!finished.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
            progress(done.get(), count, audits.get(), started);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("generator stopped after " + done.get() + " case files", failure.get());
        }
        progress(done.get(), count, audits.get(), started);
        int grants = grants(before == null ? 0 : before, seed);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info(() -> String.format(Locale.ROOT, "Generator finished: %,d case files, %,d audit events, %,d"
                        + " timeline entries, %,d referrals, %,d grants in %d s (%.0f case files/s)", done.get(),
                audits.get(), events.get(), referrals.get(), grants, took.toSeconds(),
                done.get() / Math.max(0.001, took.toMillis() / 1000.0)));
        GeneratedCheck.Result result = check.run(before == null ? 0 : before);
        LOG.info(() -> "Generator check: " + result);
        return new Summary(done.get(), audits.get(), events.get(), referrals.get(), grants, took, result);
    }

    private static void progress(int done, int count, long audits, long started) {
        double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
        double rate = done / seconds;
        long eta = rate <= 0 ? -1 : Math.round((count - done) / rate);
        LOG.info(() -> String.format(Locale.ROOT, "Generator: %,d/%,d case files, %,d audit events, %.0f case"
                + " files/s, ETA %d s", done, count, audits, rate, eta));
    }

    /**
     * Grants on about one case file in fifteen of this run's past their assessment, one writer (funds are shared
     * rows). Only this run's: ids come from a sequence in blocks, so which earlier case files exist must not decide.
     */
    private int grants(long after, long seed) {
        List<Long> candidates = em.createQuery("select c.id from CaseFile c where c.riskLevel is not null"
                + " and c.id > :after order by c.id", Long.class).setParameter("after", after).getResultList();
        // Every fifteenth from a random start: one in fifteen, and at least one whenever there is a candidate.
        int start = candidates.isEmpty() ? 0 : new Random(seed).nextInt(Math.min(15, candidates.size()));
        List<Long> chosen = new ArrayList<>();
        for (int i = start; i < candidates.size(); i += 15) {
            chosen.add(candidates.get(i));
        }
        int written = 0;
        for (int from = 0; from < chosen.size(); from += GRANT_BATCH) {
            written += cases.writeGrants(chosen.subList(from, Math.min(chosen.size(), from + GRANT_BATCH)), seed)
                    .grants();
        }
        return written;
    }
}
