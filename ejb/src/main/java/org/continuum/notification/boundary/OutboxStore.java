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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;

/**
 * The outbox's state changes for the worker, each in a transaction of its own: claim the due messages of a pass (rows
 * locked, so two workers never take the same one), then record, a few messages at a time, that the mail server
 * accepted them, and for each failed attempt that it failed.
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

    /**
     * Takes the due ones among {@code ids} for one attempt each, in one transaction (rows locked, so two workers never
     * take the same one); a message another worker has, or that went out meanwhile, is left out. One transaction for
     * a pass's messages rather than one each, and their recipients read in one query.
     */
    public List<Outgoing> claim(List<Long> ids) {
        Instant now = Instant.now();
        List<Notification> claimed = new ArrayList<>();
        for (Notification n : outbox.lock(ids)) {
            if (n.isDue(now)) {
                n.claim(now);
                claimed.add(n);
            }
        }
        Map<String, UserAccount> recipients = new HashMap<>();
        staff.byUsernames(claimed.stream().map(Notification::getRecipient).collect(Collectors.toSet()))
                .forEach(u -> recipients.put(u.getUsername(), u));
        List<Outgoing> outgoing = new ArrayList<>();
        for (Notification n : claimed) {
            UserAccount user = recipients.get(n.getRecipient());
            if (user == null || !user.isEnabled() || user.getEmail() == null) {
                // Nobody to write to any more (account disabled or address removed): nothing will ever be sent.
                n.failed("no active recipient address", MAX_BACKOFF, MAX_BACKOFF, now);
            } else {
                outgoing.add(new Outgoing(n.getId(), n.getMessageId(), user.getEmail(), user.getLanguage(),
                        n.getKind(), n.getCaseReference(), n.getLink()));
            }
        }
        return outgoing;
    }

    /** Records that the mail server accepted these messages: one transaction for a few of a pass's messages. */
    public void delivered(List<Long> ids) {
        Instant now = Instant.now();
        outbox.lock(ids).forEach(n -> n.delivered(now));
    }

    public void failed(long id, String error) {
        outbox.lock(id).ifPresent(n -> n.failed(error, FIRST_BACKOFF, MAX_BACKOFF, Instant.now()));
    }
}
