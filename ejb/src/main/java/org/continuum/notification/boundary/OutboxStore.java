package org.continuum.notification.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.continuum.identity.control.Staff;
import org.continuum.platform.control.Roles;
import org.continuum.identity.entity.UserAccount;
import org.continuum.notification.control.Outbox;
import org.continuum.notification.entity.Notification;
import org.continuum.notification.entity.NotificationKind;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox's state changes for the worker, each in a transaction of its own: claim a due message (row locked, so
 * two workers never take the same one), then record that the mail server accepted it or that the attempt failed.
 */
@Stateless
@RolesAllowed(Roles.SYSTEM)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    /** Capped so that every message goes out within about a minute of the mail server coming back (R5). */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    @Inject
    Outbox outbox;

    @Inject
    Staff staff;

    /** What the worker needs to send one message; the address is the staff member's, never a requester's. */
    public record Outgoing(long id, String messageId, String to, String language, NotificationKind kind,
                           String caseReference, String link) {
        @Override
        public String toString() {
            return "Outgoing[" + id + "," + kind + "]";
        }
    }

    public List<Long> due(int max) {
        return outbox.due(Instant.now(), max);
    }

    /** Takes the message for one attempt, or nothing when another worker has it or it went out meanwhile. */
    public Optional<Outgoing> claim(long id) {
        Notification n = outbox.lock(id).orElse(null);
        Instant now = Instant.now();
        if (n == null || !n.isDue(now)) {
            return Optional.empty();
        }
        n.claim(now);
        Optional<UserAccount> user = staff.byUsername(n.getRecipient()).filter(UserAccount::isEnabled)
                .filter(u -> u.getEmail() != null);
        if (user.isEmpty()) {
            // Nobody to write to any more (account disabled or address removed): nothing will ever be sent.
            n.failed("no active recipient address", MAX_BACKOFF, MAX_BACKOFF, now);
            return Optional.empty();
        }
        return Optional.of(new Outgoing(n.getId(), n.getMessageId(), user.get().getEmail(), user.get().getLanguage(),
                n.getKind(), n.getCaseReference(), n.getLink()));
    }

    public void delivered(long id) {
        outbox.lock(id).ifPresent(n -> n.delivered(Instant.now()));
    }

    public void failed(long id, String error) {
        outbox.lock(id).ifPresent(n -> n.failed(error, FIRST_BACKOFF, MAX_BACKOFF, Instant.now()));
    }
}
