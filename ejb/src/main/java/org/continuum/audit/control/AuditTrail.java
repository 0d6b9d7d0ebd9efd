package org.continuum.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditEvent;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.security.control.FieldCipher;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Writes audit events. Details are stored with references and row ids replaced by opaque codes
 * ({@link AuditDetails}): the trail says what was done to which case file (its own column), never a key that
 * joins it to another table or an export. Successful changes are recorded in the caller's transaction, so the
 * event and the change commit or roll back together. Denials and failures are recorded in a transaction of their own: the business
 * transaction that follows them rolls back, and the record of the attempt must survive it.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    @Inject
    AuditChain chain;

    @Inject
    FieldCipher cipher;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, AuditAction action, Long caseFileId, String detail) {
        append(new AuditEvent(now(), actor, action, caseFileId, AuditOutcome.SUCCESS, AuditDetails.stored(detail, cipher::blindIndex)));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordIndependently(String actor, AuditAction action, Long caseFileId, AuditOutcome outcome,
                                    String detail) {
        append(new AuditEvent(now(), actor, action, caseFileId, outcome, AuditDetails.stored(detail, cipher::blindIndex)));
    }

    /** Inserted at once (identity key), sealed into the chain when the transaction commits. */
    private void append(AuditEvent event) {
        em.persist(event);
        chain.sealAtCommit(event);
    }

    private Instant now() {
        return AuditChain.stored(Instant.now(clock));
    }

    /** The latest rows, newest first (at most 500). */
    public List<AuditEvent> latest(int max) {
        return em.createQuery("select a from AuditEvent a order by a.id desc", AuditEvent.class)
                .setMaxResults(Math.min(Math.max(max, 1), 500))
                .getResultList();
    }

    /** The successful rows of one action by one actor on one case file, oldest first (at most {@code max}). */
    public List<AuditEvent> of(AuditAction action, String actor, long caseFileId, int max) {
        return em.createQuery("select a from AuditEvent a where a.action = :a and a.actor = :u and a.caseFileId = :c"
                        + " and a.outcome = :ok order by a.id", AuditEvent.class)
                .setParameter("a", action).setParameter("u", actor).setParameter("c", caseFileId)
                .setParameter("ok", AuditOutcome.SUCCESS).setMaxResults(max).getResultList();
    }
}
