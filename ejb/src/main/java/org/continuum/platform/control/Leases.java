package org.continuum.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.util.List;

/**
 * The job leases (V44), as a collection: the one home of their statements. Each is one conditional statement on the
 * database's clock, so the servers' clocks do not matter and of two servers asking at once the database lets one
 * update the row while the other finds it taken.
 */
@ApplicationScoped
public class Leases {

    @PersistenceContext
    EntityManager em;

    /** Renews the lease if {@code holder} has it, takes it if it is free or expired; whether it holds it now. */
    public boolean acquire(String job, String holder, Duration length) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a lease lasts a positive time");
        }
        return em.createNativeQuery("update job_lease set"
                        + " taken_at = case when holder = ?1 then taken_at else current_timestamp end,"
                        + " holder = ?1,"
                        + " expires_at = current_timestamp + cast(?2 as double precision) * interval '1' second"
                        + " where name = ?3 and (holder = ?1 or holder is null or expires_at < current_timestamp)")
                .setParameter(1, holder).setParameter(2, length.toMillis() / 1000.0).setParameter(3, job)
                .executeUpdate() == 1;
    }

    /** Gives the lease back if {@code holder} has it. */
    public void release(String job, String holder) {
        em.createNativeQuery("update job_lease set holder = null, expires_at = null where name = ?1 and holder = ?2")
                .setParameter(1, job).setParameter(2, holder).executeUpdate();
    }

    /** Who holds the lease now, or null (an expired lease is nobody's). */
    public String holder(String job) {
        List<?> rows = em.createNativeQuery("select holder from job_lease where name = ?1"
                + " and expires_at >= current_timestamp").setParameter(1, job).getResultList();
        return rows.isEmpty() ? null : String.valueOf(rows.get(0));
    }
}
