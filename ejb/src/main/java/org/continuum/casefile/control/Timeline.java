package org.continuum.casefile.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.continuum.casefile.entity.CaseEvent;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;

import java.time.Instant;
import java.util.List;

/** Writes and reads a case file's timeline, in the caller's transaction (the entry commits with the change). */
@ApplicationScoped
public class Timeline {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public CaseEvent record(CaseFile caseFile, String actor, CaseEventKind kind, String summary, String note) {
        return recordAt(caseFile, Instant.now(), actor, kind, summary, note);
    }

    /** An entry dated {@code at}: the data generator writes a case's past as it would have been written then. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseEvent recordAt(CaseFile caseFile, Instant at, String actor, CaseEventKind kind, String summary,
                              String note) {
        CaseEvent event = new CaseEvent(caseFile.getId(), at, actor, kind, caseFile.getPhase(), summary, note);
        em.persist(event);
        return event;
    }

    public List<CaseEvent> of(long caseFileId) {
        return em.createQuery("select e from CaseEvent e where e.caseFileId = :c order by e.occurredAt, e.id",
                CaseEvent.class).setParameter("c", caseFileId).getResultList();
    }
}
