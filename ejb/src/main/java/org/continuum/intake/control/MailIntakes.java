package org.continuum.intake.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Phase;
import org.continuum.identity.entity.Team;
import org.continuum.intake.entity.MailAttachment;
import org.continuum.intake.entity.MailIntake;
import org.continuum.intake.entity.RequestMessage;
import org.continuum.security.control.FieldCipher;

import java.util.List;
import java.util.Optional;

/**
 * All messages taken in from the intake mailbox, with their attachments, as a collection: the one home of their
 * queries. Reading one for a person goes through the boundary's team check.
 */
@ApplicationScoped
public class MailIntakes {

    @PersistenceContext
    EntityManager em;

    /** The status of the message already taken in with this digest, if any. */
    public Optional<MailIntake.Status> statusOf(String digest) {
        return em.createQuery("select m.status from MailIntake m where m.digest = :d", MailIntake.Status.class)
                .setParameter("d", digest).setMaxResults(1).getResultStream().findFirst();
    }

    /** A new message with its attachments. */
    public void add(MailIntake mail, List<MailParser.Attachment> attachments) {
        em.persist(mail);
        for (MailParser.Attachment a : attachments) {
            em.persist(new MailAttachment(mail.getId(), a.fileName(), a.contentType(), a.content()));
        }
    }

    public Optional<MailIntake> find(long id, boolean lock) {
        return Optional.ofNullable(lock ? em.find(MailIntake.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(MailIntake.class, id));
    }

    /** Drafts and quarantined messages of a team, newest first. */
    public List<MailIntake> openOf(Team team, int max) {
        return em.createQuery("select m from MailIntake m where m.team = :t and m.status in :open"
                        + " order by m.receivedAt desc", MailIntake.class)
                .setParameter("t", team)
                .setParameter("open", List.of(MailIntake.Status.DRAFT, MailIntake.Status.QUARANTINED))
                .setMaxResults(max).getResultList();
    }

    public List<MailAttachment> attachmentsOf(long mailId) {
        return em.createQuery("select a from MailAttachment a where a.mailIntakeId = :m", MailAttachment.class)
                .setParameter("m", mailId).getResultList();
    }

    /** The team's case file that the latest earlier message of this sender (by blind index) joined. */
    public Optional<CaseFile> caseOfSender(List<String> senderIndexes, Team team) {
        return em.createQuery("select c from MailIntake m, CaseFile c where m.senderIndex in :s"
                        + " and c.id = m.caseFileId and c.team = :t order by m.receivedAt desc", CaseFile.class)
                .setParameter("s", senderIndexes).setParameter("t", team).setMaxResults(1).getResultStream()
                .findFirst();
    }

    /** The web request whose receipt code has one of these keyed indexes (one per index key). */
    public Optional<MailIntake> byReceipt(List<String> receiptIndexes) {
        return em.createQuery("select m from MailIntake m where m.receiptIndex in :r", MailIntake.class)
                .setParameter("r", receiptIndexes).setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * The receipt code of {@code request}, just checked, indexed under the current index key when an older one had
     * computed its index (an index rotation cannot do it without the code).
     */
    public void receiptIndexed(MailIntake request, FieldCipher.Index current) {
        if (request.getReceiptIndex() != null && !current.value().equals(request.getReceiptIndex())) {
            em.createNativeQuery("UPDATE mail_intake SET receipt_index = ?1, receipt_index_key = ?2 WHERE id = ?3"
                            + " AND receipt_index = ?4").setParameter(1, current.value()).setParameter(2, current.key())
                    .setParameter(3, request.getId()).setParameter(4, request.getReceiptIndex()).executeUpdate();
        }
    }

    /** Whether the case file a request became is closed. */
    public boolean caseClosed(long caseFileId) {
        return em.createQuery("select c.phase from CaseFile c where c.id = :id", Phase.class)
                .setParameter("id", caseFileId).getResultStream().findFirst().map(p -> p == Phase.CLOSED)
                .orElse(true);
    }

    /** The request sent through the public form that became this case file, if it came that way. */
    public Optional<MailIntake> webRequestOf(long caseFileId) {
        return em.createQuery("select m from MailIntake m where m.caseFileId = :c and m.channel = :web"
                        + " order by m.receivedAt desc", MailIntake.class)
                .setParameter("c", caseFileId).setParameter("web", MailIntake.Channel.WEB_FORM)
                .setMaxResults(1).getResultStream().findFirst();
    }

    public void add(RequestMessage message) {
        em.persist(message);
    }

    /** The messages of a request, oldest first. */
    public List<RequestMessage> messagesOf(long requestId) {
        return em.createQuery("select m from RequestMessage m where m.requestId = :r order by m.sentAt, m.id",
                RequestMessage.class).setParameter("r", requestId).getResultList();
    }
}
