package org.continuum.workflow;

import org.continuum.casefile.control.CaseWorkflow.Var;
import org.continuum.workflow.casefile.CaseFileProcessVariables;
import org.continuum.workflow.engine.EngineChanges;
import org.continuum.workflow.engine.OperatonSchemaMigration;
import org.h2.jdbcx.JdbcDataSource;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.pvm.process.TransitionImpl;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.impl.util.xml.Element;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.variable.Variables;

import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.EventBasedGateway;
import org.operaton.bpm.model.bpmn.instance.SequenceFlow;

import java.sql.Connection;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An in-memory engine for the process tests, on a schema created by the production migration, with the job
 * executor off (tests move the engine clock and run jobs themselves) and every sequence flow taken recorded in
 * {@code flowsTaken} for the R10 coverage check.
 */
public final class TestEngine {

    private static final Map<String, EngineChanges> CHANGES = new java.util.concurrent.ConcurrentHashMap<>();

    private TestEngine() {
    }

    /** The change counter the test engine tells of its changes, as the application's engine does. */
    public static EngineChanges changes(ProcessEngine engine) {
        return CHANGES.get(engine.getName());
    }

    /**
     * The case and grant processes with every delegate and listener doing nothing: for tests of what the ports read
     * and write, not of what the delegates decide.
     */
    public static ProcessEngine startQuiet(String name) throws Exception {
        Map<Object, Object> beans = new java.util.HashMap<>();
        for (String bean : java.util.List.of("markTriageOverdueDelegate", "lastResortGateDelegate")) {
            beans.put(bean, (org.operaton.bpm.engine.delegate.JavaDelegate) execution -> { });
        }
        for (String bean : java.util.List.of("grantDecisionListener", "escalationApprovalListener")) {
            beans.put(bean, (org.operaton.bpm.engine.delegate.TaskListener) task -> { });
        }
        return start(name, beans, java.util.concurrent.ConcurrentHashMap.newKeySet(), "bpmn/casefile.bpmn",
                "bpmn/emergency-grant.bpmn");
    }

    public static ProcessEngine start(String name, Map<Object, Object> beans, Set<String> flowsTaken, String... bpmn)
            throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        try (Connection c = ds.getConnection()) {
            OperatonSchemaMigration.apply(c);
        }
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setDataSource(ds);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        config.setJobExecutorActivate(false);
        config.setEnforceHistoryTimeToLive(true);
        config.setDbIdentityUsed(false);
        config.setMetricsEnabled(false);
        config.setBeans(beans);
        config.setProcessEngineName(name);
        EngineChanges changes = new EngineChanges(); // as in the application: told of every change
        config.setCustomHistoryEventHandlers(List.of(changes));
        CHANGES.put(name, changes);
        config.setCustomPreBPMNParseListeners(List.of(new BpmnParseListener() {
            @Override
            public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
                transition.addExecutionListener((ExecutionListener) execution -> flowsTaken.add(transition.getId()));
            }
        }));
        ProcessEngine engine = config.buildProcessEngine();
        var deployment = engine.getRepositoryService().createDeployment();
        for (String resource : bpmn) {
            deployment.addClasspathResource(resource);
        }
        deployment.deploy();
        return engine;
    }

    /**
     * The sequence flows of one BPMN file that no test took (R10), and a line saying how many were. The engine does
     * not fire "take" on the flows out of an event-based gateway: it arms the events they lead to, so such a flow
     * counts as taken when the event behind it was reached.
     */
    /** Starts a case process the way the application does: id, reference, team and a four-hour triage deadline. */
    public static ProcessInstance startCase(ProcessEngine engine, long caseFileId) {
        return engine.getRuntimeService().startProcessInstanceByKey(CaseFileProcessVariables.PROCESS_KEY,
                "CF-2026-00000" + caseFileId, Variables.createVariables()
                        .putValue(Var.CASE_FILE_ID, caseFileId)
                        .putValue(Var.CASE_REFERENCE, "CF-2026-00000" + caseFileId)
                        .putValue(Var.TEAM_CODE, "MENA")
                        .putValue(Var.TRIAGE_DEADLINE, Duration.ofHours(4).toString())
                        .putValue(Var.TRIAGE_DUE_AT, new Date(ClockUtil.getCurrentTime().getTime()
                                + Duration.ofHours(4).toMillis())));
    }

    /**
     * R10 at the end of a process test class: logs the sequence-flow coverage of {@code file}, closes the engine,
     * and fails when a flow was never taken.
     */
    static void assertEveryFlowTakenThenClose(ProcessEngine engine, Set<String> flowsTaken, String file,
                                              Class<?> testClass) {
        try {
            Coverage coverage = coverage(engine, flowsTaken, file);
            java.util.logging.Logger.getLogger(testClass.getName()).info("R10 sequence-flow coverage · "
                    + coverage.summary());
            org.assertj.core.api.Assertions.assertThat(coverage.notTaken()).as("sequence flows no test took")
                    .isEmpty();
        } finally {
            engine.close();
        }
    }

    static Coverage coverage(ProcessEngine engine, Set<String> flowsTaken, String file) {
        BpmnModelInstance model = Bpmn.readModelFromStream(TestEngine.class.getResourceAsStream(file));
        Set<String> all = model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> notTaken = new TreeSet<>(all);
        notTaken.removeAll(flowsTaken);
        model.getModelElementsByType(SequenceFlow.class).stream()
                .filter(f -> f.getSource() instanceof EventBasedGateway)
                .filter(f -> engine.getHistoryService().createHistoricActivityInstanceQuery()
                        .activityId(f.getTarget().getId()).finished().count() > 0)
                .forEach(f -> notTaken.remove(f.getId()));
        return new Coverage(String.format("%s: %d/%d (%.1f %%)", file.substring(file.lastIndexOf('/') + 1),
                all.size() - notTaken.size(), all.size(), 100.0 * (all.size() - notTaken.size()) / all.size()),
                notTaken);
    }

    record Coverage(String summary, Set<String> notTaken) {
    }
}
