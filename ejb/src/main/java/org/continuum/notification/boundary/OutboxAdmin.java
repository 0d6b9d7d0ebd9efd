package org.continuum.notification.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.identity.control.Caller;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.notification.entity.Notification;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.notification.entity.NotificationStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The administrators' view of the outbox: how many messages wait, are being sent or went out, which ones keep
 * failing and why, and a way to try a message again at once. It shows case references, never case content.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class OutboxAdmin {

    @Inject
    Caller currentCaller;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    public record Row(long id, String recipient, NotificationKind kind, String caseReference, NotificationStatus status,
                      int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError) {
    }

    /** {@code counts} by status name (pages look them up by name). */
    public record Overview(Map<String, Long> counts, long failing, List<Row> unsent, List<Row> recent) {
    }

    public Overview overview() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (NotificationStatus s : NotificationStatus.values()) {
            counts.put(s.name(), 0L);
        }
        em.createQuery("select n.status, count(n) from Notification n group by n.status", Object[].class)
                .getResultList().forEach(r -> counts.put(((NotificationStatus) r[0]).name(), (Long) r[1]));
        long failing = em.createQuery("select count(n) from Notification n where n.status <> :sent"
                + " and n.lastError is not null", Long.class).setParameter("sent", NotificationStatus.SENT)
                .getSingleResult();
        List<Row> unsent = rows("select n from Notification n where n.status <> :sent order by n.createdAt", false);
        List<Row> recent = rows("select n from Notification n where n.status = :sent order by n.sentAt desc", true);
        return new Overview(counts, failing, unsent, recent);
    }

    private List<Row> rows(String jpql, boolean sentOnly) {
        return em.createQuery(jpql, Notification.class).setParameter("sent", NotificationStatus.SENT)
                .setMaxResults(sentOnly ? 20 : 200).getResultList().stream()
                .map(n -> new Row(n.getId(), n.getRecipient(), n.getKind(), n.getCaseReference(), n.getStatus(),
                        n.getAttempts(), n.getCreatedAt(), n.getNextAttemptAt(), n.getSentAt(), n.getLastError()))
                .toList();
    }

    /** Asks for an attempt at once (e.g. after the mail server was fixed). */
    public void retry(long id) {
        Notification n = em.find(Notification.class, id);
        if (n == null) {
            throw new InvalidInput("outbox.unknown");
        }
        n.retryNow(Instant.now());
        audit.record(currentCaller.username(), AuditAction.OUTBOX_RETRIED, null, "notification=" + id);
    }
}
