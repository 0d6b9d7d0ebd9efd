package org.continuum.it;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.casefile.entity.Urgency;
import org.continuum.platform.control.Roles;
import org.continuum.platform.control.ServerNode;
import org.continuum.intake.boundary.IntakeService;
import org.continuum.intake.boundary.MailIntakePoller;
import org.continuum.intake.boundary.MailIntakeService;
import org.continuum.intake.entity.MailIntake;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * E-mail intake on the real server: the poller reads a real IMAP mailbox (GreenMail inside WildFly), drafts land in
 * the team's queue (linked to a case when they quote its reference), hostile mails are quarantined, every original
 * is moved, not deleted, and a draft becomes a case file through the intake rules.
 */
@ExtendWith(ArquillianExtension.class)
class MailIntakeIT {

    static final String AMIRA = "amira.caseworker";
    static final String MAILBOX = "intake@continuum.test";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withMailServer(MailIntakeIT.class, IntakeIT.class, Sql.class);
    }

    @Inject
    IntakeService intake;

    @Inject
    CaseFileService cases;

    @Inject
    MailIntakeService mails;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    static MimeMessage raw(String text) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    static int count(GreenMail server, String folder) throws Exception {
        Properties props = new Properties();
        try (Store store = Session.getInstance(props).getStore("imap")) {
            store.connect("127.0.0.1", 3243, MAILBOX, "intake-secret");
            Folder f = store.getFolder(folder);
            if (!f.exists()) {
                return 0;
            }
            f.open(Folder.READ_ONLY);
            int n = f.getMessageCount();
            f.close(false);
            return n;
        }
    }

    static boolean inboxEmpty(GreenMail server) {
        try {
            return count(server, "INBOX") == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * With several servers on one database, one reads the mailbox at a time: while another server holds the
     * mailbox's lease this one leaves the inbox alone; when that lease runs out (its holder died) or is given back,
     * this server takes the lease and the mail.
     */
    @Test
    void whileAnotherServerHoldsTheMailboxLeaseThisOneLeavesTheInboxAlone() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(3243, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        server.start();
        Sql sql = new Sql(dataSource);
        // A pass that began while this server held the lease still reads the inbox: mail is delivered only once the
        // poller has said that the job left this server (its next tick after the lease changed hands).
        AtomicInteger left = new AtomicInteger();
        Handler said = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage() != null && record.getMessage().endsWith("runs on another server")) {
                    left.incrementAndGet();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger poller = Logger.getLogger(MailIntakePoller.class.getName());
        poller.addHandler(said);
        try {
            GreenMailUser box = server.setUser(MAILBOX, MAILBOX, "intake-secret");
            assertThat(Poll.until(Duration.ofSeconds(20), () -> ServerNode.ID.equals(
                    sql.string("select holder from job_lease where name = 'mail-intake'"))))
                    .as("this server holds the mailbox's lease").isTrue();
            sql.update("update job_lease set holder = 'other-node', expires_at = current_timestamp + interval '1' hour"
                    + " where name = 'mail-intake'");
            assertThat(Poll.until(Duration.ofSeconds(20), () -> left.get() == 1)).as("the job left").isTrue();
            long before = sql.count("select count(*) from mail_intake");
            String run = Long.toString(System.nanoTime());
            box.deliver(raw("""
                    From: someone@example.org
                    Subject: Lease %s
                    Message-ID: <lease-%s@example.org>
                    Content-Type: text/plain

                    x
                    """.formatted(run, run)));
            // The poller ticks every second here: five ticks pass while the other server holds the lease.
            assertThat(Poll.until(Duration.ofSeconds(5), () -> sql.count("select count(*) from mail_intake") > before
                    || inboxEmpty(server))).as("the inbox left to the lease's holder").isFalse();
            assertThat(sql.string("select holder from job_lease where name = 'mail-intake'")).isEqualTo("other-node");

            // The other server dies: its lease runs out two seconds from now, and this server takes over.
            sql.update("update job_lease set expires_at = current_timestamp + interval '2' second"
                    + " where name = 'mail-intake'");
            assertThat(Poll.until(Duration.ofSeconds(40), () -> sql.count("select count(*) from mail_intake")
                    == before + 1 && inboxEmpty(server))).as("taken in once the lease ran out").isTrue();
            assertThat(sql.string("select holder from job_lease where name = 'mail-intake'")).isEqualTo(ServerNode.ID);

            // Held again by another server, which then gives it back: taken in at the next tick.
            sql.update("update job_lease set holder = 'other-node', expires_at = current_timestamp + interval '1' hour"
                    + " where name = 'mail-intake'");
            assertThat(Poll.until(Duration.ofSeconds(20), () -> left.get() == 2)).as("the job left again").isTrue();
            box.deliver(raw("""
                    From: someone@example.org
                    Subject: Lease again %s
                    Message-ID: <lease-again-%s@example.org>
                    Content-Type: text/plain

                    y
                    """.formatted(run, run)));
            assertThat(Poll.until(Duration.ofSeconds(3), () -> inboxEmpty(server))).isFalse();
            sql.update("update job_lease set holder = null, expires_at = null where name = 'mail-intake'"
                    + " and holder = 'other-node'");
            assertThat(Poll.until(Duration.ofSeconds(40), () -> sql.count("select count(*) from mail_intake")
                    == before + 2 && inboxEmpty(server))).as("taken in once the lease was given back").isTrue();
        } finally {
            poller.removeHandler(said);
            sql.update("update job_lease set holder = null, expires_at = null where name = 'mail-intake'"
                    + " and holder = 'other-node'");
            server.stop();
        }
    }

    @Test
    void mailsBecomeDraftsOrQuarantineAndADraftBecomesACaseFile() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(3243, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        server.start();
        try {
            GreenMailUser box = server.setUser(MAILBOX, MAILBOX, "intake-secret");
            Sql sql = new Sql(dataSource);
            long before = sql.count("select count(*) from mail_intake");
            String run = Long.toString(System.nanoTime());
            long existing = As.user(AMIRA, Roles.CASEWORKER, () -> intake.register(IntakeIT.request("Aspen",
                    "Фарида " + run, Urgency.HIGH))).caseFileId();
            String reference = As.user(AMIRA, Roles.CASEWORKER, () -> cases.view(existing)).reference();

            String followUp = """
                    From: farida.%s@example.org
                    Subject: About my request %s
                    Message-ID: <follow-%s@example.org>
                    Content-Type: text/plain; charset=UTF-8

                    They came to my door again yesterday. CANARY-STORY-%s
                    """.formatted(run, reference, run, run);
            box.deliver(raw(followUp));
            box.deliver(raw(followUp));
            box.deliver(raw("""
                    From: "Новый" <new.%s@example.org>
                    Subject: Help
                    Message-ID: <new-%s@example.org>
                    MIME-Version: 1.0
                    Content-Type: multipart/mixed; boundary="b"

                    --b
                    Content-Type: text/html; charset=UTF-8

                    <p>I need to <b>leave</b> the city.</p>
                    --b
                    Content-Type: application/pdf
                    Content-Disposition: attachment; filename="../summons.pdf"
                    Content-Transfer-Encoding: base64

                    JVBERi0xLjQK
                    --b--
                    """.formatted(run, run)));
            box.deliver(raw("""
                    From: attacker@example.org
                    Subject: Invoice %s
                    Message-ID: <script-%s@example.org>
                    Content-Type: text/html; charset=UTF-8

                    <p>Open this</p><script>fetch('https://evil.example')</script>
                    """.formatted(run, run)));
            box.deliver(raw("""
                    From: a@example.org
                    From: b@example.org
                    Subject: Two senders %s
                    Message-ID: <forged-%s@example.org>
                    Content-Type: text/plain

                    x
                    """.formatted(run, run)));

            assertThat(Poll.until(Duration.ofSeconds(40), () -> sql.count("select count(*) from mail_intake") - before
                    == 4 && inboxEmpty(server))).as("four distinct messages taken in, inbox emptied").isTrue();
            assertThat(count(server, "Continuum-Imported")).as("duplicate included, nothing deleted").isEqualTo(3);
            assertThat(count(server, "Continuum-Quarantine")).isEqualTo(2);

            var queue = As.user(AMIRA, Roles.CASEWORKER, () -> mails.queue());
            var linked = queue.stream().filter(r -> r.subject() != null && r.subject().contains(reference))
                    .findFirst().orElseThrow();
            assertThat(linked.caseFileId()).as("linked by the quoted reference").isEqualTo(existing);
            assertThat(sql.count("select count(*) from case_event where casefile_id = ? and kind = 'MAIL_RECEIVED'",
                    existing)).isOne();
            assertThat(queue).filteredOn(r -> r.status() == MailIntake.Status.QUARANTINED)
                    .extracting(MailIntakeService.Row::quarantineReason)
                    .contains("html.active", "sender.multiple");
            var fresh = queue.stream().filter(r -> ("new." + run + "@example.org").equals(r.sender())).findFirst()
                    .orElseThrow();
            var message = As.user(AMIRA, Roles.CASEWORKER, () -> mails.open(fresh.id()));
            assertThat(message.text()).contains("I need to leave the city.").doesNotContain("<b>");
            assertThat(message.attachments()).singleElement().satisfies(a -> {
                assertThat(a.fileName()).isEqualTo("summons.pdf");
                assertThat(a.sizeBytes()).isEqualTo(9);
            });

            assertThat(sql.count("select count(*) from mail_intake where body_enc like ? or sender_enc like ?",
                    "%CANARY%", "%example.org%")).as("sealed").isZero();
            assertThat(sql.count("select count(*) from mail_attachment where content_enc like 'JVBER%'")).isZero();

            String refusals = "select count(*) from audit_event where action = 'MAIL_READ' and outcome = 'DENIED'"
                    + " and detail like ?";
            long refusedBefore = sql.count(refusals, "other-team mail=~%");
            assertThatThrownBy(() -> As.user("ivan.caseworker", Roles.CASEWORKER, () -> mails.open(fresh.id())))
                    .isInstanceOf(CaseAccessDenied.class);
            assertThat(sql.count(refusals, "other-team mail=~%")).as("the refusal, the mail's id as an opaque code")
                    .isEqualTo(refusedBefore + 1);

            var registered = As.user(AMIRA, Roles.CASEWORKER, () -> mails.convert(fresh.id(),
                    IntakeIT.request("Cypress", "Новый " + run, Urgency.HIGH)));
            assertThat(sql.string("select status from mail_intake where id = ?", fresh.id())).isEqualTo("CONVERTED");
            assertThat(sql.count("select count(*) from mail_intake where id = ? and casefile_id = ?", fresh.id(),
                    registered.caseFileId())).isOne();
            assertThat(sql.count("select count(*) from notification where recipient like ?", "%example.org%"))
                    .as("no automatic reply to a requester").isZero();
        } finally {
            server.stop();
        }
    }
}
