package org.continuum.protection.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.casefile.control.TaskGuard;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.RelocationScope;
import org.continuum.identity.control.StepUps;
import org.continuum.identity.control.Caller;
import org.continuum.identity.entity.UserAccount;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.protection.control.Measures;
import org.continuum.protection.control.ReviewSchedule;
import org.continuum.protection.entity.Escalation;
import org.continuum.protection.entity.EvidenceKind;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The coordinator's decision on a relocation proposal: four eyes, so the proposer can never decide, whatever door
 * they use (this boundary refuses and audits; the process's task listener and a database constraint refuse too).
 */
@Stateless
@RolesAllowed(Roles.COORDINATOR)
public class EscalationService {

    @Inject
    Caller currentCaller;

    @Inject
    StepUps stepUps;

    @Inject
    TaskGuard tasks;

    @Inject
    CaseWorkflow workflow;

    @Inject
    Measures measures;

    @Inject
    CaseEvents events;


    @Inject
    AuditTrail audit;

    /** The pending proposal of the approval task, with its evidence, for the coordinator to read. */
    public ProposalView proposal(String taskId) {
        UserAccount caller = currentCaller.account();
        TaskGuard.OpenTask open = tasks.open(caller, taskId, TaskKind.APPROVE_ESCALATION, AuditAction.TASK_OPENED);
        Escalation e = measures.pendingEscalation(open.caseFile().getId())
                .orElseThrow(() -> new InvalidInput("escalation.notPending"));
        return new ProposalView(e.getScope(), e.getProposedBy(), e.getProposedAt(), e.getJustification(),
                e.getEvidence().stream().map(s -> new EvidenceView(s.getContinuumStep(), s.getKind(), s.getReason()))
                        .toList(),
                e.getProposedBy().equals(caller.getUsername()));
    }

    /** True when the caller must type their password and a fresh code again before approving a relocation. */
    public boolean stepUpNeeded() {
        return !stepUps.fresh(currentCaller.account(), Instant.now());
    }

    public void decide(String taskId, boolean approve, String note) {
        UserAccount caller = currentCaller.account();
        TaskGuard.OpenTask open = tasks.open(caller, taskId, TaskKind.APPROVE_ESCALATION,
                AuditAction.ESCALATION_DECIDED);
        CaseFile caseFile = open.caseFile();
        Escalation escalation = measures.pendingEscalation(caseFile.getId())
                .orElseThrow(() -> new InvalidInput("escalation.notPending"));
        if (escalation.getProposedBy().equals(caller.getUsername())) {
            audit.recordIndependently(caller.getUsername(), AuditAction.ESCALATION_DECIDED, caseFile.getId(),
                    AuditOutcome.DENIED, "four-eyes own-proposal");
            throw new CaseAccessDenied();
        }
        Instant now = Instant.now();
        if (approve && !stepUps.fresh(caller, now)) {
            // Approving a relocation is a step-up action, like moving money: password and a fresh code first.
            throw new InvalidInput("escalation.reauth.required");
        }
        InvalidInput.whenRefused(() -> escalation.decide(approve, caller.getUsername(), note, now));
        if (approve) {
            InvalidInput.whenRefused(() -> caseFile.escalationApproved(escalation.getScope(), now));
        } else {
            InvalidInput.whenRefused(() -> caseFile.backToProtectionPlan(
                    ReviewSchedule.nextReassessment(caseFile.getRiskLevel(), now), now));
        }
        workflow.complete(open.task().id(), caller.getUsername(),
                Map.of(CaseWorkflow.Var.ESCALATION_APPROVED, approve));
        events.record(caseFile, caller.getUsername(),
                approve ? CaseEventKind.ESCALATION_APPROVED : CaseEventKind.ESCALATION_REJECTED,
                "scope=" + escalation.getScope() + " proposer=" + escalation.getProposedBy(), note,
                AuditAction.ESCALATION_DECIDED,
                (approve ? "approved" : "rejected") + " scope=" + escalation.getScope());
    }


    public record EvidenceView(int step, EvidenceKind kind, String reason) implements Serializable {
    }

    public record ProposalView(RelocationScope scope, String proposedBy, Instant proposedAt, String justification,
                               List<EvidenceView> evidence, boolean ownProposal) implements Serializable {
    }
}
