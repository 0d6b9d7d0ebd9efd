package org.continuum.intake.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.identity.control.Caller;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.casefile.control.CaseFileRegistrar;
import org.continuum.casefile.control.IntakeRequest;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.identity.entity.UserAccount;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.RequestType;
import org.continuum.intake.control.MailIntakes;
import org.continuum.intake.control.PublicRequest;
import org.continuum.intake.entity.MailAttachment;
import org.continuum.intake.entity.MailIntake;
import org.continuum.document.control.CaseDocuments;
import org.continuum.document.control.UploadPolicy;
import org.continuum.document.entity.CaseDocument;

import java.time.Instant;
import java.util.List;

/**
 * The team's queue of requests that came by e-mail: drafts to register as intakes (through the normal intake form,
 * so every rule of an intake applies) or to dismiss, and the quarantine with its reasons. Reading a message is
 * audited; the queue itself shows no content beyond the subject.
 */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.COORDINATOR})
public class MailIntakeService {

    @Inject
    Caller currentCaller;

    @Inject
    MailIntakes mails;

    @Inject
    CaseFileRegistrar registrar;

    @Inject
    AuditTrail audit;

    @Inject
    CaseDocuments documents;

    public record Row(long id, Instant receivedAt, MailIntake.Status status, String quarantineReason, String sender,
                      String subject, int attachments, Long caseFileId, long sizeBytes, MailIntake.Channel channel) implements Serializable {
        @Override
        public String toString() {
            return "MailRow[" + id + "," + status + "]";
        }
    }

    /** A message, with the answers of the public form when it came through it ({@code form} null for a mail). */
    public record Message(Row row, String text, List<AttachmentInfo> attachments, PublicRequest form) implements Serializable {
        @Override
        public String toString() {
            return "MailMessage[" + row.id() + "]";
        }
    }

    public record AttachmentInfo(String fileName, String contentType, long sizeBytes) implements Serializable {
        @Override
        public String toString() {
            return "AttachmentInfo[" + contentType + "," + sizeBytes + "]";
        }
    }

    /** Drafts and quarantined messages of the caller's team, newest first. */
    public List<Row> queue() {
        UserAccount caller = teamMember();
        return mails.openOf(caller.getTeam(), 200).stream().map(MailIntakeService::row).toList();
    }

    public Message open(long id) {
        UserAccount caller = teamMember();
        MailIntake mail = ofTeam(caller, id, AuditAction.MAIL_READ, false);
        audit.record(caller.getUsername(), AuditAction.MAIL_READ, mail.getCaseFileId(), "mail=" + id);
        List<AttachmentInfo> files = mail.getChannel() == MailIntake.Channel.WEB_FORM
                ? documents.ofRequest(id).stream()
                        .map(d -> new AttachmentInfo(d.fileName(), d.contentType(), d.sizeBytes())).toList()
                : mails.attachmentsOf(id).stream()
                        .map(a -> new AttachmentInfo(a.getFileName(), a.getContentType(), a.getSizeBytes())).toList();
        return new Message(row(mail), mail.getBody(), files, form(mail));
    }

    public void dismiss(long id) {
        UserAccount caller = teamMember();
        MailIntake mail = ofTeam(caller, id, AuditAction.MAIL_DISMISSED, true);
        InvalidInput.whenRefused(() -> mail.dismiss(caller.getUsername(), Instant.now()));
        audit.record(caller.getUsername(), AuditAction.MAIL_DISMISSED, mail.getCaseFileId(), "mail=" + id);
    }

    /** Registers the intake typed from the draft (same rules as any intake) and marks the draft converted. */
    public IntakeService.Registered convert(long id, IntakeRequest request) {
        UserAccount caller = teamMember();
        MailIntake mail = ofTeam(caller, id, AuditAction.MAIL_CONVERTED, true);
        if (mail.getStatus() != MailIntake.Status.DRAFT) {
            throw new InvalidInput("mailIntake.notDraft");
        }
        if (request == null) {
            throw new InvalidInput("intake.missing");
        }
        var caseFile = registrar.register(request, caller.getTeam(), caller.getUsername());
        mail.converted(caseFile.getId(), caller.getUsername(), Instant.now());
        int refused = keepAttachments(mail);
        int kept = documents.joinCase(id, caseFile.getId());
        audit.record(caller.getUsername(), AuditAction.MAIL_CONVERTED, caseFile.getId(), "mail=" + id
                + " documents=" + kept + (refused > 0 ? " refused=" + refused : ""));
        return new IntakeService.Registered(caseFile.getId(), caseFile.getReference());
    }

    /**
     * A mail's attachments become case documents when the mail is registered, if they pass the document policy
     * (the same as for uploads); the others stay with the mail in the queue. Returns how many were refused.
     */
    private int keepAttachments(MailIntake mail) {
        int refused = 0;
        for (MailAttachment attachment : mails.attachmentsOf(mail.getId())) {
            try {
                UploadPolicy.Checked checked = UploadPolicy.check(attachment.getFileName(), attachment.content());
                documents.add(CaseDocument.ofRequest(mail.getId(), CaseDocument.Source.MAIL, checked, Instant.now()));
            } catch (InvalidInput notKept) {
                refused++;
            }
        }
        return refused;
    }

    /**
     * What the intake form starts from when a caseworker registers this draft: for a mail, its sender as the contact;
     * for a web request, the answers the person gave (the name they chose, where they are, their languages and needs,
     * the messenger they allow or "only through the request page").
     */
    public Prefill prefill(long id) {
        MailIntake mail = ofTeam(teamMember(), id, AuditAction.MAIL_READ, false);
        PublicRequest form = form(mail);
        if (form == null) {
            return new Prefill(Channel.EMAIL, null, mail.getSender(), null, null, List.of(), null);
        }
        return new Prefill(Channel.WEB_FORM, form.name(), form.messenger(), form.country(), form.city(),
                form.languages(), form.needs().stream().sorted().findFirst().orElse(null));
    }

    /** An intake form's starting values; {@code contact} null means the person is reached through the request page. */
    public record Prefill(Channel channel, String name, String contact, String country, String city,
                          List<String> languages, RequestType need) {
        @Override
        public String toString() {
            return "Prefill[" + channel + "]";
        }
    }

    private static PublicRequest form(MailIntake mail) {
        return mail.getChannel() == MailIntake.Channel.WEB_FORM
                ? PublicRequest.fromDetails(mail.getSender(), mail.getBody(), mail.getDetails()) : null;
    }

    private MailIntake ofTeam(UserAccount caller, long id, AuditAction action, boolean lock) {
        MailIntake mail = mails.find(id, lock).orElse(null);
        if (mail == null || !mail.belongsTo(caller.getTeam())) {
            audit.recordIndependently(caller.getUsername(), action, null, AuditOutcome.DENIED,
                    (mail == null ? "not-found" : "other-team") + " mail=" + id);
            throw new CaseAccessDenied();
        }
        return mail;
    }

    private static Row row(MailIntake m) {
        return new Row(m.getId(), m.getReceivedAt(), m.getStatus(), m.getQuarantineReason(), m.getSender(),
                m.getSubject(), m.getAttachmentCount(), m.getCaseFileId(), m.getSizeBytes(), m.getChannel());
    }

    /** The caller, who must belong to a team: mail is taken in per team. */
    private UserAccount teamMember() {
        UserAccount caller = currentCaller.account();
        if (caller.getTeam() == null) {
            throw new InvalidInput("intake.noTeam");
        }
        return caller;
    }
}
