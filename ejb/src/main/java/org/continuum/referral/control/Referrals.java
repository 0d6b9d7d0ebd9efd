package org.continuum.referral.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.continuum.casefile.control.CaseFiles;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.identity.entity.UserAccount;
import org.continuum.referral.entity.Referral;
import org.continuum.referral.entity.ReferralStatus;
import org.continuum.security.control.SealedRecord;
import org.continuum.security.control.SealedValues;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * All referrals, and the sharing consents they rest on, as a collection: the one home of their queries. Lists are
 * restricted to what the reader may see in the query itself (their team's case files, or those assigned to them).
 */
@ApplicationScoped
public class Referrals {

    @PersistenceContext
    EntityManager em;

    @Inject
    SealedValues sealed;

    public Optional<Referral> find(long referralId) {
        return Optional.ofNullable(em.find(Referral.class, referralId));
    }

    /** The referral, locked until the transaction ends: answers and outcomes are recorded one at a time. */
    public Optional<Referral> locked(long referralId) {
        return Optional.ofNullable(em.find(Referral.class, referralId, LockModeType.PESSIMISTIC_WRITE));
    }

    public void add(Referral referral) {
        em.persist(referral);
        em.flush();
    }

    public List<Referral> ofCase(long caseFileId) {
        return em.createQuery("select r from Referral r where r.caseFileId = :id order by r.sentAt desc, r.id desc",
                Referral.class).setParameter("id", caseFileId).getResultList();
    }

    /**
     * A sent referral waiting past its due date, with the reference of its case file: plain columns, since the
     * dashboard shows nothing sealed (no message or answer is read or decrypted for it).
     */
    public record Overdue(long referralId, long caseFileId, String caseReference, Long partnerId, Instant answerDueAt) {
    }

    /** Referrals of the reader's case files still waiting for an answer after their due date, oldest first. */
    public List<Overdue> overdue(UserAccount reader, Instant now, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> rows = cb.createQuery(Object[].class);
        Root<Referral> r = rows.from(Referral.class);
        Root<CaseFile> c = rows.from(CaseFile.class);
        rows.multiselect(r.get("id"), r.get("caseFileId"), c.get("reference"), r.get("partnerId"),
                        r.get("answerDueAt"))
                .where(cb.equal(c.get("id"), r.get("caseFileId")), cb.equal(r.get("status"), ReferralStatus.SENT),
                        cb.lessThan(r.get("answerDueAt"), now), CaseFiles.visibleTo(cb, c, reader))
                // The status is one value here; naming it first lets H2 walk its (status, due, id) index in order.
                .orderBy(cb.asc(r.get("status")), cb.asc(r.get("answerDueAt")), cb.asc(r.get("id")));
        // The partner link is sealed and bound to its referral: it is opened here, where its row is known.
        return em.createQuery(rows).setMaxResults(max).getResultList().stream().map(row -> new Overdue((Long) row[0],
                (Long) row[1], (String) row[2], SealedRecord.number(sealed.open("referral", "partner_enc", row[0],
                (String) row[3])), (Instant) row[4])).toList();
    }
}
