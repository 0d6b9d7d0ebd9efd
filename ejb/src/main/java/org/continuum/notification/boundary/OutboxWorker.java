package org.continuum.notification.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.continuum.platform.control.PeriodicPass;
import org.continuum.platform.control.Roles;
import org.continuum.notification.control.MailText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;

/**
 * Sends the outbox: every few seconds it claims the due messages (one transaction for the pass), hands each to the
 * mail server under its stored Message-ID (one connection for the pass), then records the messages the server
 * accepted, {@value #MARKS} at a time, and each failed attempt in a transaction of its own. A message is marked sent
 * only after the server accepted it; a failed attempt waits (5 s, doubling, at most 60 s) and is tried again,
 * forever, so nothing is lost while the server is down. If the application dies between the server's acceptance and
 * the record, the claims go stale and those messages (at most {@value #MARKS}, or the rest of a pass whose database
 * went away) are sent again under the same Message-IDs, which lets mail clients and servers drop the duplicates.
 */
@Singleton
@Startup
@PermitAll
@RunAs(Roles.SYSTEM)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
    static final String TICK_PROPERTY = "continuum.outbox.tickMillis";
    static final String BASE_URL_PROPERTY = "continuum.baseUrl";
    static final int BATCH = 100;
    /**
     * Accepted messages recorded per transaction. One transaction per message cost the P1 benchmark's notifications
     * (four a case flow) a commit each; more per transaction widens what a crash re-sends.
     */
    static final int MARKS = 20;
    /** How long one pass may go on while full batches keep coming; the next pass is armed when it ends. */
    static final Duration PASS_LIMIT = Duration.ofSeconds(30);

    @Resource
    TimerService timers;

    @Resource(lookup = "java:jboss/mail/Default")
    Session mail;

    @Inject
    OutboxStore store;

    private final PeriodicPass pass = new PeriodicPass(LOG, "Outbox pass");

    private long period;

    @PostConstruct
    void schedule() {
        period = Long.getLong(TICK_PROPERTY, 5000L);
        PeriodicPass.scheduleAfterEachPass(timers, "outbox", period);
    }

    @Timeout
    void tick() {
        pass.runThenRearm(() -> {
            try (Relay relay = new Relay()) {
                long until = System.nanoTime() + PASS_LIMIT.toNanos();
                while (sendBatch(relay) && System.nanoTime() < until) {
                    // a full batch went out: more may be waiting, so the pass goes on without waiting for a tick
                }
            }
        }, timers, "outbox", period);
    }

    /**
     * Claims the due messages (at most {@link #BATCH}) and sends them; true when the batch was full and every message
     * was accepted, so that the pass should go on. A pass that stopped at each full batch sent at most {@link #BATCH}
     * messages a tick (20 a second with the default tick), fewer than the P1 benchmark's flows queue; with the mail
     * server down, the pass stops at the first batch, as before.
     */
    private boolean sendBatch(Relay relay) {
        List<Long> due = store.due(BATCH);
        if (due.isEmpty()) {
            return false;
        }
        List<Long> accepted = new ArrayList<>();
        boolean allAccepted = true;
        try {
            for (OutboxStore.Outgoing outgoing : store.claim(due)) {
                if (attempt(outgoing, relay)) {
                    accepted.add(outgoing.id());
                } else {
                    allAccepted = false;
                }
                if (accepted.size() == MARKS) {
                    store.delivered(List.copyOf(accepted));
                    accepted.clear();
                }
            }
        } finally {
            if (!accepted.isEmpty()) {
                store.delivered(accepted);
            }
        }
        return due.size() == BATCH && allAccepted;
    }

    /** Whether the mail server accepted the message; a failure is recorded at once. */
    private boolean attempt(OutboxStore.Outgoing outgoing, Relay relay) {
        try {
            relay.send(compose(outgoing));
            return true;
        } catch (MessagingException | RuntimeException e) {
            relay.close(); // the next message starts on a new connection
            store.failed(outgoing.id(), e.getClass().getSimpleName() + ": " + describe(e));
            return false;
        }
    }

    private MimeMessage compose(OutboxStore.Outgoing o) throws MessagingException {
        String base = System.getProperty(BASE_URL_PROPERTY, "http://127.0.0.1:8080/continuum");
        MailText.Composed text = MailText.compose(o.kind(), o.language(), o.caseReference(), base + o.link());
        MimeMessage message = new FixedIdMessage(mail, o.messageId());
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(o.to(), true));
        message.setSubject(text.subject(), "UTF-8");
        message.setText(text.body(), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    /**
     * One connection to the mail server for a pass, opened at its first message and again after a failed one. A new
     * connection per message added its set-up, greeting, EHLO and QUIT to each message's round trips, and on two busy
     * cores each round trip waits for a time slice: the outbox sent about 15 messages a second while the P1
     * benchmark's flows queued over a hundred. The connection is not asked whether it is still open before each
     * message (a NOOP, one more round trip each): a message refused on a connection already used (one the server
     * closed, say) is sent once more on a new one. Claimed messages left unsent when a pass stops (the database
     * gone, say) are tried again once their claim is stale.
     */
    private final class Relay implements AutoCloseable {
        private Transport transport;

        void send(MimeMessage message) throws MessagingException {
            message.saveChanges(); // as Transport.send does: the headers, and the outbox's Message-ID
            if (transport != null) {
                try {
                    transport.sendMessage(message, message.getAllRecipients());
                    return;
                } catch (SendFailedException refused) {
                    throw refused; // the server answered: it refuses this message, on any connection
                } catch (MessagingException closed) {
                    close(); // and once more below, on a new connection
                }
            }
            transport = mail.getTransport(message.getAllRecipients()[0]);
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // the connection is gone either way; the next message opens a new one
                }
                transport = null;
            }
        }
    }

    /** The failure without addresses (the only personal data a mail error could hold here is a staff address). */
    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.replaceAll("[^\\s<>]+@[^\\s<>]+", "<address>").replaceAll("\\s+", " ");
    }

    /** Keeps the outbox's Message-ID instead of the one Jakarta Mail would invent at each send. */
    static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
