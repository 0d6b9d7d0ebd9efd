package org.continuum.intake.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.casefile.control.Consents;
import org.continuum.casefile.control.CaseFiles;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.identity.control.Caller;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.control.CaseGuard;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.control.TaskGuard;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.platform.control.InvalidInput;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.Consent;
import org.continuum.casefile.entity.ConsentPurpose;
import org.continuum.casefile.entity.DuplicateDecision;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.Urgency;
import org.continuum.casefile.entity.VerificationMethod;
import org.continuum.identity.control.Staff;
import org.continuum.platform.control.Roles;
import org.continuum.identity.entity.UserAccount;
import org.continuum.reference.control.Partners;
import org.continuum.reference.entity.Partner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Triage and verification, the caseworker's first two tasks on a case file: eligibility, urgency, duplicates
 * (found through the legal-name blind index, decided by the caseworker), the mentor who will assess the risk,
 * then verification of identity and story with consent per purpose.
 */
@Stateless
@RolesAllowed(Roles.CASEWORKER)
public class TriageService {

    @Inject
    Consents consents;

    @Inject
    Caller currentCaller;

    @Inject
    CaseFiles caseFiles;

    @Inject
    CaseEvents events;

    @Inject
    Staff staff;

    @Inject
    TaskGuard tasks;

    @Inject
    CaseGuard guard;

    @Inject
    CaseWorkflow workflow;


    @Inject
    Partners partners;

    @Inject
    AuditTrail audit;

    /** Other case files of the team for the same person (same legal-name blind index), newest first. */
    public List<DuplicateCandidate> possibleDuplicates(String taskId) {
        UserAccount caller = currentCaller.account();
        CaseFile c = tasks.open(caller, taskId, TaskKind.TRIAGE, AuditAction.TASK_OPENED).caseFile();
        return caseFiles.samePerson(c, 20).stream()
                .map(o -> new DuplicateCandidate(o.getId(), o.getReference(), o.getPseudonym(), o.getPhase(),
                        o.getCreatedAt()))
                .toList();
    }

    public void complete(String taskId, TriageDecision decision) {
        if (decision == null) {
            throw new InvalidInput("triage.missing");
        }
        UserAccount caller = currentCaller.account();
        TaskGuard.OpenTask open = tasks.open(caller, taskId, TaskKind.TRIAGE, AuditAction.CASE_TRIAGED);
        CaseFile caseFile = open.caseFile();
        DuplicateDecision duplicate = decision.duplicate() == null ? DuplicateDecision.NEW : decision.duplicate();
        CaseFile other = duplicate == DuplicateDecision.NEW || decision.otherCaseFileId() == null ? null
                : guard.open(caller, decision.otherCaseFileId(), AuditAction.CASE_TRIAGED);
        UserAccount mentor = decision.eligible() && duplicate != DuplicateDecision.MERGE
                ? staff.byUsername(decision.mentor()).orElseThrow(() -> new InvalidInput("triage.mentor.required"))
                : null;
        Partner referral = partners.chosen(decision.referralPartnerId());
        InvalidInput.whenRefused(() -> caseFile.completeTriage(new CaseFile.Triage(decision.eligible(),
                decision.urgency(), decision.note(), duplicate, other, mentor, referral), Instant.now()));
        String outcome = duplicate == DuplicateDecision.MERGE ? "DUPLICATE"
                : decision.eligible() ? "ELIGIBLE" : "INELIGIBLE";
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put(CaseWorkflow.Var.TRIAGE_OUTCOME, outcome);
        variables.put(CaseWorkflow.Var.ELIGIBLE, "ELIGIBLE".equals(outcome));
        if (mentor != null) {
            variables.put(CaseWorkflow.Var.MENTOR, mentor.getUsername());
        }
        workflow.complete(open.task().id(), caller.getUsername(), variables);
        String summary = "outcome=" + outcome + " urgency=" + decision.urgency() + " duplicate=" + duplicate
                + (other == null ? "" : " other=" + other.getReference())
                + (referral == null ? "" : " referral=" + referral.getCode());
        events.record(caseFile, caller.getUsername(), CaseEventKind.TRIAGED, summary, decision.note(),
                AuditAction.CASE_TRIAGED, summary);
        if (mentor != null && !mentor.getUsername().equals(caller.getUsername())) {
            events.notify(NotificationKind.CASE_ASSIGNED, caseFile, List.of(mentor),
                    "mentor=" + caseFile.getId() + ":" + mentor.getUsername());
        }
    }

    /** Verification of identity and story, with the requester's consents per purpose. */
    public void verify(String taskId, VerificationDecision decision) {
        if (decision == null) {
            throw new InvalidInput("verification.missing");
        }
        UserAccount caller = currentCaller.account();
        TaskGuard.OpenTask open = tasks.open(caller, taskId, TaskKind.VERIFY, AuditAction.CASE_VERIFIED);
        CaseFile caseFile = open.caseFile();
        if (!decision.verified() && (decision.note() == null || decision.note().isBlank())) {
            throw new InvalidInput("verification.reason.required");
        }
        Partner referral = partners.chosen(decision.referralPartnerId());
        if (referral != null && !sharingConsented(decision.consents(), referral)) {
            throw new InvalidInput("verification.referral.noConsent");
        }
        Instant now = Instant.now();
        List<Consent> consents = new ArrayList<>();
        for (ConsentChoice choice : decision.consents() == null ? List.<ConsentChoice>of() : decision.consents()) {
            consents.add(InvalidInput.whenRefused(() -> new Consent(caseFile.getId(), choice.purpose(),
                    partners.chosen(choice.partnerId()), choice.channel(), choice.granted(), now, caller.getUsername())));
        }
        InvalidInput.whenRefused(() -> caseFile.completeVerification(decision.verified(), decision.method(),
                referral, now));
        consents.forEach(this.consents::add);
        workflow.complete(open.task().id(), caller.getUsername(),
                Map.of(CaseWorkflow.Var.VERIFIED, decision.verified()));
        String summary = "verified=" + decision.verified()
                + (decision.method() == null ? "" : " method=" + decision.method())
                + " consents=" + consents.size() + (referral == null ? "" : " referral=" + referral.getCode());
        events.record(caseFile, caller.getUsername(), CaseEventKind.VERIFIED, summary, decision.note(),
                AuditAction.CASE_VERIFIED, summary);
        if (!consents.isEmpty()) {
            audit.record(caller.getUsername(), AuditAction.CONSENT_RECORDED, caseFile.getId(),
                    "count=" + consents.size());
        }
    }

    private static boolean sharingConsented(List<ConsentChoice> consents, Partner partner) {
        return consents != null && consents.stream().anyMatch(c -> c.purpose() == ConsentPurpose.SHARE_WITH_PARTNER
                && c.granted() && partner.getId().equals(c.partnerId()));
    }



    /** The caseworker's triage. {@code mentor} is a username; the ids come from the form's choices. */
    public record TriageDecision(boolean eligible, Urgency urgency, String note, DuplicateDecision duplicate,
                                 Long otherCaseFileId, String mentor, Long referralPartnerId) {
        @Override
        public String toString() {
            return "TriageDecision[eligible=" + eligible + ", urgency=" + urgency + ", duplicate=" + duplicate + "]";
        }
    }

    public record VerificationDecision(boolean verified, VerificationMethod method, String note,
                                       List<ConsentChoice> consents, Long referralPartnerId) {
        @Override
        public String toString() {
            return "VerificationDecision[verified=" + verified + ", method=" + method + "]";
        }
    }

    public record ConsentChoice(ConsentPurpose purpose, Long partnerId, Channel channel, boolean granted) {
    }

    public record DuplicateCandidate(long caseFileId, String reference, String pseudonym, Phase phase,
                                     Instant createdAt) implements Serializable {
    }
}
