package org.continuum.workflow.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import org.continuum.platform.control.DatabaseMigration;
import org.continuum.platform.control.EmbeddedDatabaseGuard;
import org.continuum.security.control.KeyGuard;
import org.continuum.platform.control.Roles;
import org.continuum.seed.control.DataGenerator;
import org.continuum.seed.control.SeedLoader;
import org.continuum.workflow.casefile.EscalationApprovalListener;
import org.continuum.workflow.grant.GrantDecisionListener;
import org.continuum.workflow.referral.FlagReferralOverdueDelegate;
import org.continuum.workflow.route.RemindRouteDelegate;
import org.continuum.workflow.grant.GrantReportOverdueDelegate;
import org.continuum.workflow.casefile.LastResortGateDelegate;
import org.continuum.workflow.casefile.MarkTriageOverdueDelegate;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.operaton.bpm.engine.impl.persistence.StrongUuidGenerator;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Starts the application in order: schema migration (ours and the engine's), the embedded engine joined to the
 * container's JTA transactions with its job executor running, the process deployment, then the seed data. Operaton's
 * CDI and EJB integration modules are not on Maven Central (STACK.md pitfall 6), so the engine is built here by
 * hand; its REST API and web applications are deliberately not shipped.
 */
@Singleton
@Startup
@RunAs(Roles.SYSTEM)
@TransactionManagement(TransactionManagementType.BEAN)
public class ProcessEngineBootstrap {

    public static final String ENGINE_NAME = "continuum";
    private static final Logger LOG = Logger.getLogger(ProcessEngineBootstrap.class.getName());
    private static final String[] PROCESSES = {"bpmn/casefile.bpmn", "bpmn/emergency-grant.bpmn",
            "bpmn/referral.bpmn", "bpmn/route-application.bpmn"};

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    @Resource(lookup = "java:jboss/TransactionManager")
    TransactionManager transactionManager;

    @Inject
    DatabaseMigration migration;

    @Inject
    EngineChanges engineChanges;

    @Inject
    KeyGuard keys;

    @Inject
    SeedLoader seeds;

    @Inject
    DataGenerator generator;

    @Inject
    EngineHolder holder;

    @Inject
    MarkTriageOverdueDelegate markTriageOverdueDelegate;

    @Inject
    LastResortGateDelegate lastResortGateDelegate;

    @Inject
    EscalationApprovalListener escalationApprovalListener;

    @Inject
    GrantDecisionListener grantDecisionListener;

    @Inject
    GrantReportOverdueDelegate grantReportOverdueDelegate;

    @Inject
    FlagReferralOverdueDelegate flagReferralOverdueDelegate;

    @Inject
    RemindRouteDelegate remindRouteDelegate;

    @Inject
    EmbeddedDatabaseGuard embedded;

    private ProcessEngine engine;

    @PostConstruct
    void start() {
        long started = System.nanoTime();
        // Lost or foreign keys stop the start before anything is read or sealed with them.
        keys.refuseLostOrForeignKeys();
        // A production server on the embedded database stops here unless its operator acknowledged what H2 cannot do.
        embedded.refuseUnacknowledgedH2();
        migration.migrate();
        keys.remember();
        // Before the engine and its job threads start, so that a refused start stops cleanly and at once.
        seeds.refuseUnsafeAccounts();
        engine = configuration().buildProcessEngine();
        holder.set(engine);
        try {
            deployProcesses();
            seeds.load();
            generator.startIfAsked();
        } catch (RuntimeException failed) {
            engine.close();
            throw failed;
        }
        LOG.info(() -> "Workflow engine started in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private ProcessEngineConfiguration configuration() {
        JakartaTransactionProcessEngineConfiguration config = new JakartaTransactionProcessEngineConfiguration();
        config.setProcessEngineName(ENGINE_NAME);
        config.setDataSource(dataSource);
        config.setTransactionManager(transactionManager);
        config.setTransactionsExternallyManaged(true);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        config.setIdGenerator(new StrongUuidGenerator());
        config.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
        config.setEnableDefaultDbHistoryEventHandler(true);
        config.setCustomHistoryEventHandlers(List.of(engineChanges)); // told of every change the engine makes
        config.setDbIdentityUsed(false);
        config.setAuthorizationEnabled(false);
        config.setMetricsEnabled(false);
        config.setTaskMetricsEnabled(false);
        config.setJobExecutorActivate(true);
        config.setEnforceHistoryTimeToLive(true);
        config.setBeans(delegates());
        config.setClassLoader(ProcessEngineBootstrap.class.getClassLoader());
        config.setJobExecutor(jobExecutor());
        return config;
    }

    /**
     * The engine's own job executor (STACK.md pitfall 7: without one, timers never fire). An idle executor backs off
     * to {@code continuum.jobs.maxWaitMillis} (default 5 s) between acquisitions, so a due timer fires within
     * seconds, not the engine's default minute.
     */
    static DefaultJobExecutor jobExecutor() {
        DefaultJobExecutor executor = new DefaultJobExecutor();
        executor.setMaxWait(Long.getLong("continuum.jobs.maxWaitMillis", 5_000L));
        executor.setWaitTimeInMillis((int) Math.min(executor.getMaxWait(), 2_000L));
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(4);
        return executor;
    }

    /** The only beans that process expressions may resolve: the thin delegates, by name. */
    Map<Object, Object> delegates() {
        Map<Object, Object> beans = new HashMap<>();
        beans.put("markTriageOverdueDelegate", markTriageOverdueDelegate);
        beans.put("lastResortGateDelegate", lastResortGateDelegate);
        beans.put("escalationApprovalListener", escalationApprovalListener);
        beans.put("grantDecisionListener", grantDecisionListener);
        beans.put("grantReportOverdueDelegate", grantReportOverdueDelegate);
        beans.put("flagReferralOverdueDelegate", flagReferralOverdueDelegate);
        beans.put("remindRouteDelegate", remindRouteDelegate);
        return beans;
    }

    private void deployProcesses() {
        var deployment = engine.getRepositoryService().createDeployment()
                .name("continuum-processes")
                .enableDuplicateFiltering(true);
        for (String resource : PROCESSES) {
            try (InputStream in = ProcessEngineBootstrap.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Process file missing from the build: " + resource);
                }
                deployment.addString(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + resource, e);
            }
        }
        deployment.deploy();
    }

    @PreDestroy
    void stop() {
        if (engine != null) {
            engine.close();
            LOG.info("Workflow engine stopped");
        }
    }
}
