package org.continuum.notification.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.identity.control.Caller;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.notification.control.Outbox;
import org.continuum.notification.entity.Notification;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.notification.entity.NotificationStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
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

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    public record Row(long id, String recipient, NotificationKind kind, String caseReference, NotificationStatus status,
                      int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError) implements Serializable {
    }

    /** {@code counts} by status name (pages look them up by name). */
    public record Overview(Map<String, Long> counts, long failing, List<Row> unsent, List<Row> recent) implements Serializable {
    }

    public Overview overview() {
        Map<String, Long> counts = new LinkedHashMap<>();
        outbox.countByStatus().forEach((status, count) -> counts.put(status.name(), count));
        return new Overview(counts, outbox.countFailing(), rows(outbox.unsent(200)), rows(outbox.recentlySent(20)));
    }

    private static List<Row> rows(List<Notification> notifications) {
        return notifications.stream()
                .map(n -> new Row(n.getId(), n.getRecipient(), n.getKind(), n.getCaseReference(), n.getStatus(),
                        n.getAttempts(), n.getCreatedAt(), n.getNextAttemptAt(), n.getSentAt(), n.getLastError()))
                .toList();
    }

    /** Asks for an attempt at once (e.g. after the mail server was fixed). */
    public void retry(long id) {
        Notification n = outbox.find(id).orElseThrow(() -> new InvalidInput("outbox.unknown"));
        n.retryNow(Instant.now());
        audit.record(currentCaller.username(), AuditAction.OUTBOX_RETRIED, null, "notification=" + id);
    }
}
