package org.continuum.intake.boundary;

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
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.continuum.platform.boundary.JobLeases;
import org.continuum.platform.control.PeriodicPass;
import org.continuum.platform.control.Roles;
import org.continuum.intake.control.MailParser;
import org.continuum.intake.entity.MailIntake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Polls the intake mailbox over IMAP (configured by system properties; off when no host is set). Each message is
 * stored through {@link MailIntakeStore} in its own transaction, then moved out of the inbox into
 * {@code Continuum-Imported} or {@code Continuum-Quarantine}: nothing is deleted, and a message fetched again after
 * a crash is recognised by its digest. Continuum never answers a requester's mail.
 */
@Singleton
@Startup
@PermitAll
@RunAs(Roles.SYSTEM)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailIntakePoller {

    private static final Logger LOG = Logger.getLogger(MailIntakePoller.class.getName());
    static final String PREFIX = "continuum.intake.imap.";
    static final String IMPORTED = "Continuum-Imported";
    static final String QUARANTINE = "Continuum-Quarantine";

    @Resource
    TimerService timers;

    @Inject
    MailIntakeStore gate;

    @Inject
    JobLeases leases;

    private final PeriodicPass pass = new PeriodicPass(LOG, "Mail intake reading the mailbox");
    private JobLeases.Lease lease;

    @PostConstruct
    void schedule() {
        if (System.getProperty(PREFIX + "host") == null) {
            LOG.info("Mail intake is off (no " + PREFIX + "host)");
            return;
        }
        long period = Long.getLong(PREFIX + "pollMillis", 60_000L);
        // One server at a time reads the mailbox (a message taken in twice would still be recognised by its digest).
        lease = new JobLeases.Lease(leases, "mail-intake", Duration.ofMillis(2 * period));
        PeriodicPass.schedule(timers, "mail-intake", period);
    }

    @Timeout
    void poll() {
        pass.runHolding(lease::acquire, this::pollOnce);
    }


    /** One pass over the inbox; returns how many messages were taken in. */
    int pollOnce() throws MessagingException {
        Properties props = new Properties();
        String protocol = Boolean.getBoolean(PREFIX + "ssl") ? "imaps" : "imap";
        props.setProperty("mail.store.protocol", protocol);
        props.setProperty("mail." + protocol + ".connectiontimeout", "10000");
        props.setProperty("mail." + protocol + ".timeout", "30000");
        Session session = Session.getInstance(props);
        int taken = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(System.getProperty(PREFIX + "host"), Integer.getInteger(PREFIX + "port", 993),
                    System.getProperty(PREFIX + "user"), System.getProperty(PREFIX + "password", ""));
            Folder inbox = store.getFolder(System.getProperty(PREFIX + "folder", "INBOX"));
            inbox.open(Folder.READ_WRITE);
            Folder imported = ensure(store, IMPORTED);
            Folder quarantine = ensure(store, QUARANTINE);
            String team = System.getProperty("continuum.intake.team");
            for (Message message : inbox.getMessages()) {
                if (message.isSet(Flags.Flag.DELETED)) {
                    continue;
                }
                MailIntake.Status status = takeIn(message, team);
                Folder target = status == MailIntake.Status.QUARANTINED ? quarantine : imported;
                inbox.copyMessages(new Message[]{message}, target);
                message.setFlag(Flags.Flag.DELETED, true);
                taken++;
            }
            inbox.close(true);
        }
        return taken;
    }

    private MailIntake.Status takeIn(Message message, String team) throws MessagingException {
        int size = message.getSize();
        byte[] raw = null;
        if (size <= MailParser.MAX_RAW_BYTES) {
            try (ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024))) {
                message.writeTo(out);
                raw = out.size() <= MailParser.MAX_RAW_BYTES ? out.toByteArray() : null;
            } catch (IOException | MessagingException | RuntimeException unreadable) {
                raw = new byte[0];
            }
        }
        String digest = digest(raw, message);
        return gate.store(digest, raw, Math.max(size, raw == null ? 0 : raw.length), team, Instant.now());
    }

    /** SHA-256 of the raw message, or of its identifying headers when it was too large to fetch. */
    static String digest(byte[] raw, Message message) throws MessagingException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (raw != null && raw.length > 0) {
                sha.update(raw);
            } else {
                String[] id = message.getHeader("Message-ID");
                sha.update(((id == null ? "" : String.join(",", id)) + "|" + message.getSize() + "|"
                        + message.getSentDate()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Folder ensure(Store store, String name) throws MessagingException {
        Folder folder = store.getFolder(name);
        if (!folder.exists()) {
            folder.create(Folder.HOLDS_MESSAGES);
        }
        return folder;
    }
}
