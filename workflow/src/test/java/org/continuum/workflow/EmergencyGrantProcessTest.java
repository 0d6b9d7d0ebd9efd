package org.continuum.workflow;

import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.grant.control.GrantWorkflow.Var;
import org.continuum.workflow.grant.GrantDecisionCheck;
import org.continuum.workflow.grant.GrantProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.engine.variable.VariableMap;
import org.operaton.bpm.engine.variable.Variables;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The emergency-grant process on its own in-memory engine, one test per path: a grant starts here as the case
 * process's call activity would start it (its request through the case process is tested in
 * {@code CaseFileProcessTest}). The engine clock is moved instead of sleeping; every sequence flow must be taken (R10).
 */
class EmergencyGrantProcessTest {

    private static ProcessEngine engine;
    private static final List<Long> OVERDUE = new CopyOnWriteArrayList<>();
    private static final Set<String> FLOWS_TAKEN = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startEngine() throws Exception {
        Map<Object, Object> beans = new HashMap<>();
        beans.put("grantReportOverdueDelegate",
                (JavaDelegate) execution -> OVERDUE.add(((Number) execution.getVariable(Var.GRANT_ID)).longValue()));
        beans.put("grantDecisionListener", new GrantDecisionCheck());
        engine = TestEngine.start("grant-process-test", beans, FLOWS_TAKEN, "bpmn/emergency-grant.bpmn");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    static void everySequenceFlowWasTaken() {
        try {
            TestEngine.Coverage coverage = TestEngine.coverage(engine, FLOWS_TAKEN, "/bpmn/emergency-grant.bpmn");
            java.util.logging.Logger.getLogger(EmergencyGrantProcessTest.class.getName())
                    .info("R10 sequence-flow coverage · " + coverage.summary());
            assertThat(coverage.notTaken()).as("sequence flows no test took").isEmpty();
        } finally {
            engine.close();
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static VariableMap grantVariables(long grantId, String recommender) {
        return Variables.createVariables()
                .putValue(Var.GRANT_ID, grantId)
                .putValue(Var.GRANT_REFERENCE, "G-TEST-" + grantId)
                .putValue(Var.GRANT_RECOMMENDER, recommender)
                .putValue(CaseWorkflow.Var.CASE_FILE_ID, 1L)
                .putValue(CaseWorkflow.Var.CASE_REFERENCE, "CF-2026-000001")
                .putValue(CaseWorkflow.Var.TEAM_CODE, "MENA");
    }

    /** A recommended grant, as the case process's call activity (or the port, for an older case) starts it. */
    private static ProcessInstance recommended(long grantId, String recommender) {
        return engine.getRuntimeService().startProcessInstanceByKey(GrantProcess.PROCESS_KEY, "G-TEST-" + grantId,
                grantVariables(grantId, recommender));
    }

    private static Task task(ProcessInstance instance, String key) {
        List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
        assertThat(open).extracting(Task::getTaskDefinitionKey).as("open tasks").containsExactly(key);
        return open.get(0);
    }

    private static void complete(ProcessInstance instance, String key, String actor, Map<String, Object> vars) {
        Task task = task(instance, key);
        engine.getTaskService().setAssignee(task.getId(), actor);
        engine.getTaskService().complete(task.getId(), vars);
    }

    private static Date inDays(int days) {
        return new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(days).toMillis());
    }

    private static List<String> path(ProcessInstance instance) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    private static boolean ended(ProcessInstance instance) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
                .count() == 0;
    }

    // --- paths ---------------------------------------------------------------------------------------------------

    @Test
    void aGrantRejectedAtTheFirstDecisionEndsThere() {
        ProcessInstance grant = recommended(101, "amira");
        complete(grant, "Task_DecideGrant", "claire", Map.of(Var.GRANT_DECISION, "REJECTED"));
        assertThat(ended(grant)).isTrue();
        assertThat(path(grant)).endsWith("EndEvent_GrantRejected").doesNotContain("Task_Disburse");
    }

    @Test
    void grantBelowThresholdIsApprovedOncePaidOnceAndAccountedFor() {
        ProcessInstance grant = recommended(201, "amira");
        complete(grant, "Task_DecideGrant", "claire", Map.of(Var.GRANT_DECISION, "APPROVED"));
        Date due = inDays(60);
        complete(grant, "Task_Disburse", "omar", Map.of(Var.MORE_TRANCHES, false, Var.REPORT_REQUIRED, true,
                Var.REPORT_DUE_AT, due));
        assertThat(task(grant, "Task_ReceiveReport").getDueDate()).isCloseTo(due, 1_000);
        complete(grant, "Task_ReceiveReport", "amira", Map.of());
        assertThat(ended(grant)).isTrue();
        assertThat(path(grant)).containsSubsequence("Task_DecideGrant", "Task_Disburse", "Task_ReceiveReport",
                "EndEvent_GrantAccounted").doesNotContain("Task_SecondApproval");
    }

    @Test
    void grantAboveThresholdNeedsASecondApprovalAndIsPaidInTranches() {
        ProcessInstance grant = recommended(211, "amira");
        complete(grant, "Task_DecideGrant", "claire", Map.of(Var.GRANT_DECISION, "AWAITING_SECOND_APPROVAL"));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(grant.getId())
                .taskDefinitionKey("Task_Disburse").count()).as("one approval does not pay").isZero();
        complete(grant, "Task_SecondApproval", "omar", Map.of(Var.GRANT_DECISION, "APPROVED"));
        complete(grant, "Task_Disburse", "claire", Map.of(Var.MORE_TRANCHES, true, Var.REPORT_REQUIRED, false));
        complete(grant, "Task_Disburse", "claire", Map.of(Var.MORE_TRANCHES, false, Var.REPORT_REQUIRED, false));
        assertThat(ended(grant)).isTrue();
        assertThat(path(grant).stream().filter("Task_Disburse"::equals).count()).as("two tranches").isEqualTo(2);
        assertThat(path(grant)).endsWith("EndEvent_GrantPaid");

        ProcessInstance refused = recommended(221, "amira");
        complete(refused, "Task_DecideGrant", "claire", Map.of(Var.GRANT_DECISION, "AWAITING_SECOND_APPROVAL"));
        complete(refused, "Task_SecondApproval", "omar", Map.of(Var.GRANT_DECISION, "REJECTED"));
        assertThat(path(refused)).endsWith("EndEvent_GrantRejected");
    }

    /** Started right before the report wait: the decision and payment paths are the tests above. */
    @Test
    void anOverdueAccountabilityReportIsFlaggedAndCanStillBeReceived() {
        OVERDUE.clear();
        Date due = inDays(30);
        ProcessInstance grant = engine.getRuntimeService().createProcessInstanceByKey(GrantProcess.PROCESS_KEY)
                .businessKey("G-TEST-231").setVariables(grantVariables(231, "amira"))
                .setVariable(Var.REPORT_DUE_AT, due)
                .startBeforeActivity("Task_ReceiveReport").execute();
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(grant.getId()).timers()
                .singleResult();
        assertThat(timer.getDuedate()).isCloseTo(due, 1_000);
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        engine.getManagementService().executeJob(timer.getId());
        assertThat(OVERDUE).containsExactly(231L);
        complete(grant, "Task_ReceiveReport", "amira", Map.of());
        assertThat(path(grant)).contains("ServiceTask_FlagReportOverdue", "EndEvent_ReportOverdueFlagged",
                "EndEvent_GrantAccounted");
    }

    @Test
    void theRecommenderCannotCompleteAGrantDecisionTask() {
        ProcessInstance grant = recommended(241, "claire");
        Task decide = task(grant, "Task_DecideGrant");
        engine.getTaskService().setAssignee(decide.getId(), "claire");
        assertThatThrownBy(() -> engine.getTaskService().complete(decide.getId(),
                Map.of(Var.GRANT_DECISION, "APPROVED"))).hasMessageContaining("own-recommendation");
        engine.getTaskService().setAssignee(decide.getId(), null);
        assertThatThrownBy(() -> engine.getTaskService().complete(decide.getId(),
                Map.of(Var.GRANT_DECISION, "APPROVED"))).hasMessageContaining("no-decider");
        assertThat(task(grant, "Task_DecideGrant")).as("the decision is still open").isNotNull();
    }
}
