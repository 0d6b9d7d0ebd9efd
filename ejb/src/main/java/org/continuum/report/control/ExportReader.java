package org.continuum.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.continuum.audit.entity.AuditEvent;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.Outcome;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.RelocationScope;
import org.continuum.casefile.entity.RequestType;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.casefile.entity.Urgency;
import org.continuum.reference.entity.Situation;
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

    /**
     * What the cases sheet shows of a case file, read as columns (no entity, so none of its other sealed fields is
     * opened); {@code destination} is still sealed as stored.
     */
    public record CaseRow(long id, String team, String country, Situation situation, String destination,
                          Instant createdAt, RequestType requestType, Urgency urgency, Channel channel, Phase phase,
                          RiskLevel riskLevel, Instant closedAt, Outcome outcome, RelocationScope relocationScope,
                          Instant arrivedAt, int checkInsDone) {
    }

    public List<CaseRow> caseRowsAfter(long after, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<CaseRow> rows = cb.createQuery(CaseRow.class);
        Root<CaseFile> c = rows.from(CaseFile.class);
        rows.select(cb.construct(CaseRow.class, c.get("id"), c.get("team").get("code"), c.get("country"),
                        c.get("situation"), c.get("relocation").get("destinationCountry"), c.get("createdAt"),
                        c.get("requestType"), c.get("urgency"), c.get("channel"), c.get("phase"), c.get("riskLevel"),
                        c.get("closure").get("closedAt"), c.get("closure").get("outcome"),
                        c.get("relocation").get("scope"), c.get("relocation").get("arrivedAt"),
                        c.get("exile").get("checkInsDone")))
                .where(cb.greaterThan(c.get("id"), after)).orderBy(cb.asc(c.get("id")));
        return em.createQuery(rows).setMaxResults(max).getResultList();
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
