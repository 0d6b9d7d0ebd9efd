package org.continuum.workflow.engine;

import org.continuum.casefile.control.CaseWorkflow.Var;
import org.continuum.casefile.control.WorkTask;
import org.continuum.workflow.TestEngine;
import org.continuum.workflow.casefile.CaseFileProcessVariables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.engine.variable.Variables;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox reads tasks, then their cases' variables: a case that ended in between is left out, not read half. */
class TaskReaderTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void startEngine() throws Exception {
        Map<Object, Object> beans = new HashMap<>();
        for (String name : List.of("markTriageOverdueDelegate", "lastResortGateDelegate")) {
            beans.put(name, (JavaDelegate) execution -> { });
        }
        for (String name : List.of("grantDecisionListener", "escalationApprovalListener")) {
            beans.put(name, (TaskListener) task -> { });
        }
        engine = TestEngine.start("task-reader-test", beans, ConcurrentHashMap.newKeySet(), "bpmn/casefile.bpmn",
                "bpmn/emergency-grant.bpmn");
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private static String start(long caseFileId) {
        return engine.getRuntimeService().startProcessInstanceByKey(CaseFileProcessVariables.PROCESS_KEY,
                "CF-2026-00000" + caseFileId, Variables.createVariables()
                        .putValue(Var.CASE_FILE_ID, caseFileId)
                        .putValue(Var.CASE_REFERENCE, "CF-2026-00000" + caseFileId)
                        .putValue(Var.TEAM_CODE, "MENA")
                        .putValue(Var.TRIAGE_DEADLINE, Duration.ofHours(4).toString())
                        .putValue(Var.TRIAGE_DUE_AT, new Date(System.currentTimeMillis() + 3_600_000L))).getId();
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
