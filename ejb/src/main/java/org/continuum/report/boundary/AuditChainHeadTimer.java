package org.continuum.report.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.continuum.platform.boundary.JobLeases;
import org.continuum.platform.control.PeriodicPass;
import org.continuum.platform.control.Roles;
import org.continuum.platform.control.Settings;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * Exports the audit chain's head on a schedule ({@link #INTERVAL_PROPERTY}, daily by default), the first time ten
 * minutes after the server starts (or sooner when the interval is shorter), so a server restarted often still exports.
 */
@Singleton
@Startup
@PermitAll
@RunAs(Roles.SYSTEM)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditChainHeadTimer {

    private static final Logger LOG = Logger.getLogger(AuditChainHeadTimer.class.getName());
    public static final String INTERVAL_PROPERTY = "continuum.audit.headExport.interval";
    private static final Duration FIRST_AFTER = Duration.ofMinutes(10);

    @Resource
    TimerService timers;

    @Inject
    AuditChainHeads heads;

    @Inject
    JobLeases leases;

    private final PeriodicPass pass = new PeriodicPass(LOG, "Audit chain head export");
    private JobLeases.Lease lease;

    @PostConstruct
    void schedule() {
        long interval = Settings.duration(INTERVAL_PROPERTY, Duration.ofDays(1)).toMillis();
        lease = new JobLeases.Lease(leases, "audit-chain-head", Duration.ofMillis(2 * interval));
        PeriodicPass.schedule(timers, "audit-chain-head", Math.min(interval, FIRST_AFTER.toMillis()), interval);
    }

    @Timeout
    void tick() {
        pass.runHolding(lease::acquire, heads::export);
    }
}
