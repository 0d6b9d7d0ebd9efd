package org.continuum.workflow.casefile;

import org.continuum.casefile.control.TaskHead;
import org.continuum.workflow.engine.EngineChanges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is kept, for how long, and that an engine change or the maximum age makes it read again. */
class KeptInboxesTest {

    private final EngineChanges changes = new EngineChanges();
    private final KeptInboxes inboxes = new KeptInboxes();
    private final AtomicInteger reads = new AtomicInteger();

    {
        inboxes.changes = changes;
    }

    @AfterEach
    void defaultAge() {
        System.clearProperty(KeptInboxes.MAX_AGE_PROPERTY);
    }

    private Supplier<List<TaskHead>> reader(String id) {
        return () -> {
            reads.incrementAndGet();
            return new java.util.ArrayList<>(List.of(new TaskHead(id, "Task_Triage", "p-" + id, Instant.EPOCH,
                    null, null)));
        };
    }

    @Test
    void keptUntilTheEngineChangesThenReadAgain() {
        assertThat(inboxes.get("group CASEWORKER MENA 200", reader("t1"))).extracting(TaskHead::id)
                .containsExactly("t1");
        assertThat(inboxes.get("group CASEWORKER MENA 200", reader("t2"))).as("kept").extracting(TaskHead::id)
                .containsExactly("t1");
        assertThat(reads).hasValue(1);
        assertThat(inboxes.get("group COORDINATOR MENA 200", reader("t3"))).as("each inbox its own")
                .extracting(TaskHead::id).containsExactly("t3");

        changes.handleEvent(null); // outside a transaction the count moves at once
        assertThat(inboxes.get("group CASEWORKER MENA 200", reader("t4"))).extracting(TaskHead::id)
                .containsExactly("t4");
        assertThat(reads).hasValue(3);
        assertThatThrownBy(() -> inboxes.get("group CASEWORKER MENA 200", reader("t5")).clear())
                .as("what is kept cannot be changed by a caller").isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void neverKeptLongerThanTheMaximumAgeForChangesOfAnotherServer() {
        System.setProperty(KeptInboxes.MAX_AGE_PROPERTY, "PT2S");
        AtomicLong now = new AtomicLong(1_000_000_000L);
        inboxes.clock = now::get;
        inboxes.get("assignee nika.mentor 200", reader("t1"));
        now.addAndGet(1_999_000_000L);
        assertThat(inboxes.get("assignee nika.mentor 200", reader("t2"))).as("still young enough")
                .extracting(TaskHead::id).containsExactly("t1");
        now.addAndGet(1_000_000L);
        assertThat(inboxes.get("assignee nika.mentor 200", reader("t3"))).as("two seconds old")
                .extracting(TaskHead::id).containsExactly("t3");
        assertThat(reads).hasValue(2);
    }
}
