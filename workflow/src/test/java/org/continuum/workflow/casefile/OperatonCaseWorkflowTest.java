package org.continuum.workflow.casefile;

import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.casefile.control.CaseWorkflow.Var;
import org.continuum.casefile.control.CaseWorkflow.WaitState;
import org.continuum.casefile.control.TaskHead;
import org.continuum.casefile.control.WorkTask;
import org.continuum.workflow.TestEngine;
import org.continuum.workflow.engine.Engines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.task.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The inbox and case-task queries of the case port (one join each) against the engine's own task query, and the
 * generator's entry: a process started directly at a wait state, and read back as that wait state.
 */
class OperatonCaseWorkflowTest {

    private static ProcessEngine engine;
    private static OperatonCaseWorkflow workflow;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = TestEngine.startQuiet("case-port-test");
        workflow = new OperatonCaseWorkflow();
        workflow.holder = Engines.holder(engine);
        workflow.tasks = Engines.reader(workflow.holder);
        workflow.inboxes = new KeptInboxes();
        workflow.inboxes.changes = TestEngine.changes(engine);
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private static String startAt(long id, String team, WaitState state, Map<String, Object> variables) {
        return workflow.startAt(new CaseWorkflow.CaseStart(id, "CF-2026-0001" + id, team, Duration.ofHours(4)),
                state, variables);
    }

    @Test
    void anOpenTaskIsFoundByIdOnlyWhenItIsActiveAndOfACaseOrGrantProcess() {
        String instance = startAt(401, "AFRICA", WaitState.TRIAGE, Map.of(Var.TRIAGE_DUE_AT,
                Instant.now().plus(Duration.ofHours(4))));
        Task triage = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(workflow.findOpenTask(triage.getId())).hasValueSatisfying(t -> {
            assertThat(t.caseFileId()).isEqualTo(401);
            assertThat(t.definitionKey()).isEqualTo(triage.getTaskDefinitionKey());
        });
        assertThat(workflow.findOpenTask("0a1b2c3d-0000-0000-0000-000000000000")).isEmpty();
        assertThat(workflow.findOpenTask("x' OR '1'='1")).as("not an id").isEmpty();

        engine.getRepositoryService().createDeployment().addModelInstance("other.bpmn",
                org.operaton.bpm.model.bpmn.Bpmn.createExecutableProcess("Process_Other")
                        .operatonHistoryTimeToLive(1).startEvent().userTask("Task_Other").endEvent().done())
                .deploy();
        String other = engine.getRuntimeService().startProcessInstanceByKey("Process_Other",
                Map.of(Var.CASE_FILE_ID, 402L)).getId();
        Task otherTask = engine.getTaskService().createTaskQuery().processInstanceId(other).singleResult();
        assertThat(workflow.findOpenTask(otherTask.getId())).as("a task of another process").isEmpty();

        engine.getRuntimeService().suspendProcessInstanceById(instance);
        assertThat(workflow.findOpenTask(triage.getId())).as("suspended").isEmpty();
        engine.getRuntimeService().activateProcessInstanceById(instance);
        assertThat(workflow.findOpenTask(triage.getId())).isPresent();
    }

    @Test
    void theProcessPositionReadsWhatTheEnginesHistoryQueriesRead() {
        String instance = startAt(501, "AFRICA", WaitState.ASSESSMENT, Map.of(Var.MENTOR, "sofia.mentor"));
        Task assess = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
        engine.getTaskService().complete(assess.getId());
        var history = engine.getHistoryService();
        java.util.Set<String> active = new java.util.LinkedHashSet<>();
        java.util.Set<String> passed = new java.util.LinkedHashSet<>();
        history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .orderByHistoricActivityInstanceStartTime().asc().list()
                .forEach(a -> (a.getEndTime() == null ? active : passed).add(a.getActivityId()));
        passed.removeAll(active);

        CaseWorkflow.ProcessPosition position = workflow.position(instance);
        assertThat(position.processDefinitionId()).isEqualTo(history.createHistoricProcessInstanceQuery()
                .processInstanceId(instance).singleResult().getProcessDefinitionId());
        assertThat(position.active()).isNotEmpty().containsExactlyInAnyOrderElementsOf(active);
        assertThat(position.passed()).contains(assess.getTaskDefinitionKey())
                .containsExactlyInAnyOrderElementsOf(passed);
        assertThat(workflow.position("0a1b2c3d-0000-0000-0000-000000000000").processDefinitionId()).isNull();
        assertThat(workflow.position("x' OR '1'='1").active()).isEmpty();
    }

    @Test
    void anInboxKeptIsReadAgainOnceTheEngineChanges() {
        String first = startAt(301, "AMER", WaitState.TRIAGE, Map.of(Var.TRIAGE_DUE_AT,
                Instant.now().plus(Duration.ofHours(4))));
        assertThat(workflow.openTaskHeads("CASEWORKER", "AMER", 50)).extracting(TaskHead::processInstanceId)
                .containsExactly(first);
        assertThat(workflow.openTaskHeads("CASEWORKER", "AMER", 50)).as("kept").hasSize(1);

        String second = startAt(302, "AMER", WaitState.TRIAGE, Map.of(Var.TRIAGE_DUE_AT,
                Instant.now().plus(Duration.ofHours(4))));
        assertThat(workflow.openTaskHeads("CASEWORKER", "AMER", 50)).as("a new task shows at once")
                .extracting(TaskHead::processInstanceId).containsExactly(first, second);

        Task task = engine.getTaskService().createTaskQuery().processInstanceId(first).singleResult();
        engine.getTaskService().setAssignee(task.getId(), "amira.caseworker");
        assertThat(workflow.openTaskHeads("CASEWORKER", "AMER", 50)).as("a claim shows at once")
                .filteredOn(t -> t.processInstanceId().equals(first)).extracting(TaskHead::assignee)
                .containsExactly("amira.caseworker");
        assertThat(workflow.taskHeadsAssignedTo("amira.caseworker", 50)).extracting(TaskHead::id)
                .contains(task.getId());

        engine.getRuntimeService().deleteProcessInstance(first, "test");
        assertThat(workflow.openTaskHeads("CASEWORKER", "AMER", 50)).as("an ended process leaves at once")
                .extracting(TaskHead::processInstanceId).containsExactly(second);
        assertThat(workflow.taskHeadsAssignedTo("amira.caseworker", 50)).extracting(TaskHead::id)
                .doesNotContain(task.getId());
    }

    @Test
    void aTeamOrGroupThatIsNotOneIsRefusedBeforeItReachesTheStatement() {
        // On PostgreSQL both are written into the inbox statement (so that it is planned knowing them).
        assertThatThrownBy(() -> workflow.openTaskHeads("CASEWORKER", "MENA' OR '1'='1", 50))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> workflow.openTaskHeads("CASEWORKER') OR ('1'='1", "MENA", 50))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> workflow.openTaskHeads("CASEWORKER", "mena", 50))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(workflow.openTaskHeads("COORDINATOR", "EUR-EAST", 50)).isNotNull();
    }

    @Test
    void theInboxJoinFindsWhatTheEnginesTaskQueryFindsAndTheWaitStatesReadBack() {
        String triage = TestEngine.startCase(engine, 101).getId();
        String verify = startAt(102, "MENA", WaitState.VERIFICATION, Map.of(Var.TRIAGE_OUTCOME, "ELIGIBLE",
                Var.MENTOR, "sofia.mentor"));
        String east = startAt(103, "EUR-EAST", WaitState.TRIAGE, Map.of(Var.TRIAGE_DUE_AT,
                Instant.now().plus(Duration.ofHours(4))));
        String assess = startAt(104, "MENA", WaitState.ASSESSMENT, Map.of(Var.MENTOR, "sofia.mentor"));
        String monitoring = startAt(105, "MENA", WaitState.MONITORING, Map.of(Var.MENTOR, "sofia.mentor",
                Var.NEXT_REASSESSMENT_AT, Instant.now().plus(Duration.ofDays(30))));
        String closed = startAt(106, "MENA", WaitState.CLOSED_IN_PLACE, Map.of(Var.MENTOR, "sofia.mentor"));
        Task claimed = engine.getTaskService().createTaskQuery().processInstanceId(verify).singleResult();
        engine.getTaskService().setAssignee(claimed.getId(), "amira.caseworker");

        for (String group : List.of("CASEWORKER", "SECURITY_MENTOR", "COORDINATOR")) {
            for (String team : List.of("MENA", "EUR-EAST")) {
                List<String> joined = workflow.openTasks(group, team, 50).stream().map(WorkTask::id).toList();
                List<String> engines = engine.getTaskService().createTaskQuery()
                        .processDefinitionKeyIn(CaseFileProcessVariables.PROCESS_KEY, "Process_EmergencyGrant")
                        .taskCandidateGroup(group).includeAssignedTasks()
                        .processVariableValueEquals(Var.TEAM_CODE, team).active()
                        .orderByTaskCreateTime().asc().list().stream().map(Task::getId).toList();
                assertThat(joined).as(group + " " + team).containsExactlyInAnyOrderElementsOf(engines);
            }
        }
        assertThat(workflow.openTasks("CASEWORKER", "MENA", 50)).extracting(WorkTask::caseFileId)
                .containsExactlyInAnyOrder(101L, 102L);
        assertThat(workflow.openTasks("CASEWORKER", "EUR-EAST", 50)).extracting(WorkTask::caseFileId)
                .containsExactly(103L);
        assertThat(workflow.openTasks("SECURITY_MENTOR", "MENA", 50)).extracting(WorkTask::caseFileId)
                .containsExactly(104L);
        assertThat(workflow.openTasksOf(102)).singleElement()
                .satisfies(t -> assertThat(t.assignee()).isEqualTo("amira.caseworker"));
        assertThat(workflow.openTasksOf(105)).isEmpty();

        assertThat(workflow.waitStatesOf(triage)).containsExactly(WaitState.TRIAGE);
        assertThat(workflow.waitStatesOf(verify)).containsExactly(WaitState.VERIFICATION);
        assertThat(workflow.waitStatesOf(east)).containsExactly(WaitState.TRIAGE);
        assertThat(workflow.waitStatesOf(assess)).containsExactly(WaitState.ASSESSMENT);
        assertThat(workflow.waitStatesOf(monitoring)).containsExactly(WaitState.MONITORING);
        assertThat(workflow.waitStatesOf(closed)).isEmpty();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(closed)
                .singleResult().getEndTime()).isNotNull();
        assertThat(workflow.incidents()).isZero();
    }
}
