package org.continuum.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.casefile.entity.Urgency;
import org.continuum.platform.control.Roles;
import org.continuum.intake.boundary.IntakeService;
import org.continuum.intake.boundary.TriageService;
import org.continuum.notification.boundary.NotificationPreferences;
import org.continuum.notification.boundary.OutboxAdmin;
import org.continuum.notification.entity.NotificationKind;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff notifications through the outbox on the real server, sent to a real SMTP server (GreenMail) that the test
 * starts and stops inside WildFly: the content carries a reference and a link and no canary, the user's choice is
 * honoured, and R5: while the mail server is down, business goes on and nothing is lost or sent twice.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationOutboxIT {

    static final String AMIRA = "amira.caseworker";
    static final String SOFIA = "sofia.mentor";
    static final int SMTP_PORT = 3125;
    private static final Logger LOG = Logger.getLogger(NotificationOutboxIT.class.getName());

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withMailServer(NotificationOutboxIT.class, IntakeIT.class, Sql.class);
    }

    @Inject
    IntakeService intake;

    @Inject
    TriageService triage;

    @Inject
    CaseFileService cases;

    @Inject
    NotificationPreferences preferences;

    @Inject
    OutboxAdmin outbox;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    private static GreenMail mailServer() {
        return new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** Intake by amira, then triage assigning sofia as mentor: sofia is told a case file was assigned to her. */
    private long assignedToSofia(String pseudonym, String legalName) throws Exception {
        return assigned(AMIRA, SOFIA, pseudonym, legalName);
    }

    /** Intake by this caseworker, then triage assigning this mentor of the same team: the mentor is told. */
    private long assigned(String caseworker, String mentor, String pseudonym, String legalName) throws Exception {
        long id = As.user(caseworker, Roles.CASEWORKER, () -> intake.register(IntakeIT.request(pseudonym, legalName,
                Urgency.STANDARD))).caseFileId();
        String task = As.user(caseworker, Roles.CASEWORKER, () -> cases.view(id)).openTasks().stream()
                .filter(t -> t.definitionKey().equals("Task_Triage")).findFirst().orElseThrow().id();
        As.run(caseworker, Roles.CASEWORKER, () -> triage.complete(task, new TriageService.TriageDecision(true,
                Urgency.STANDARD, null, null, null, mentor, null)));
        return id;
    }

    private static List<MimeMessage> to(GreenMail server, String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                found.add(m);
            }
        }
        return found;
    }

    @Test
    void aNotificationCarriesAReferenceAndALinkNeverANameAndHonoursTheUsersChoice() throws Exception {
        GreenMail server = mailServer();
        server.start();
        try {
            String canary = "Ярослава CANARY-" + System.nanoTime();
            long id = assignedToSofia("Juniper", canary);
            String reference = As.user(AMIRA, Roles.CASEWORKER, () -> cases.view(id)).reference();
            Sql sql = new Sql(dataSource);
            String messageId = sql.string("select message_id from notification where casefile_id = ?"
                    + " and recipient = ? and kind = 'CASE_ASSIGNED'", id, SOFIA);
            assertThat(messageId).as("queued with the triage").isNotNull();
            assertThat(Poll.until(Duration.ofSeconds(30), () -> sql.count("select count(*) from notification"
                    + " where message_id = ? and status = 'SENT'", messageId) == 1)).as("sent").isTrue();
            MimeMessage mail = null;
            for (MimeMessage m : server.getReceivedMessages()) {
                if (messageId.equals(m.getMessageID())) {
                    mail = m;
                }
            }
            assertThat(mail).as("received under its stored Message-ID").isNotNull();
            String subject = mail.getSubject();
            String body = ((String) mail.getContent()).replace("\r", "");
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("sofia.mentor@continuum.test");
            assertThat(subject).contains(reference).contains("a case file was assigned to you");
            assertThat(body).contains(reference).contains("/app/case.xhtml?id=" + id);
            for (String secret : new String[]{canary, "CANARY", "Juniper", "Signal", "+7 900", "Kazan", "Vakhitovsky"}) {
                assertThat(subject + body).as("no personal data").doesNotContain(secret);
            }

            // Sofia switches case assignments off: the next triage queues nothing for her.
            As.run(SOFIA, Roles.SECURITY_MENTOR, () -> preferences.choose(EnumSet.complementOf(
                    EnumSet.of(NotificationKind.CASE_ASSIGNED)), "fr"));
            long second = assignedToSofia("Hawthorn", "Second " + System.nanoTime());
            assertThat(sql.count("select count(*) from notification where casefile_id = ?", second)).isZero();
            As.run(SOFIA, Roles.SECURITY_MENTOR, () -> preferences.choose(EnumSet.allOf(NotificationKind.class),
                    "en"));
            assertThat(As.user("admin", Roles.ADMIN, () -> outbox.overview()).recent())
                    .anySatisfy(r -> assertThat(r.caseReference()).isEqualTo(reference));
        } finally {
            server.stop();
        }
    }

    @Test
    void aClaimLeftByAWorkerThatStoppedIsTakenUpAgainAndSentOnce() throws Exception {
        Sql sql = new Sql(dataSource);
        // Queued while the mail server is down, so it cannot have been sent before the claim is made stale.
        long id = assignedToSofia("Stale", "Claim " + System.nanoTime());
        GreenMail server = mailServer();
        try {
            long notification = sql.longValue("select min(id) from notification where casefile_id = ?", id);
            // As if a worker had claimed it ten minutes ago and died before sending: still SENDING, the claim stale,
            // and its next attempt far off, so only the stale claim can bring it back.
            Timestamp claimedLongAgo = Timestamp.from(Instant.now().minus(Duration.ofMinutes(10)));
            Timestamp tomorrow = Timestamp.from(Instant.now().plus(Duration.ofDays(1)));
            assertThat(sql.update("update notification set status = 'SENDING', claimed_at = ?,"
                    + " version = version + 1, next_attempt_at = ? where id = ? and status <> 'SENT'",
                    claimedLongAgo, tomorrow, notification)).as("not sent yet").isOne();
            String messageId = sql.string("select message_id from notification where id = ?", notification);
            server.start();
            assertThat(Poll.until(Duration.ofSeconds(60), () -> sql.count(
                    "select count(*) from notification where id = ? and status = 'SENT'", notification) == 1))
                    .as("the stale claim is taken up again and sent").isTrue();
            long received = 0;
            for (MimeMessage m : server.getReceivedMessages()) {
                if (messageId.equals(m.getMessageID())) {
                    received++;
                }
            }
            assertThat(received).as("sent once, under its stored Message-ID").isOne();
        } finally {
            server.stop();
        }
    }

    @Test
    void r5MailServerDownWhileAHundredNotificationsComeDueNothingLostNothingTwice() throws Exception {
        int count = 100;
        long outage = Long.getLong("r5.outageSeconds", 10);
        Sql sql = new Sql(dataSource);
        List<Long> caseFiles = new ArrayList<>();
        long started = System.nanoTime();
        // In the second team: its hundred verification tasks stay out of the inbox the other tests read.
        for (int i = 0; i < count; i++) {
            caseFiles.add(assigned("ivan.caseworker", "nika.mentor", "R5-" + i, "Outage " + i + " " + System.nanoTime()));
        }
        double businessSeconds = (System.nanoTime() - started) / 1e9;
        String ids = caseFiles.toString().replace("[", "(").replace("]", ")");
        Map<String, Long> expected = new HashMap<>();
        try (var c = dataSource.getConnection(); var rs = c.createStatement().executeQuery(
                "select message_id, casefile_id from notification where casefile_id in " + ids)) {
            while (rs.next()) {
                expected.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertThat(expected).as("one queued per business transaction, all committed during the outage")
                .hasSize(count);
        // The outage lasts `outage` seconds from the first triage; meanwhile every message must have been tried.
        long outageEnds = started + outage * 1_000_000_000L;
        assertThat(Poll.until(Duration.ofSeconds(outage + 60), () -> System.nanoTime() >= outageEnds
                && sql.count("select count(*) from notification where attempts = 0 and casefile_id in " + ids) == 0))
                .as("each message tried during the outage").isTrue();
        long anyId = sql.count("select min(id) from notification where casefile_id in " + ids);
        As.run("admin", Roles.ADMIN, () -> outbox.retry(anyId));
        assertThat(sql.count("select count(*) from audit_event where action = 'OUTBOX_RETRIED' and detail like ?",
                "notification=~%")).as("an administrator's retry is audited").isOne();
        long failedAttempts = sql.count("select coalesce(sum(attempts), 0) from notification where casefile_id in "
                + ids);
        assertThat(sql.count("select count(*) from notification where status = 'SENT' and casefile_id in " + ids))
                .as("nothing can be sent while the server is down").isZero();

        GreenMail server = mailServer();
        server.start();
        long back = System.nanoTime();
        try {
            boolean allSent = Poll.until(Duration.ofSeconds(150), () -> sql.count("select count(*) from notification"
                    + " where status = 'SENT' and casefile_id in " + ids) == count);
            double recoverySeconds = (System.nanoTime() - back) / 1e9;
            assertThat(allSent).as("all sent after recovery").isTrue();
            Map<String, Integer> received = new HashMap<>();
            for (MimeMessage m : server.getReceivedMessages()) {
                if (expected.containsKey(m.getMessageID())) {
                    received.merge(m.getMessageID(), 1, Integer::sum);
                }
            }
            Set<String> lost = new HashSet<>(expected.keySet());
            lost.removeAll(received.keySet());
            long duplicated = received.values().stream().filter(n -> n > 1).count();
            LOG.info(String.format("R5: %d notifications queued by %d triages in %.1f s during a %d s outage"
                            + " (%d failed attempts), all sent %.1f s after the mail server came back; lost %d,"
                            + " duplicated %d", count, count, businessSeconds, outage, failedAttempts,
                    recoverySeconds, lost.size(), duplicated));
            assertThat(lost).as("lost").isEmpty();
            assertThat(duplicated).as("duplicated").isZero();
            assertThat(recoverySeconds).as("R5: within 2 minutes of recovery").isLessThanOrEqualTo(120);
        } finally {
            server.stop();
        }
    }
}
