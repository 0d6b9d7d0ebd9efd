package org.continuum.protection.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.protection.entity.SafetyPlan;

import java.util.Optional;

/** The digital-safety plans, one per case file, as a collection. */
@ApplicationScoped
public class SafetyPlans {

    @PersistenceContext
    EntityManager em;

    public Optional<SafetyPlan> ofCase(long caseFileId) {
        return em.createQuery("select p from SafetyPlan p where p.caseFileId = :id", SafetyPlan.class)
                .setParameter("id", caseFileId).getResultStream().findFirst();
    }

    /** A new plan; the identity column inserts at once, so the plan must be complete first. */
    public void add(SafetyPlan plan) {
        em.persist(plan);
    }
}
