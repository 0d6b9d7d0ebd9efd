package org.continuum.referral.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.UserAccount;
import org.continuum.referral.entity.Referral;
import org.continuum.referral.entity.ReferralStatus;

import java.time.Instant;
import java.util.ArrayList;
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
        StringBuilder jpql = new StringBuilder("select r.id, r.caseFileId, c.reference, r.partnerId, r.answerDueAt"
                + " from Referral r, CaseFile c "
                + "where c.id = r.caseFileId and r.status = :sent and r.answerDueAt < :now and (");
        List<String> scopes = new ArrayList<>();
        if ((reader.hasRole(Role.CASEWORKER) || reader.hasRole(Role.COORDINATOR)) && reader.getTeam() != null) {
            scopes.add("c.team = :team");
        }
        if (reader.hasRole(Role.SECURITY_MENTOR)) {
            scopes.add("c.assignedMentor = :me");
        }
        if (scopes.isEmpty()) {
            return List.of();
        }
        jpql.append(String.join(" or ", scopes)).append(") order by r.answerDueAt");
        var query = em.createQuery(jpql.toString(), Object[].class)
                .setParameter("sent", ReferralStatus.SENT).setParameter("now", now).setMaxResults(max);
        if (jpql.indexOf(":team") > 0) {
            query.setParameter("team", reader.getTeam());
        }
        if (jpql.indexOf(":me") > 0) {
            query.setParameter("me", reader);
        }
        return query.getResultList().stream().map(row -> new Overdue((Long) row[0], (Long) row[1], (String) row[2],
                (Long) row[3], (Instant) row[4])).toList();
    }
}
