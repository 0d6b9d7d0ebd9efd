package org.continuum.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.audit.entity.AuditEvent;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.grant.entity.EmergencyGrant;

import java.time.Instant;
import java.util.List;

/**
 * The queries of the auditors' exports, by keyset pages (ids after the last one read), so an export of any size
 * reads a page at a time; {@link #forget()} after each page keeps memory flat.
 */
@ApplicationScoped
public class ExportReader {

    @PersistenceContext
    EntityManager em;

    public List<CaseFile> caseFilesAfter(long after, int max) {
        return em.createQuery("select c from CaseFile c join fetch c.team where c.id > :after order by c.id",
                CaseFile.class).setParameter("after", after).setMaxResults(max).getResultList();
    }

    public List<EmergencyGrant> grantsAfter(long after, int max) {
        return em.createQuery("select g from EmergencyGrant g join fetch g.fund where g.id > :after order by g.id",
                EmergencyGrant.class).setParameter("after", after).setMaxResults(max).getResultList();
    }

    /** Audit rows of the period [start, end). */
    public List<AuditEvent> auditAfter(long after, Instant start, Instant end, int max) {
        return em.createQuery("select a from AuditEvent a where a.id > :after"
                        + " and a.occurredAt >= :start and a.occurredAt < :end order by a.id", AuditEvent.class)
                .setParameter("after", after).setParameter("start", start).setParameter("end", end)
                .setMaxResults(max).getResultList();
    }

    /** Detaches what the last page loaded (the export only reads). */
    public void forget() {
        em.clear();
    }
}
