package org.continuum.workflow;

import org.continuum.workflow.engine.OperatonSchemaMigration;
import org.h2.jdbcx.JdbcDataSource;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.pvm.process.TransitionImpl;
import org.operaton.bpm.engine.impl.util.xml.Element;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory engine for the process tests, on a schema created by the production migration, with the job
 * executor off (tests move the engine clock and run jobs themselves) and every sequence flow taken recorded in
 * {@code flowsTaken} for the R10 coverage check.
 */
final class TestEngine {

    private TestEngine() {
    }

    static ProcessEngine start(String name, Map<Object, Object> beans, Set<String> flowsTaken, String... bpmn)
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
}
