package org.continuum.workflow;

import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.control.CaseWorkflow.Var;
import org.continuum.grant.control.GrantWorkflow;
import org.continuum.workflow.casefile.CaseFileProcessVariables;
import org.continuum.workflow.casefile.EscalationApprovalCheck;
import org.continuum.workflow.grant.GrantDecisionCheck;
import org.continuum.workflow.grant.GrantProcess;
import org.continuum.workflow.engine.OperatonSchemaMigration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.UserTask;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The case process on an in-memory engine whose schema was created by the same migration as in production, with the
 * engine's clock moved instead of sleeping. Every sequence flow taken is recorded by a parse listener; after the
 * class the coverage is printed and must be 100 % (R10 in QUALITY.md).
 */
class CaseFileProcessTest {

    private static final String MENTOR = "sofia.mentor";
    private static ProcessEngine engine;
    private static final List<Long> FLAGGED = new CopyOnWriteArrayList<>();
    /** What the last-resort gate finds in "our tables": case file id to the proposer of a valid proposal. */
    private static final Map<Long, String> VALID_PROPOSALS = new ConcurrentHashMap<>();
    private static final Set<String> FLOWS_TAKEN = ConcurrentHashMap.newKeySet();
    private static final Set<String> PATHS = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startEngine() throws Exception {
        Map<Object, Object> beans = new HashMap<>();
        beans.put("markTriageOverdueDelegate",
                (JavaDelegate) execution -> FLAGGED.add(caseFileId(execution.getVariable(Var.CASE_FILE_ID))));
        beans.put("grantDecisionListener", new GrantDecisionCheck());
        beans.put("lastResortGateDelegate", (JavaDelegate) execution -> {
            String proposer = VALID_PROPOSALS.get(caseFileId(execution.getVariable(Var.CASE_FILE_ID)));
            execution.setVariable(Var.GATE_PASSED, proposer != null);
            execution.setVariable(Var.ESCALATION_PROPOSER, proposer);
        });
        beans.put("escalationApprovalListener", new EscalationApprovalCheck());
        engine = TestEngine.start("process-test", beans, FLOWS_TAKEN, "bpmn/casefile.bpmn",
                "bpmn/emergency-grant.bpmn");
    }

    private static long caseFileId(Object value) {
        return ((Number) value).longValue();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    static void everySequenceFlowWasTaken() {
        try {
            TestEngine.Coverage coverage = TestEngine.coverage(engine, FLOWS_TAKEN, "/bpmn/casefile.bpmn");
            java.util.logging.Logger.getLogger(CaseFileProcessTest.class.getName()).info("R10 sequence-flow coverage · "
                    + coverage.summary() + " over " + PATHS.size() + " paths");
            assertThat(coverage.notTaken()).as("sequence flows no test took").isEmpty();
        } finally {
            engine.close();
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static ProcessInstance start(long caseFileId) {
        return TestEngine.startCase(engine, caseFileId);
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

    /** Moves the engine's clock past the process's only timer and fires it. */
    private static void fireTimer(ProcessInstance instance, Date expectedDue) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult();
        assertThat(timer).as("a timer is waiting").isNotNull();
        if (expectedDue != null) {
            assertThat(timer.getDuedate()).isCloseTo(expectedDue, 1_000);
        }
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        engine.getManagementService().executeJob(timer.getId());
    }

    private static void newThreat(ProcessInstance instance) {
        engine.getRuntimeService().createMessageCorrelation(CaseFileProcessVariables.NEW_THREAT_MESSAGE)
                .processInstanceId(instance.getId()).correlate();
    }

    private static void triageAndVerify(ProcessInstance instance) {
        complete(instance, "Task_Triage", "amira", Map.of(Var.TRIAGE_OUTCOME, "ELIGIBLE", Var.MENTOR, MENTOR));
        complete(instance, "Task_Verify", "amira", Map.of(Var.VERIFIED, true));
    }

    private static void toMonitoring(ProcessInstance instance, Date nextReassessment) {
        triageAndVerify(instance);
        Task assess = task(instance, "Task_AssessRisk");
        assertThat(assess.getAssignee()).as("the case's mentor").isEqualTo(MENTOR);
        engine.getTaskService().complete(assess.getId());
        complete(instance, "Task_PlanMeasures", MENTOR, Map.of(Var.NEXT_REASSESSMENT_AT, nextReassessment));
    }

    private static void escalate(ProcessInstance instance) {
        complete(instance, "Task_Reassess", MENTOR, Map.of(Var.REASSESSMENT, "ESCALATE",
                Var.NEXT_REASSESSMENT_AT, inDays(7)));
    }

    private static List<String> path(ProcessInstance instance, String name) {
        PATHS.add(name);
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
    void localMeasuresOnlyCaseIsReassessedOnScheduleAndClosedOnlyOnceACoordinatorSignsOff() {
        ProcessInstance instance = start(1);
        Task triage = task(instance, "Task_Triage");
        assertThat(triage.getDueDate()).isCloseTo(new Date(System.currentTimeMillis() + 4 * 3_600_000L), 60_000);
        Date nextReassessment = inDays(7);
        toMonitoring(instance, nextReassessment);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count())
                .as("waiting for the reassessment date").isZero();

        fireTimer(instance, nextReassessment);
        assertThat(task(instance, "Task_Reassess").getAssignee()).isEqualTo(MENTOR);
        complete(instance, "Task_Reassess", MENTOR, Map.of(Var.REASSESSMENT, "CLOSE",
                Var.NEXT_REASSESSMENT_AT, inDays(7)));
        // A mentor alone cannot stop a person's follow-up: a coordinator signs the closure off, or sends it back.
        assertThat(ended(instance)).isFalse();
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_SignOffLocalClosure")
                .taskCandidateGroup("COORDINATOR").processInstanceId(instance.getId()).count()).isOne();
        complete(instance, "Task_SignOffLocalClosure", "claire", Map.of(Var.CLOSURE_SIGNED_OFF, false));
        assertThat(task(instance, "Task_PlanMeasures").getAssignee()).as("back to the plan").isEqualTo(MENTOR);
        Date again = inDays(14);
        complete(instance, "Task_PlanMeasures", MENTOR, Map.of(Var.NEXT_REASSESSMENT_AT, again));
        fireTimer(instance, again);
        complete(instance, "Task_Reassess", MENTOR, Map.of(Var.REASSESSMENT, "CLOSE",
                Var.NEXT_REASSESSMENT_AT, inDays(7)));
        complete(instance, "Task_SignOffLocalClosure", "omar", Map.of(Var.CLOSURE_SIGNED_OFF, true));

        assertThat(ended(instance)).isTrue();
        assertThat(path(instance, "local measures, scheduled reassessment, closure sent back, then signed off"))
                .contains("Task_Verify", "Task_AssessRisk", "Task_PlanMeasures", "TimerCatch_ReassessmentDue",
                        "Task_Reassess", "Task_SignOffLocalClosure", "EndEvent_ClosedInPlace")
                .doesNotContain("ServiceTask_CheckLastResortGate");
    }

    @Test
    void ineligibleRequestEndsAfterTriageAndItsDeadlineIsCancelled() {
        ProcessInstance instance = start(2);
        complete(instance, "Task_Triage", "amira", Map.of(Var.TRIAGE_OUTCOME, "INELIGIBLE"));
        assertThat(path(instance, "ineligible")).contains("EndEvent_Ineligible").doesNotContain("Task_Verify");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
                .isZero();
    }

    @Test
    void mergedDuplicateEndsAfterTriage() {
        ProcessInstance instance = start(3);
        complete(instance, "Task_Triage", "amira", Map.of(Var.TRIAGE_OUTCOME, "DUPLICATE"));
        assertThat(path(instance, "duplicate merged")).contains("EndEvent_MergedDuplicate");
        assertThat(ended(instance)).isTrue();
    }

    @Test
    void unverifiableRequestEndsAfterVerification() {
        ProcessInstance instance = start(4);
        complete(instance, "Task_Triage", "amira", Map.of(Var.TRIAGE_OUTCOME, "ELIGIBLE", Var.MENTOR, MENTOR));
        complete(instance, "Task_Verify", "amira", Map.of(Var.VERIFIED, false));
        assertThat(path(instance, "unverifiable")).contains("EndEvent_Unverifiable")
                .doesNotContain("Task_AssessRisk");
    }

    @Test
    void missedTriageDeadlineAlertsCoordinatorsAndKeepsTheTaskOpen() {
        FLAGGED.clear();
        ProcessInstance instance = start(5);
        fireTimer(instance, new Date(System.currentTimeMillis() + Duration.ofHours(4).toMillis()));
        assertThat(FLAGGED).containsExactly(5L);
        assertThat(task(instance, "Task_Triage")).as("non-interrupting").isNotNull();
        assertThat(path(instance, "triage overdue")).contains("BoundaryEvent_TriageOverdue",
                "ServiceTask_FlagTriageOverdue", "EndEvent_TriageOverdueFlagged");
    }

    @Test
    void newThreatInterruptsTheWaitWithAnImmediateReassessment() {
        ProcessInstance instance = start(6);
        toMonitoring(instance, inDays(30));
        newThreat(instance);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
                .as("the reassessment timer is gone with the wait").isZero();
        complete(instance, "Task_Reassess", MENTOR, Map.of(Var.REASSESSMENT, "CONTINUE",
                Var.NEXT_REASSESSMENT_AT, inDays(7)));
        complete(instance, "Task_PlanMeasures", MENTOR, Map.of(Var.NEXT_REASSESSMENT_AT, inDays(7)));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult().getDuedate()).as("waiting again").isCloseTo(inDays(7), 1_000);
        assertThat(path(instance, "new threat, continue plan")).contains("MessageCatch_NewThreat", "Task_Reassess")
                .doesNotContain("TimerCatch_ReassessmentDue");
    }

    @Test
    void escalationWithoutValidProposalIsStoppedByTheGateAndGoesBackToThePlan() {
        ProcessInstance instance = start(7);
        toMonitoring(instance, inDays(7));
        newThreat(instance);
        escalate(instance);
        assertThat(task(instance, "Task_PlanMeasures")).as("back to local measures").isNotNull();
        assertThat(path(instance, "escalation refused by the gate")).contains("ServiceTask_CheckLastResortGate")
                .doesNotContain("Task_ApproveEscalation");
    }

    @Test
    void rejectedEscalationAndAbortedRelocationGoBackToThePlan() {
        VALID_PROPOSALS.put(8L, MENTOR);
        ProcessInstance instance = start(8);
        toMonitoring(instance, inDays(7));
        newThreat(instance);
        escalate(instance);
        complete(instance, "Task_ApproveEscalation", "claire", Map.of(Var.ESCALATION_APPROVED, false));
        complete(instance, "Task_PlanMeasures", MENTOR, Map.of(Var.NEXT_REASSESSMENT_AT, inDays(7)));
        newThreat(instance);
        escalate(instance);
        complete(instance, "Task_ApproveEscalation", "claire", Map.of(Var.ESCALATION_APPROVED, true));
        complete(instance, "Task_PrepareRelocation", "amira", Map.of());
        complete(instance, "Task_ConfirmArrival", "amira", Map.of(Var.RELOCATION, "ABORTED"));
        assertThat(task(instance, "Task_PlanMeasures")).isNotNull();
        assertThat(path(instance, "rejected, then approved and aborted")).contains("Task_PrepareRelocation");
    }

    @Test
    void theProposerCannotApproveTheirOwnEscalationEvenThroughTheEngine() {
        VALID_PROPOSALS.put(9L, "omar.coordinator");
        ProcessInstance instance = start(9);
        toMonitoring(instance, inDays(7));
        newThreat(instance);
        escalate(instance);
        Task approval = task(instance, "Task_ApproveEscalation");
        assertThat(engine.getTaskService().createTaskQuery().taskId(approval.getId()).taskCandidateGroup("COORDINATOR")
                .count()).isOne();
        engine.getTaskService().setAssignee(approval.getId(), "omar.coordinator");
        assertThatThrownBy(() -> engine.getTaskService().complete(approval.getId(),
                Map.of(Var.ESCALATION_APPROVED, true))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("own-proposal");
        engine.getTaskService().setAssignee(approval.getId(), null);
        assertThatThrownBy(() -> engine.getTaskService().complete(approval.getId(),
                Map.of(Var.ESCALATION_APPROVED, true))).hasMessageContaining("no-decider");
        assertThat(task(instance, "Task_ApproveEscalation")).as("still waiting for a second coordinator").isNotNull();
        path(instance, "own approval refused");
    }

    @Test
    void approvedRelocationLeadsToExileSupportCheckInsAndSignedOffClosure() {
        VALID_PROPOSALS.put(10L, MENTOR);
        ProcessInstance instance = start(10);
        toMonitoring(instance, inDays(14));
        fireTimer(instance, null);
        escalate(instance);
        complete(instance, "Task_ApproveEscalation", "claire", Map.of(Var.ESCALATION_APPROVED, true));
        complete(instance, "Task_PrepareRelocation", "amira", Map.of());
        Date firstCheckIn = inDays(30);
        complete(instance, "Task_ConfirmArrival", "amira", Map.of(Var.RELOCATION, "ARRIVED",
                Var.NEXT_CHECK_IN_AT, firstCheckIn));

        fireTimer(instance, firstCheckIn);
        Date secondCheckIn = inDays(60);
        complete(instance, "Task_CheckIn", "amira", Map.of(Var.CHECK_IN, "CONTINUE", Var.NEXT_CHECK_IN_AT,
                secondCheckIn));
        newThreat(instance);
        assertThat(task(instance, "Task_ExileReassess").getAssignee()).isEqualTo(MENTOR);
        complete(instance, "Task_ExileReassess", MENTOR, Map.of());
        fireTimer(instance, secondCheckIn);
        complete(instance, "Task_CheckIn", "amira", Map.of(Var.CHECK_IN, "CLOSE", Var.NEXT_CHECK_IN_AT, inDays(90)));
        complete(instance, "Task_SignOffClosure", "claire", Map.of(Var.CLOSURE_SIGNED_OFF, false,
                Var.NEXT_CHECK_IN_AT, inDays(90)));
        fireTimer(instance, null);
        complete(instance, "Task_CheckIn", "amira", Map.of(Var.CHECK_IN, "CLOSE", Var.NEXT_CHECK_IN_AT, inDays(90)));
        complete(instance, "Task_SignOffClosure", "claire", Map.of(Var.CLOSURE_SIGNED_OFF, true));

        assertThat(ended(instance)).isTrue();
        assertThat(path(instance, "relocation, exile support, sign-off")).contains("Task_ApproveEscalation",
                "Task_ConfirmArrival", "TimerCatch_CheckInDue", "MessageCatch_NewThreatInExile",
                "Task_ExileReassess", "Task_SignOffClosure", "EndEvent_ClosedAfterRelocation");
    }

    /** Requests a grant the way the boundary does: into the case's event sub-process, variables to its scope. */
    private static ProcessInstance requestGrant(ProcessInstance caseInstance, long grantId, String recommender) {
        String reference = "G-TEST-" + grantId;
        engine.getRuntimeService().createMessageCorrelation(CaseFileProcessVariables.GRANT_REQUESTED_MESSAGE)
                .processInstanceId(caseInstance.getId())
                .setVariablesToTriggeredScope(Map.of(GrantWorkflow.Var.GRANT_ID, grantId, GrantWorkflow.Var.GRANT_REFERENCE, reference,
                        GrantWorkflow.Var.GRANT_RECOMMENDER, recommender))
                .correlate();
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(GrantProcess.PROCESS_KEY)
                .processInstanceBusinessKey(reference).singleResult();
    }

    @Test
    void emergencyGrantsCanBeRequestedFromAnyPhaseEachWithItsOwnVariables() {
        ProcessInstance instance = start(11);
        ProcessInstance first = requestGrant(instance, 101, "amira");
        toMonitoring(instance, inDays(7));
        ProcessInstance second = requestGrant(instance, 102, "sofia.mentor");
        var runtime = engine.getRuntimeService();
        assertThat(runtime.getVariable(first.getId(), GrantWorkflow.Var.GRANT_ID)).isEqualTo(101L);
        assertThat(runtime.getVariable(second.getId(), GrantWorkflow.Var.GRANT_ID)).isEqualTo(102L);
        assertThat(runtime.getVariable(second.getId(), Var.CASE_FILE_ID)).isEqualTo(11L);
        assertThat(runtime.getVariable(second.getId(), Var.TEAM_CODE)).isEqualTo("MENA");
        assertThat(runtime.getVariable(second.getId(), GrantWorkflow.Var.GRANT_RECOMMENDER)).isEqualTo("sofia.mentor");
        assertThat(task(first, "Task_DecideGrant")).isNotNull();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .count()).as("the case is still monitoring").isOne();
        complete(first, "Task_DecideGrant", "claire", Map.of(GrantWorkflow.Var.GRANT_DECISION, "REJECTED"));
        assertThat(ended(first)).isTrue();
        assertThat(path(instance, "grant call point")).contains("CallActivity_EmergencyGrant",
                "EndEvent_GrantProcessCalled");
        assertThat(path(first, "grant rejected at first decision")).endsWith("EndEvent_GrantRejected");
    }

    @Test
    void casesStartedOnAnOlderVersionCompleteAfterANewVersionIsDeployed() {
        ProcessInstance old = start(12);
        complete(old, "Task_Triage", "amira", Map.of(Var.TRIAGE_OUTCOME, "ELIGIBLE", Var.MENTOR, MENTOR));
        BpmnModelInstance changed = Bpmn.readModelFromStream(
                CaseFileProcessTest.class.getResourceAsStream("/bpmn/casefile.bpmn"));
        changed.getModelElementById("Task_Verify").setAttributeValue("name", "Verify identity (v-next)");
        var deployment = engine.getRepositoryService().createDeployment()
                .addModelInstance("casefile.bpmn", changed).deploy();
        try {
            ProcessInstance fresh = start(13);
            assertThat(fresh.getProcessDefinitionId()).isNotEqualTo(old.getProcessDefinitionId());
            complete(old, "Task_Verify", "amira", Map.of(Var.VERIFIED, false));
            assertThat(ended(old)).as("the old case completes on its own version").isTrue();
            assertThat(engine.getManagementService().createJobQuery().withException().count()).as("incidents")
                    .isZero();
            complete(fresh, "Task_Triage", "amira", Map.of(Var.TRIAGE_OUTCOME, "INELIGIBLE"));
            assertThat(ended(fresh)).isTrue();
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void everyUserTaskOfTheModelIsKnownToTheDomainWithTheSameRole() {
        BpmnModelInstance model = Bpmn.readModelFromStream(
                CaseFileProcessTest.class.getResourceAsStream("/bpmn/casefile.bpmn"));
        BpmnModelInstance grantModel = Bpmn.readModelFromStream(
                CaseFileProcessTest.class.getResourceAsStream("/bpmn/emergency-grant.bpmn"));
        Map<String, String> groups = java.util.stream.Stream.concat(
                        model.getModelElementsByType(UserTask.class).stream(),
                        grantModel.getModelElementsByType(UserTask.class).stream())
                .collect(Collectors.toMap(UserTask::getId, UserTask::getOperatonCandidateGroups));
        Map<String, String> domain = java.util.Arrays.stream(TaskKind.values())
                .collect(Collectors.toMap(TaskKind::definitionKey, t -> t.role().name()));
        assertThat(groups).isEqualTo(domain);
        model.getModelElementsByType(UserTask.class).forEach(t -> assertThat(t.getOperatonAssignee())
                .as(t.getId()).isEqualTo(TaskKind.of(t.getId()).orElseThrow().isForAssignedMentor() ? "${mentor}"
                        : null));
    }

    @Test
    void schemaStatementsAreSplitAtLineEndSemicolons() throws Exception {
        var method = OperatonSchemaMigration.class.getDeclaredMethod("statements", String.class);
        method.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<String> statements = (List<String>) method.invoke(null,
                "-- licence\ncreate table A (\n  X int\n);\n\ninsert into A values (1);\n");
        assertThat(statements).containsExactly("create table A (\nX int\n)", "insert into A values (1)");
    }
}
