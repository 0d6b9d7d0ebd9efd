package org.continuum.workflow.engine;

import org.continuum.casefile.control.WorkTask;
import org.continuum.workflow.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.task.Task;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox reads tasks, then their cases' variables: a case that ended in between is left out, not read half. */
class TaskReaderTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = TestEngine.startQuiet("task-reader-test");
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private static String start(long caseFileId) {
        return TestEngine.startCase(engine, caseFileId).getId();
    }

    @Test
    void aTaskWhoseCaseEndedAfterTheTaskQueryIsLeftOut() {
        String kept = start(1);
        String ended = start(2);
        List<Task> listed = engine.getTaskService().createTaskQuery().processInstanceIdIn(kept, ended).list();
        assertThat(listed).hasSize(2);
        engine.getRuntimeService().deleteProcessInstance(ended, "completed by someone else meanwhile");

        EngineHolder holder = new EngineHolder();
        holder.set(engine);
        TaskReader reader = new TaskReader();
        reader.holder = holder;
        List<WorkTask> read = reader.read(listed);
        assertThat(read).singleElement().satisfies(t -> {
            assertThat(t.caseFileId()).isEqualTo(1L);
            assertThat(t.caseReference()).isEqualTo("CF-2026-000001");
        });
    }
}
