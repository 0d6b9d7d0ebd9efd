package org.continuum.workflow;

import org.continuum.workflow.casefile.CaseFileProcessVariables;
import org.continuum.workflow.engine.OperatonSchemaMigration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.engine.variable.Variables;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.FlowNode;

import java.sql.Connection;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case process on an in-memory engine whose schema was created by the same Flyway migration as in production.
 * One test per path; after the class, every flow node of the model must have been visited by some test.
 */
class CaseFileProcessTest {

    private static ProcessEngine engine;
    private static final List<Long> FLAGGED = new CopyOnWriteArrayList<>();
    private static final Set<String> VISITED = new HashSet<>();

    @BeforeAll
    static void startEngine() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:process-test;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        try (Connection c = ds.getConnection()) {
            OperatonSchemaMigration.apply(c);
        }
        Map<Object, Object> beans = new HashMap<>();
        beans.put("markTriageOverdueDelegate",
                (JavaDelegate) execution -> FLAGGED.add((Long) execution.getVariable(CaseFileProcessVariables.CASE_FILE_ID)));
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setDataSource(ds);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        config.setJobExecutorActivate(false);
        config.setEnforceHistoryTimeToLive(true);
        config.setDbIdentityUsed(false);
        config.setMetricsEnabled(false);
        config.setBeans(beans);
        config.setProcessEngineName("process-test");
        engine = config.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addClasspathResource("bpmn/casefile.bpmn").deploy();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    static void everyFlowNodeWasVisited() {
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(CaseFileProcessVariables.PROCESS_KEY).singleResult().getId();
        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definitionId);
        Set<String> all = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                .collect(Collectors.toSet());
        try {
            assertThat(VISITED).as("flow nodes visited by the tests").containsAll(all);
        } finally {
            engine.close();
        }
    }

    private static ProcessInstance start(long caseFileId, Duration deadline) {
        return engine.getRuntimeService().startProcessInstanceByKey(CaseFileProcessVariables.PROCESS_KEY,
                "CF-2026-00000" + caseFileId, Variables.createVariables()
                        .putValue(CaseFileProcessVariables.CASE_FILE_ID, caseFileId)
                        .putValue(CaseFileProcessVariables.CASE_REFERENCE, "CF-2026-00000" + caseFileId)
                        .putValue(CaseFileProcessVariables.TEAM_CODE, "MENA")
                        .putValue(CaseFileProcessVariables.TRIAGE_DEADLINE, deadline.toString())
                        .putValue(CaseFileProcessVariables.TRIAGE_DUE_AT, new Date(System.currentTimeMillis()
                                + deadline.toMillis())));
    }

    private static Task openTask(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private static List<String> visited(ProcessInstance instance) {
        List<String> ids = engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
        VISITED.addAll(ids);
        return ids;
    }

    @Test
    void eligibleRequestGoesFromTriageToRiskAssessmentByAMentor() {
        ProcessInstance instance = start(1, Duration.ofHours(4));
        Task triage = openTask(instance);
        assertThat(triage.getTaskDefinitionKey()).isEqualTo("Task_Triage");
        assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("CASEWORKER")
                .processInstanceId(instance.getId()).count()).isOne();
        assertThat(triage.getDueDate()).isAfter(new Date());

        engine.getTaskService().complete(triage.getId(), Map.of(CaseFileProcessVariables.ELIGIBLE, true));
        Task assess = openTask(instance);
        assertThat(assess.getTaskDefinitionKey()).isEqualTo("Task_AssessRisk");
        assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("SECURITY_MENTOR")
                .processInstanceId(instance.getId()).count()).isOne();

        engine.getTaskService().complete(assess.getId());
        assertThat(visited(instance)).contains("Gateway_Eligible", "Task_AssessRisk", "EndEvent_RiskAssessed")
                .doesNotContain("EndEvent_Ineligible");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
                .count()).isZero();
    }

    @Test
    void ineligibleRequestEndsAfterTriage() {
        ProcessInstance instance = start(2, Duration.ofDays(5));
        engine.getTaskService().complete(openTask(instance).getId(),
                Map.of(CaseFileProcessVariables.ELIGIBLE, false));
        assertThat(visited(instance)).contains("EndEvent_Ineligible").doesNotContain("Task_AssessRisk");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
                .as("the deadline timer is cancelled with the task").isZero();
    }

    @Test
    void missedTriageDeadlineFlagsTheCaseAndKeepsTheTaskOpen() {
        FLAGGED.clear();
        ProcessInstance instance = start(3, Duration.ofHours(4));
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult();
        assertThat(timer.getDuedate()).isCloseTo(new Date(System.currentTimeMillis() + Duration.ofHours(4).toMillis()),
                60_000);

        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(4).plusMinutes(1).toMillis()));
        engine.getManagementService().executeJob(timer.getId());

        assertThat(FLAGGED).containsExactly(3L);
        assertThat(openTask(instance).getTaskDefinitionKey()).as("non-interrupting").isEqualTo("Task_Triage");
        assertThat(visited(instance)).contains("BoundaryEvent_TriageOverdue", "ServiceTask_FlagTriageOverdue",
                "EndEvent_TriageOverdueFlagged");
        engine.getTaskService().complete(openTask(instance).getId(), Map.of(CaseFileProcessVariables.ELIGIBLE, true));
        engine.getTaskService().complete(openTask(instance).getId());
        visited(instance);
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
