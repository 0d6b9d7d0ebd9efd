package org.continuum.retention.boundary;

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
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Applies the retention rules daily ({@link #INTERVAL_PROPERTY}), the first time {@link #FIRST_AFTER_PROPERTY} after
 * the server starts (fifteen minutes by default, or sooner when the interval is shorter). The log gets the counts only.
 */
@Singleton
@Startup
@PermitAll
@RunAs(Roles.SYSTEM)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionTimer {

    private static final Logger LOG = Logger.getLogger(RetentionTimer.class.getName());
    public static final String INTERVAL_PROPERTY = "continuum.retention.interval";
    /** The first pass after a start (15 minutes by default); the integration tests move it out of their way. */
    public static final String FIRST_AFTER_PROPERTY = "continuum.retention.firstAfter";

    @Resource
    TimerService timers;

    @Inject
    RetentionService retention;

    @Inject
    JobLeases leases;

    private final PeriodicPass pass = new PeriodicPass(LOG, "Retention pass");
    private JobLeases.Lease lease;

    @PostConstruct
    void schedule() {
        long interval = Settings.duration(INTERVAL_PROPERTY, Duration.ofDays(1)).toMillis();
        long first = Settings.duration(FIRST_AFTER_PROPERTY, Duration.ofMinutes(15)).toMillis();
        lease = new JobLeases.Lease(leases, "retention", Duration.ofMillis(2 * interval));
        PeriodicPass.schedule(timers, "retention", Math.min(interval, first), interval);
    }

    @Timeout
    void tick() {
        pass.runHolding(lease::acquire, () -> {
            RetentionService.Applied applied = retention.applyRules(Instant.now());
            if (applied.failed() > 0) {
                LOG.warning(() -> "Retention pass: " + applied.failed() + " erasures failed (audited); "
                        + applied.casesErased() + " case files and " + applied.draftsErased() + " drafts erased");
            } else if (applied.casesErased() + applied.draftsErased() > 0) {
                LOG.info(() -> "Retention pass: " + applied.casesErased() + " case files and "
                        + applied.draftsErased() + " drafts erased, " + applied.keptByHold() + " held, "
                        + applied.keptByGrace() + " kept by the grace period");
            }
        });
    }
}
