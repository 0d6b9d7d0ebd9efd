package org.continuum.protection.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.protection.entity.Escalation;
import org.continuum.protection.entity.EscalationStatus;
import org.continuum.protection.entity.ProtectionMeasure;
import org.continuum.reference.entity.MeasureType;

import java.util.List;
import java.util.Optional;

/** Reads a case file's protection plan and escalations. */
@ApplicationScoped
public class Measures {

    @PersistenceContext
    EntityManager em;

    public void add(ProtectionMeasure measure) {
        em.persist(measure);
    }

    public void addEscalation(Escalation escalation) {
        em.persist(escalation);
    }

    public List<ProtectionMeasure> of(long caseFileId) {
        return em.createQuery("select m from ProtectionMeasure m where m.caseFileId = :c"
                        + " order by m.type.continuumStep, m.type.position, m.id", ProtectionMeasure.class)
                .setParameter("c", caseFileId).getResultList();
    }

    public Optional<MeasureType> type(String code) {
        return em.createQuery("select t from MeasureType t where t.code = :c", MeasureType.class)
                .setParameter("c", code).getResultStream().findFirst();
    }

    public Optional<Escalation> pendingEscalation(long caseFileId) {
        return escalations(caseFileId).stream().filter(e -> e.getStatus() == EscalationStatus.PROPOSED).findFirst();
    }

    public List<Escalation> escalations(long caseFileId) {
        return em.createQuery("select e from Escalation e where e.caseFileId = :c order by e.proposedAt desc, e.id desc",
                Escalation.class).setParameter("c", caseFileId).getResultList();
    }
}
