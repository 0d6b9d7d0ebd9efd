package org.continuum.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.continuum.notification.entity.Notification;
import org.continuum.notification.entity.NotificationStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All queued notifications, as a collection: the one home of their queries. {@link Notifier} adds to it; the worker
 * claims from it (row locks, so two workers never take the same message); administrators read its state.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext
    EntityManager em;

    /**
     * Ids of messages due now, and of claims left behind by a worker that stopped, oldest first. Two range reads, one
     * per state, each in the order of its index (V31), merged here: asked as one query with an OR, H2 read and sorted
     * the whole table every few seconds. Each range starts at a lower bound (H2 keeps empty dates first).
     */
    public List<Long> due(Instant now, int max) {
        List<Object[]> found = new ArrayList<>(em.createQuery("select n.id, n.nextAttemptAt from Notification n"
                        + " where n.status = :pending and n.nextAttemptAt between :epoch and :now"
                        + " order by n.status, n.nextAttemptAt, n.id", Object[].class)
                .setParameter("pending", NotificationStatus.PENDING).setParameter("epoch", Instant.EPOCH)
                .setParameter("now", now).setMaxResults(max).getResultList());
        found.addAll(em.createQuery("select n.id, n.nextAttemptAt from Notification n"
                        + " where n.status = :sending and n.claimedAt between :epoch and :stale"
                        + " order by n.status, n.claimedAt, n.id", Object[].class)
                .setParameter("sending", NotificationStatus.SENDING).setParameter("epoch", Instant.EPOCH)
                .setParameter("stale", now.minus(Notification.STALE_CLAIM)).setMaxResults(max).getResultList());
        return found.stream()
                .sorted(Comparator.comparing((Object[] row) -> (Instant) row[1]).thenComparing(row -> (Long) row[0]))
                .limit(max).map(row -> (Long) row[0]).toList();
    }

    /** The message with its row locked until the transaction ends. */
    public Optional<Notification> lock(long id) {
        return Optional.ofNullable(em.find(Notification.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The messages among {@code ids}, their rows locked until the transaction ends, in id order. */
    public List<Notification> lock(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select n from Notification n where n.id in :ids order by n.id", Notification.class)
                .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    public Optional<Notification> find(long id) {
        return Optional.ofNullable(em.find(Notification.class, id));
    }

    /** How many messages are in each state (every state present, zero when none). */
    public Map<NotificationStatus, Long> countByStatus() {
        Map<NotificationStatus, Long> counts = new EnumMap<>(NotificationStatus.class);
        for (NotificationStatus s : NotificationStatus.values()) {
            counts.put(s, 0L);
        }
        em.createQuery("select n.status, count(n) from Notification n group by n.status", Object[].class)
                .getResultList().forEach(r -> counts.put((NotificationStatus) r[0], (Long) r[1]));
        return counts;
    }

    /** Unsent messages whose last attempt failed. */
    public long countFailing() {
        return em.createQuery("select count(n) from Notification n where n.status <> :sent"
                + " and n.lastError is not null", Long.class).setParameter("sent", NotificationStatus.SENT)
                .getSingleResult();
    }

    /**
     * Messages not sent yet, newest first: when the mail server has been down for a while, the page shows what just
     * happened (the counts by status give the total), not only the oldest messages stuck at its head.
     */
    public List<Notification> unsent(int max) {
        return em.createQuery("select n from Notification n where n.status <> :sent order by n.createdAt desc, n.id desc",
                Notification.class).setParameter("sent", NotificationStatus.SENT).setMaxResults(max).getResultList();
    }

    /** The last messages sent, newest first. */
    public List<Notification> recentlySent(int max) {
        return em.createQuery("select n from Notification n where n.status = :sent order by n.sentAt desc",
                Notification.class).setParameter("sent", NotificationStatus.SENT).setMaxResults(max).getResultList();
    }
}
