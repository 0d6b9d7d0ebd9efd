package org.continuum.intake.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.casefile.control.CaseGuard;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Phase;
import org.continuum.identity.control.Caller;
import org.continuum.identity.entity.UserAccount;
import org.continuum.intake.control.MailIntakes;
import org.continuum.intake.entity.MailIntake;
import org.continuum.intake.entity.RequestMessage;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The staff side of the messages with a person who asked through the public form: the case's caseworkers and its
 * assigned mentor (whoever the need-to-know check lets in) read the thread and write to the person, who reads and
 * answers on the receipt page. Reading is audited; a message is on the timeline as "sent" without its text.
 */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.SECURITY_MENTOR, Roles.COORDINATOR})
public class RequesterMessages {

    /** One message as staff see it ({@code author} null when the person wrote it). */
    public record Message(RequestMessage.Direction direction, String author, Instant sentAt, String text) implements Serializable {
        @Override
        public String toString() {
            return "RequesterMessage[" + direction + "," + sentAt + "]";
        }
    }

    @Inject
    Caller currentCaller;

    @Inject
    CaseGuard guard;

    @Inject
    MailIntakes requests;

    @Inject
    CaseEvents events;

    @Inject
    AuditTrail audit;

    /**
     * The thread of the case's web request, oldest first, or empty when the case did not come through the public
     * form (then there is nobody to write to that way).
     */
    public Optional<List<Message>> thread(long caseFileId) {
        UserAccount caller = currentCaller.account();
        guard.open(caller, caseFileId, AuditAction.REQUESTER_MESSAGES_READ);
        Optional<MailIntake> request = requests.webRequestOf(caseFileId);
        if (request.isEmpty()) {
            return Optional.empty();
        }
        List<Message> messages = requests.messagesOf(request.get().getId()).stream()
                .map(m -> new Message(m.getDirection(), m.getAuthor(), m.getSentAt(), m.getText())).toList();
        if (!messages.isEmpty()) {
            audit.record(caller.getUsername(), AuditAction.REQUESTER_MESSAGES_READ, caseFileId,
                    "messages=" + messages.size());
        }
        return Optional.of(messages);
    }

    /** Writes to the person; they read it with their receipt code. Refused on a closed case. */
    public void send(long caseFileId, String text) {
        UserAccount caller = currentCaller.account();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.REQUESTER_MESSAGE_SENT);
        MailIntake request = requests.webRequestOf(caseFileId)
                .orElseThrow(() -> new InvalidInput("requesterMessage.noWebRequest"));
        if (caseFile.getPhase() == Phase.CLOSED) {
            throw new InvalidInput("requesterMessage.caseClosed");
        }
        RequestMessage message = InvalidInput.whenRefused(() -> RequestMessage.toRequester(request.getId(),
                caller.getUsername(), text, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        requests.add(message);
        events.record(caseFile, caller.getUsername(), CaseEventKind.MESSAGE_TO_REQUESTER, null, null,
                AuditAction.REQUESTER_MESSAGE_SENT, "message=" + message.getId());
    }
}
