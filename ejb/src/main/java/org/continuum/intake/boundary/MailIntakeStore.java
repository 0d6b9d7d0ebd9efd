package org.continuum.intake.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.control.Timeline;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.identity.control.Staff;
import org.continuum.platform.control.Roles;
import org.continuum.identity.entity.Team;
import org.continuum.intake.control.MailParser;
import org.continuum.intake.entity.MailAttachment;
import org.continuum.intake.entity.MailIntake;
import org.continuum.security.control.FieldCipher;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the mailbox poller hands to the domain, as {@link Roles#SYSTEM}, one message per transaction: the message is
 * parsed, stored as a draft (linked to a case of the team when it quotes its reference or comes from a sender
 * already linked to one) or as a quarantine record. Audit and timeline name the event, never the content.
 */
@Stateless
@RolesAllowed(Roles.SYSTEM)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MailIntakeStore {

    static final String SYSTEM_ACTOR = "system";
    private static final Pattern REFERENCE = Pattern.compile("\\bCF-\\d{4}-\\d{6}\\b");

    @PersistenceContext
    EntityManager em;

    @Inject
    Staff staff;

    @Inject
    FieldCipher cipher;

    @Inject
    Timeline timeline;

    @Inject
    AuditTrail audit;

    /** The status of the message already taken in with this digest, if any. */
    public Optional<MailIntake.Status> known(String digest) {
        return em.createQuery("select m.status from MailIntake m where m.digest = :d", MailIntake.Status.class)
                .setParameter("d", digest).setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * Stores one raw message ({@code raw} null when it was too large to fetch) and returns its status; a message
     * fetched again (after a crash before it was moved) is not stored twice and keeps the status it had.
     */
    public MailIntake.Status store(String digest, byte[] raw, long size, String teamCode, Instant receivedAt) {
        Optional<MailIntake.Status> before = known(digest);
        if (before.isPresent()) {
            return before.get();
        }
        Team team = staff.teamByCode(teamCode).orElseThrow(() -> new IllegalStateException("intake team unknown"));
        MailParser.Parsed parsed = raw == null ? new MailParser.Parsed("message.tooLarge", null, null, null,
                java.util.List.of()) : MailParser.parse(raw);
        String senderIndex = parsed.sender() == null ? null : cipher.blindIndex(parsed.sender());
        CaseFile linked = parsed.isQuarantined() ? null : linkedCase(team, parsed, senderIndex).orElse(null);
        MailIntake mail = new MailIntake(digest, team, receivedAt, size, parsed.quarantine(), parsed.sender(),
                senderIndex, parsed.subject(), parsed.text(), parsed.attachments().size(),
                linked == null ? null : linked.getId());
        em.persist(mail);
        for (MailParser.Attachment a : parsed.attachments()) {
            em.persist(new MailAttachment(mail.getId(), a.fileName(), a.contentType(), a.content()));
        }
        if (linked != null) {
            timeline.record(linked, SYSTEM_ACTOR, CaseEventKind.MAIL_RECEIVED, "mail=" + mail.getId()
                    + " attachments=" + parsed.attachments().size(), parsed.subject());
        }
        audit.record(SYSTEM_ACTOR, parsed.isQuarantined() ? AuditAction.MAIL_QUARANTINED : AuditAction.MAIL_RECEIVED,
                linked == null ? null : linked.getId(), "mail=" + mail.getId()
                        + (parsed.isQuarantined() ? " reason=" + parsed.quarantine() : ""));
        return mail.getStatus();
    }

    /** A case of the same team whose reference the mail quotes, or that an earlier mail of this sender joined. */
    private Optional<CaseFile> linkedCase(Team team, MailParser.Parsed parsed, String senderIndex) {
        Matcher m = REFERENCE.matcher((parsed.subject() == null ? "" : parsed.subject()) + "\n"
                + (parsed.text() == null ? "" : parsed.text()));
        while (m.find()) {
            Optional<CaseFile> quoted = em.createQuery("select c from CaseFile c where c.reference = :r and c.team = :t",
                    CaseFile.class).setParameter("r", m.group()).setParameter("t", team).getResultStream().findFirst();
            if (quoted.isPresent()) {
                return quoted;
            }
        }
        if (senderIndex == null) {
            return Optional.empty();
        }
        return em.createQuery("select c from MailIntake m, CaseFile c where m.senderIndex = :s and c.id = m.caseFileId"
                        + " and c.team = :t order by m.receivedAt desc", CaseFile.class)
                .setParameter("s", senderIndex).setParameter("t", team).setMaxResults(1).getResultStream()
                .findFirst();
    }
}
