package org.continuum.intake.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.casefile.control.CaseFiles;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Phase;
import org.continuum.identity.entity.Role;
import org.continuum.intake.entity.RequestMessage;
import org.continuum.document.control.CaseDocuments;
import org.continuum.document.control.UploadPolicy;
import org.continuum.document.entity.CaseDocument;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.identity.control.Staff;
import org.continuum.identity.entity.Team;
import org.continuum.intake.control.MailIntakes;
import org.continuum.intake.control.PublicGate;
import org.continuum.intake.control.PublicRequest;
import org.continuum.intake.control.ReceiptCodes;
import org.continuum.intake.entity.MailIntake;
import org.continuum.platform.control.InvalidInput;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The public request form's entry point, open to everyone by nature (a person at risk has no account): a request is
 * checked, throttled, sealed and put in the configured team's intake queue beside the e-mail drafts, where a
 * caseworker registers it through the same intake form and rules. The person gets a receipt code once, and with it
 * can see the rough state of their request. Nothing the person wrote reaches the audit trail or a log; a refused
 * request stores nothing.
 */
@Stateless
@PermitAll
public class PublicRequestService {

    static final String ACTOR = "public-form";

    /** What a person with a receipt code may know of their request. */
    public enum RoughState { RECEIVED, IN_PROGRESS, CLOSED }

    /**
     * What the receipt page shows: the rough state, the messages (the team's and the person's, oldest first; staff
     * names are not shown) and, while the person may answer, a ticket that lets the next request of the page answer
     * without the code being sent again (it names the request, expires, and cannot be made without the server's key).
     */
    public record Found(RoughState state, List<Visible> messages, String ticket) {
        public boolean canAnswer() {
            return ticket != null;
        }

        @Override
        public String toString() {
            return "Found[" + state + "," + messages.size() + "]";
        }
    }

    /** One message as the person sees it. */
    public record Visible(boolean fromTeam, Instant sentAt, String text) {
        @Override
        public String toString() {
            return "Visible[" + fromTeam + "," + sentAt + "]";
        }
    }

    @Inject
    PublicGate gate;

    @Inject
    ReceiptCodes receipts;

    @Inject
    MailIntakes queue;

    @Inject
    Staff staff;

    @Inject
    AuditTrail audit;

    @Inject
    CaseFiles caseFiles;

    @Inject
    CaseDocuments documents;

    @Inject
    CaseEvents events;

    /** Whether the form is open here: an organisation names the team that takes public requests. */
    public boolean open() {
        return team().isPresent();
    }

    /** A one-time token for a form shown now. */
    public String formToken() {
        return gate.token();
    }

    /**
     * Stores the request sent with {@code token} from {@code address} and returns its receipt code (shown once).
     * Refusals are {@link InvalidInput} with keys of the public bundle; the throttle counts stored requests only,
     * so a person correcting a mistake is not locked out.
     */
    public String submit(PublicRequest request, String token, String address) {
        return submit(request, List.of(), token, address);
    }

    /** A file the person attached to the form, as their browser named it. */
    public record Attachment(String fileName, byte[] content) {
        @Override
        public String toString() {
            return "Attachment[" + (content == null ? 0 : content.length) + "]";
        }
    }

    /** At most this many files with one request. */
    public static final int MAX_ATTACHMENTS = 5;

    /**
     * The same with files: each must pass the document policy (checked by content; images re-encoded without their
     * metadata), or the whole request is refused with the reason and nothing is stored.
     */
    public String submit(PublicRequest request, List<Attachment> files, String token, String address) {
        Team team = team().orElseThrow(() -> new InvalidInput("request.closed"));
        PublicGate.TokenCheck check = gate.check(token);
        if (!check.valid()) {
            throw new InvalidInput(check.refusal());
        }
        if (request == null) {
            throw new InvalidInput(List.of("request.name.required", "request.situation.required"));
        }
        request.checked();
        List<UploadPolicy.Checked> checked = checkedFiles(files);
        if (queue.statusOf(check.digest()).isPresent()) {
            throw new InvalidInput("request.token.used");
        }
        if (!gate.requestAllowed(address)) {
            throw new InvalidInput("request.busy");
        }
        String code = receipts.newCode();
        String digits = ReceiptCodes.digits(code).orElseThrow();
        MailIntake draft = MailIntake.webRequest(check.digest(), team, Instant.now(), request.name(),
                request.situation(), request.details(), checked.size(), receipts.index(digits), receipts.hash(digits));
        queue.add(draft, List.of());
        for (UploadPolicy.Checked file : checked) {
            documents.add(CaseDocument.ofRequest(draft.getId(), CaseDocument.Source.REQUESTER, file, Instant.now()));
        }
        gate.requestStored(address);
        audit.record(ACTOR, AuditAction.WEB_REQUEST_RECEIVED, null, "mail=" + draft.getId());
        return code;
    }

    /**
     * The rough state of the request this receipt code belongs to, or empty for a wrong code (the answer never says
     * whether a code exists). Wrong codes are counted per address and in all; past the limit every code is refused
     * with {@code request.code.busy} for a while.
     */
    public Optional<Found> status(String typedCode, String address) {
        if (!gate.codeAllowed(address)) {
            throw new InvalidInput("request.code.busy");
        }
        Optional<String> digits = ReceiptCodes.digits(typedCode);
        if (digits.isEmpty()) {
            gate.codeWrong(address);
            return Optional.empty();
        }
        Optional<MailIntake> request = queue.byReceipt(receipts.indexes(digits.get()));
        if (request.isEmpty()) {
            receipts.decoy(digits.get());
            gate.codeWrong(address);
            return Optional.empty();
        }
        if (!receipts.matches(digits.get(), request.get().getReceiptHash())) {
            gate.codeWrong(address);
            return Optional.empty();
        }
        // Indexed under an older index key (before a rotation): the code is known now, so it moves to the current key.
        queue.receiptIndexed(request.get(), receipts.index(digits.get()));
        return Optional.of(found(request.get()));
    }

    /**
     * The person's answer, sent from the receipt page with the ticket it was shown with: sealed with the request,
     * on the case's timeline as "message received" without its text, and told (without its text) to the case's
     * caseworkers and assigned mentor through the outbox. Counted like a request by the per-address limit.
     */
    public Found answer(String ticket, String text, String address) {
        return answer(ticket, text, List.of(), address);
    }

    /** The same with documents, checked like the form's and kept on the case (within the case's room). */
    public Found answer(String ticket, String text, List<Attachment> files, String address) {
        long id = gate.ticketRequest(ticket).orElseThrow(() -> new InvalidInput("request.ticket.expired"));
        MailIntake request = queue.find(id, true).orElseThrow(() -> new InvalidInput("request.ticket.expired"));
        CaseFile caseFile = answerable(request).orElseThrow(() -> new InvalidInput("request.answer.closed"));
        List<UploadPolicy.Checked> checked = checkedFiles(files);
        long adding = checked.stream().mapToLong(c -> c.content().length).sum();
        if (adding > 0 && documents.bytesOfCase(caseFile.getId()) + adding > UploadPolicy.MAX_CASE_BYTES) {
            throw new InvalidInput("document.caseFull");
        }
        if (!gate.requestAllowed(address)) {
            throw new InvalidInput("request.busy");
        }
        RequestMessage message = InvalidInput.whenRefused(() -> RequestMessage.fromRequester(id, text,
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        queue.add(message);
        for (UploadPolicy.Checked file : checked) {
            CaseDocument document = CaseDocument.ofRequest(id, CaseDocument.Source.REQUESTER, file, Instant.now());
            document.joinCase(caseFile.getId());
            documents.add(document);
        }
        gate.requestStored(address);
        String detail = "message=" + message.getId() + (checked.isEmpty() ? "" : " documents=" + checked.size());
        events.record(caseFile, ACTOR, CaseEventKind.MESSAGE_FROM_REQUESTER, null, null,
                AuditAction.REQUESTER_ANSWERED, detail);
        events.notifyTeam(NotificationKind.REQUESTER_ANSWERED, caseFile, Role.CASEWORKER, null, detail);
        if (caseFile.getAssignedMentor() != null) {
            events.notifyUsers(NotificationKind.REQUESTER_ANSWERED, caseFile,
                    List.of(caseFile.getAssignedMentor().getUsername()), detail);
        }
        return found(request);
    }

    /** The files the person sent (empty ones skipped), each through the document policy; at most five. */
    private static List<UploadPolicy.Checked> checkedFiles(List<Attachment> files) {
        List<Attachment> attached = files == null ? List.of() : files.stream()
                .filter(f -> f != null && f.content() != null && f.content().length > 0).toList();
        if (attached.size() > MAX_ATTACHMENTS) {
            throw new InvalidInput("document.tooMany");
        }
        return attached.stream().map(f -> UploadPolicy.check(f.fileName(), f.content())).toList();
    }

    private Found found(MailIntake request) {
        List<Visible> messages = queue.messagesOf(request.getId()).stream()
                .map(m -> new Visible(m.getDirection() == RequestMessage.Direction.TO_REQUESTER, m.getSentAt(),
                        m.getText())).toList();
        return new Found(stateOf(request), messages,
                answerable(request).isPresent() ? gate.ticket(request.getId()) : null);
    }

    /** The open case file a request became: only then is there a team to answer to. */
    private Optional<CaseFile> answerable(MailIntake request) {
        if (request.getStatus() != MailIntake.Status.CONVERTED || request.getCaseFileId() == null) {
            return Optional.empty();
        }
        return caseFiles.find(request.getCaseFileId()).filter(c -> c.getPhase() != Phase.CLOSED);
    }

    private RoughState stateOf(MailIntake request) {
        return switch (request.getStatus()) {
            case DRAFT, QUARANTINED -> RoughState.RECEIVED;
            case DISMISSED -> RoughState.CLOSED;
            case CONVERTED -> queue.caseClosed(request.getCaseFileId()) ? RoughState.CLOSED : RoughState.IN_PROGRESS;
        };
    }

    private Optional<Team> team() {
        String code = System.getProperty("continuum.request.team");
        return code == null || code.isBlank() ? Optional.empty() : staff.teamByCode(code);
    }
}
