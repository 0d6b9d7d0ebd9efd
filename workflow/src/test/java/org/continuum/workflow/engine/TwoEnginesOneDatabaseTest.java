package org.continuum.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.continuum.casefile.control.CaseWorkflow.Var;
import org.continuum.workflow.casefile.CaseFileProcessVariables;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.operaton.bpm.engine.variable.Variables;

/**
 * Two servers of a cluster each run the engine's job executor against one database (issue #18): every job must take
 * effect once. Two engines with the application's job executor settings share one database here; the application's
 * case process is started 100 times with its triage deadline already passed, then both job executors start: 100
 * timer jobs are due at once. What
 * a job does in the database commits once per job (counted in the engine's history: the overdue flag's service task
 * completed once per case file); the delegate's calls, counted in memory, may be more when a job's transaction was
 * rolled back and the job run again, which is why the application's delegates write only in their transaction (the
 * outbox's row, not a mail). History is FULL here, to list such retries; the application runs AUDIT.
 */
class TwoEnginesOneDatabaseTest {

    private static final int CASES = 100;

    @Test
    void eachDueTimerRunsOnceAcrossTwoEnginesAndBothTakeTheirShare() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:two-engines;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        ds.setUser("sa");
        try (Connection c = ds.getConnection()) {
            OperatonSchemaMigration.apply(c);
        }
        Map<Object, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byEngine = new ConcurrentHashMap<>();
        CountDownLatch allRan = new CountDownLatch(CASES);
        List<ProcessEngine> engines = new ArrayList<>();
        try {
            // The test servers' idle wait between acquisitions (arquillian.xml); production's is 5 s.
            String maxWait = System.setProperty("continuum.jobs.maxWaitMillis", "500");
            try {
                for (String name : List.of("node1", "node2")) {
                    engines.add(engine(ds, name, runs, byEngine, allRan));
                }
            } finally {
                if (maxWait == null) {
                    System.clearProperty("continuum.jobs.maxWaitMillis");
                } else {
                    System.setProperty("continuum.jobs.maxWaitMillis", maxWait);
                }
            }
            engines.get(0).getRepositoryService().createDeployment()
                    .addClasspathResource("bpmn/casefile.bpmn").deploy();
            Date passed = new Date(System.currentTimeMillis() - 1_000);
            for (long id = 1; id <= CASES; id++) {
                engines.get((int) (id % 2)).getRuntimeService().startProcessInstanceByKey(
                        CaseFileProcessVariables.PROCESS_KEY, "CF-" + id, Variables.createVariables()
                                .putValue(Var.CASE_FILE_ID, id).putValue(Var.CASE_REFERENCE, "CF-" + id)
                                .putValue(Var.TEAM_CODE, "MENA")
                                .putValue(Var.TRIAGE_DEADLINE, Duration.ofSeconds(1).toString())
                                .putValue(Var.TRIAGE_DUE_AT, passed));
            }
            engines.forEach(e -> executor(e).start());
            assertThat(allRan.await(90, TimeUnit.SECONDS)).as("every case file's timer ran").isTrue();
            // More acquisition cycles of both executors (they wait at most 0.5 s between them): a job that ran on
            // both would have committed twice by then.
            assertThat(new CountDownLatch(1).await(3, TimeUnit.SECONDS)).isFalse();
            var history = engines.get(0).getHistoryService();
            Map<String, Long> committed = new java.util.HashMap<>();
            history.createHistoricActivityInstanceQuery().activityId("ServiceTask_FlagTriageOverdue").finished().list()
                    .forEach(a -> committed.merge(a.getProcessInstanceId(), 1L, Long::sum));
            assertThat(committed).as("case files whose overdue flag committed (failed attempts: "
                    + history.createHistoricJobLogQuery().failureLog().count() + ")").hasSize(CASES);
            assertThat(committed.values()).as("commits per case file").containsOnly(1L);
            assertThat(engines.get(0).getManagementService().createJobQuery().count()).as("jobs left").isZero();
            assertThat(engines.get(0).getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();
            assertThat(byEngine.keySet()).as("engines that ran timers").containsExactlyInAnyOrder("node1", "node2");
            long calls = runs.values().stream().mapToLong(AtomicInteger::get).sum();
            long retried = history.createHistoricJobLogQuery().failureLog().count();
            assertThat(calls).as("delegate calls: one per case file, plus at most one per failed attempt (" + retried
                    + ")").isBetween((long) CASES, CASES + retried);
            Logger.getLogger(TwoEnginesOneDatabaseTest.class.getName()).info("Two engines, one database: " + CASES
                    + " due timers, each committed once; delegate calls " + calls + " (node1 " + byEngine.get("node1")
                    + ", node2 " + byEngine.get("node2") + "), failed attempts run again " + retried);
        } finally {
            engines.forEach(e -> executor(e).shutdown());
            engines.forEach(ProcessEngine::close);
        }
    }

    private static ProcessEngine engine(JdbcDataSource ds, String name, Map<Object, AtomicInteger> runs,
                                        Map<String, AtomicInteger> byEngine, CountDownLatch allRan) {
        Map<Object, Object> beans = new java.util.HashMap<>();
        beans.put("markTriageOverdueDelegate", (JavaDelegate) execution -> {
            byEngine.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            if (runs.computeIfAbsent(execution.getVariable(Var.CASE_FILE_ID), k -> new AtomicInteger())
                    .incrementAndGet() == 1) {
                allRan.countDown();
            }
        });
        beans.put("lastResortGateDelegate", (JavaDelegate) execution -> { });
        beans.put("grantDecisionListener", (TaskListener) task -> { });
        beans.put("escalationApprovalListener", (TaskListener) task -> { });
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setProcessEngineName(name);
        config.setDataSource(ds);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        config.setEnforceHistoryTimeToLive(true);
        config.setDbIdentityUsed(false);
        config.setMetricsEnabled(false);
        config.setBeans(beans);
        config.setJobExecutorActivate(false); // started once every case file waits at its due timer
        config.setJobExecutor(ProcessEngineBootstrap.jobExecutor()); // the application's executor settings
        return config.buildProcessEngine();
    }

    private static org.operaton.bpm.engine.impl.jobexecutor.JobExecutor executor(ProcessEngine engine) {
        return ((org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor();
    }
}
