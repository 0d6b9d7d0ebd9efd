package org.continuum.intake.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.continuum.casefile.control.CaseFiles;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.control.Timeline;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.identity.control.Staff;
import org.continuum.platform.control.Roles;
import org.continuum.identity.entity.Team;
import org.continuum.intake.control.MailParser;
import org.continuum.intake.control.MailIntakes;
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

    @Inject
    MailIntakes mails;

    @Inject
    CaseFiles caseFiles;

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
        return mails.statusOf(digest);
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
        CaseFile linked = parsed.isQuarantined() ? null : linkedCase(team, parsed).orElse(null);
        MailIntake mail = new MailIntake(digest, team, receivedAt, size, parsed.quarantine(), parsed.sender(),
                senderIndex, parsed.subject(), parsed.text(), parsed.attachments().size(),
                linked == null ? null : linked.getId());
        mails.add(mail, parsed.attachments());
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
    private Optional<CaseFile> linkedCase(Team team, MailParser.Parsed parsed) {
        Matcher m = REFERENCE.matcher((parsed.subject() == null ? "" : parsed.subject()) + "\n"
                + (parsed.text() == null ? "" : parsed.text()));
        while (m.find()) {
            Optional<CaseFile> quoted = caseFiles.byReference(m.group(), team);
            if (quoted.isPresent()) {
                return quoted;
            }
        }
        if (parsed.sender() == null) {
            return Optional.empty();
        }
        return mails.caseOfSender(cipher.blindIndexes(parsed.sender()), team);
    }
}
