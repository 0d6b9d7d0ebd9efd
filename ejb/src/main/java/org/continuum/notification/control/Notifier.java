package org.continuum.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.continuum.identity.entity.UserAccount;
import org.continuum.notification.entity.Notification;
import org.continuum.notification.entity.NotificationKind;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes notifications into the outbox in the caller's transaction: they exist if and only if the change that causes
 * them committed. One row per recipient and cause ({@code dedup key}), so a retried job or a repeated call adds
 * nothing. Recipients without an address, disabled, or who switched the kind off get none.
 */
@ApplicationScoped
public class Notifier {

    static final String DOMAIN_PROPERTY = "continuum.mail.domain";

    @PersistenceContext
    EntityManager em;

    /**
     * Returns how many notifications were queued. {@code caseFileId} and {@code caseReference} name the case the
     * notification is about ({@code null} for none: the link then goes to the dashboard); {@code cause} names the
     * event, e.g. {@code referral=12}. The outbox knows case files by id and reference only, so it sits below them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int notify(NotificationKind kind, Long caseFileId, String caseReference, Collection<UserAccount> recipients,
                      String cause) {
        Map<String, UserAccount> distinct = new LinkedHashMap<>();
        recipients.stream().filter(u -> u != null && u.isEnabled() && u.getEmail() != null)
                .filter(u -> kind.isMandatory() || !u.getNotificationsOff().contains(kind.name()))
                .forEach(u -> distinct.putIfAbsent(u.getUsername(), u));
        Instant now = Instant.now();
        int queued = 0;
        for (UserAccount user : distinct.values()) {
            String dedupKey = kind + ":" + cause + ":" + user.getUsername();
            boolean exists = !em.createQuery("select n.id from Notification n where n.dedupKey = :k", Long.class)
                    .setParameter("k", dedupKey).setMaxResults(1).getResultList().isEmpty();
            if (exists) {
                continue;
            }
            em.persist(new Notification(kind, user.getUsername(), caseFileId, caseReference, linkTo(caseFileId), dedupKey,
                    System.getProperty(DOMAIN_PROPERTY, "continuum.local"), now));
            queued++;
        }
        return queued;
    }

    private static String linkTo(Long caseFileId) {
        return caseFileId == null ? "/app/dashboard.xhtml" : "/app/case.xhtml?id=" + caseFileId;
    }
}
