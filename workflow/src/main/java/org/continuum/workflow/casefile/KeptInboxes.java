package org.continuum.workflow.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.continuum.casefile.control.TaskHead;
import org.continuum.platform.control.Settings;
import org.continuum.workflow.engine.EngineChanges;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The task heads of inboxes (a group's in a team, a person's own), kept until the engine's state changes on this
 * server, and never longer than {@value #MAX_AGE_PROPERTY} (default 5 s), the delay after which a change made by
 * another server shows. The colleagues of a team share their team's inbox, and each dashboard counts it (P2: the
 * inbox queries were half of a dashboard's time on H2 at 100,000 case files). Only task rows are kept, no case
 * content: the tasks shown are read with their case at every call, and opening one goes through the task guard.
 */
@ApplicationScoped
public class KeptInboxes {

    static final String MAX_AGE_PROPERTY = "continuum.inbox.maxAge";
    private static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(5);
    /** More inboxes than any organisation has teams, groups and mentors; past it, all are read again. */
    private static final int MAX_KEPT = 2_000;

    @Inject
    EngineChanges changes;

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    /** The clock ages are measured on (a test moves its own). */
    LongSupplier clock = System::nanoTime;

    private record Kept(long version, long readAt, List<TaskHead> heads) {
    }

    /** The heads kept under {@code key} while still current, or those {@code read} gives (then kept). */
    List<TaskHead> get(String key, Supplier<List<TaskHead>> read) {
        if (changes.changedInThisTransaction()) {
            return read.get(); // this transaction's own change is not in what was kept
        }
        long version = changes.version(); // before the read: a change committed during it makes this entry old
        long now = clock.getAsLong();
        Kept found = kept.get(key);
        if (found != null && found.version() == version
                && now - found.readAt() < Settings.duration(MAX_AGE_PROPERTY, DEFAULT_MAX_AGE).toNanos()) {
            return found.heads();
        }
        List<TaskHead> heads = List.copyOf(read.get());
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(key, new Kept(version, now, heads));
        return heads;
    }
}
