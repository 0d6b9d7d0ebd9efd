package org.continuum.casefile.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.casefile.entity.Consent;
import org.continuum.casefile.entity.ConsentPurpose;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every consent a person gave or refused (per purpose, partner and channel), as a collection: the one home of their
 * queries. Consents are never changed: a new choice is a new row, and the latest one is in force.
 */
@ApplicationScoped
public class Consents {

    @PersistenceContext
    EntityManager em;

    public void add(Consent consent) {
        em.persist(consent);
    }

    /** Every consent recorded on a case file, oldest first. */
    public List<Consent> ofCase(long caseFileId) {
        return em.createQuery("select c from Consent c where c.caseFileId = :id order by c.recordedAt, c.id",
                Consent.class).setParameter("id", caseFileId).getResultList();
    }

    /** The latest sharing consent per partner id: the one in force. */
    public Map<Long, Consent> sharingInForce(long caseFileId) {
        Map<Long, Consent> latest = new HashMap<>();
        em.createQuery("select c from Consent c where c.caseFileId = :id and c.purpose = :purpose"
                        + " order by c.recordedAt, c.id", Consent.class)
                .setParameter("id", caseFileId).setParameter("purpose", ConsentPurpose.SHARE_WITH_PARTNER)
                .getResultList().forEach(c -> latest.put(c.getPartnerId(), c));
        return latest;
    }
}
