package org.continuum.intake.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.identity.control.Staff;
import org.continuum.identity.entity.Team;
import org.continuum.intake.control.MailIntakes;
import org.continuum.intake.control.PublicGate;
import org.continuum.intake.control.PublicRequest;
import org.continuum.intake.control.ReceiptCodes;
import org.continuum.intake.entity.MailIntake;
import org.continuum.platform.control.InvalidInput;

import java.time.Instant;
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
        Team team = team().orElseThrow(() -> new InvalidInput("request.closed"));
        PublicGate.TokenCheck check = gate.check(token);
        if (!check.valid()) {
            throw new InvalidInput(check.refusal());
        }
        if (request == null) {
            throw new InvalidInput(List.of("request.name.required", "request.situation.required"));
        }
        request.checked();
        if (queue.statusOf(check.digest()).isPresent()) {
            throw new InvalidInput("request.token.used");
        }
        if (!gate.requestAllowed(address)) {
            throw new InvalidInput("request.busy");
        }
        String code = receipts.newCode();
        String digits = ReceiptCodes.digits(code).orElseThrow();
        MailIntake draft = MailIntake.webRequest(check.digest(), team, Instant.now(), request.name(),
                request.situation(), request.details(), receipts.index(digits), receipts.hash(digits));
        queue.add(draft, List.of());
        gate.requestStored(address);
        audit.record(ACTOR, AuditAction.WEB_REQUEST_RECEIVED, null, "mail=" + draft.getId());
        return code;
    }

    /**
     * The rough state of the request this receipt code belongs to, or empty for a wrong code (the answer never says
     * whether a code exists). Wrong codes are counted per address and in all; past the limit every code is refused
     * with {@code request.code.busy} for a while.
     */
    public Optional<RoughState> status(String typedCode, String address) {
        if (!gate.codeAllowed(address)) {
            throw new InvalidInput("request.code.busy");
        }
        Optional<String> digits = ReceiptCodes.digits(typedCode);
        if (digits.isEmpty()) {
            gate.codeWrong(address);
            return Optional.empty();
        }
        Optional<MailIntake> request = queue.byReceipt(receipts.index(digits.get()));
        if (request.isEmpty()) {
            receipts.decoy(digits.get());
            gate.codeWrong(address);
            return Optional.empty();
        }
        if (!receipts.matches(digits.get(), request.get().getReceiptHash())) {
            gate.codeWrong(address);
            return Optional.empty();
        }
        return Optional.of(stateOf(request.get()));
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
