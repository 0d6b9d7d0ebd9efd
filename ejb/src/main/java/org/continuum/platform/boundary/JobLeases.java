package org.continuum.platform.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.continuum.platform.control.Leases;
import org.continuum.platform.control.Roles;
import org.continuum.platform.control.ServerNode;

import java.time.Duration;

/**
 * Leases for the jobs that must run on one server at a time when several share the database (V44): a job's timer
 * ticks on every server, and a tick runs the job only where {@link #acquire} says so. The holder renews its lease at
 * each tick; another server takes it when it has expired (its holder died or stopped ticking) or was given back
 * ({@link #release}). The statements are {@link Leases}'.
 */
@Stateless
@RolesAllowed(Roles.SYSTEM)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobLeases {

    @Inject
    Leases leases;

    /**
     * One job's lease as this server ({@link ServerNode#ID}) asks for it: built by a timer around the injected
     * {@code JobLeases} (its container proxy, so each call runs in its own transaction), lasting {@code length} from
     * each renewal: twice the job's period, so the holder keeps it from tick to tick and another server takes over
     * within two periods of its last renewal. A stopping server does not give its leases back: WildFly does not run a
     * singleton's {@code @PreDestroy} under its run-as role, so the call was refused (and logged as an error) at every
     * stop; the same server takes them back at once when it starts again under its name.
     */
    public record Lease(JobLeases store, String job, Duration length) {

        public boolean acquire() {
            return store.acquire(job, ServerNode.ID, length);
        }
    }

    /**
     * Whether {@code holder} holds the lease of {@code job} for the next {@code length} (renewed if it held it
     * already, taken if it was free or expired); false while another holder's lease runs, or for a job without a
     * lease row.
     */
    public boolean acquire(String job, String holder, Duration length) {
        return leases.acquire(job, holder, length);
    }

    /**
     * Gives the lease back if {@code holder} has it, so another server takes the job at its next tick. No page or
     * command calls it yet (a stopping server leaves its leases to expire); the tests use it.
     */
    public void release(String job, String holder) {
        leases.release(job, holder);
    }

    /** Who holds the lease of {@code job} now, or null when nobody does (an expired lease counts as nobody's). */
    public String holder(String job) {
        return leases.holder(job);
    }
}
