package org.continuum.identity.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down and then stops guessing from one client address, on top of the per-account lockout (which a guesser
 * trying many usernames never reaches). Within a window of 15 minutes, the first {@value #FREE_FAILURES} failures of
 * an address cost nothing; each further failure makes the next attempt wait twice as long as the one before (2 s, 4
 * s, ... at most 60 s); after {@value #MAX_FAILURES} failures the address is refused until the window has passed.
 * Across all addresses, more than {@value #GLOBAL_MAX_FAILURES} failures in the window make every address wait at
 * least 2 s between attempts. Every failure is counted, however many arrive at once (one lock per address). The
 * counts live in this server's memory: a restart forgets them (the per-account lockout is in the database).
 */
@ApplicationScoped
public class LoginThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(15);
    static final int FREE_FAILURES = 5;
    static final int MAX_FAILURES = 20;
    static final int GLOBAL_MAX_FAILURES = 500;
    static final Duration MAX_DELAY = Duration.ofSeconds(60);
    private static final String GLOBAL = "*";

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private Clock clock = Clock.systemUTC();

    /** What the throttle says to an attempt from an address: go ahead, wait this long, or refused for the window. */
    public record Verdict(boolean allowed, Duration retryAfter) {
        static final Verdict GO = new Verdict(true, Duration.ZERO);
    }

    /** May an attempt from {@code address} be checked now? */
    public Verdict check(String address) {
        Instant now = clock.instant();
        Verdict own = verdict(recent(key(address), now), now);
        if (!own.allowed()) {
            return own;
        }
        Deque<Instant> all = recent(GLOBAL, now);
        synchronized (all) {
            if (all.size() > GLOBAL_MAX_FAILURES && !all.isEmpty()
                    && Duration.between(all.peekLast(), now).compareTo(Duration.ofSeconds(2)) < 0) {
                return new Verdict(false, Duration.ofSeconds(2));
            }
        }
        return Verdict.GO;
    }

    /** Counts a failed attempt (wrong password or code) from {@code address}. */
    public void failed(String address) {
        Instant now = clock.instant();
        if (failures.size() > 10_000) {
            failures.keySet().removeIf(k -> !GLOBAL.equals(k) && recent(k, now).isEmpty());
        }
        for (String k : new String[]{key(address), GLOBAL}) {
            Deque<Instant> times = recent(k, now);
            synchronized (times) {
                times.addLast(now);
            }
        }
    }

    /** Failures of this address within the window (for tests and the administrators' view). */
    public int failuresOf(String address) {
        Deque<Instant> times = recent(key(address), clock.instant());
        synchronized (times) {
            return times.size();
        }
    }

    private Verdict verdict(Deque<Instant> times, Instant now) {
        synchronized (times) {
            int count = times.size();
            if (count >= MAX_FAILURES) {
                return new Verdict(false, Duration.between(now, times.peekFirst().plus(WINDOW)));
            }
            if (count < FREE_FAILURES) {
                return Verdict.GO;
            }
            long seconds = Math.min(MAX_DELAY.toSeconds(), 1L << Math.min(count - FREE_FAILURES + 1, 6));
            Instant allowedFrom = times.peekLast().plusSeconds(seconds);
            return now.isBefore(allowedFrom) ? new Verdict(false, Duration.between(now, allowedFrom)) : Verdict.GO;
        }
    }

    /** The failure times of a key still within the window, the older ones dropped. */
    private Deque<Instant> recent(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            Instant oldest = now.minus(WINDOW);
            while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
                times.pollFirst();
            }
        }
        return times;
    }

    private static String key(String address) {
        return address == null || address.isBlank() ? "unknown" : address.strip();
    }

    /** For tests: a clock to move instead of waiting. */
    void useClock(Clock testClock) {
        this.clock = testClock;
    }
}
