package org.continuum.intake.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.casefile.control.CaseAccessDenied;
import org.continuum.casefile.control.CaseGuard;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.casefile.control.InvalidInput;
import org.continuum.casefile.control.WorkTask;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Urgency;
import org.continuum.identity.control.Staff;
import org.continuum.identity.entity.Roles;
import org.continuum.identity.entity.UserAccount;

import java.time.Instant;

/**
 * The triage task. A task id from a URL is never trusted: the task must be an open triage task and its case file
 * must pass the need-to-know check, otherwise the attempt is audited and refused like a missing case file.
 */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.COORDINATOR})
public class TriageService {

    @Resource
    SessionContext context;

    @Inject
    Staff staff;

    @Inject
    CaseGuard guard;

    @Inject
    CaseWorkflow workflow;

    @Inject
    AuditTrail audit;

    /** Opens a triage task for its form: the task and the case file it is about. */
    public TriageTask open(String taskId) {
        UserAccount caller = caller();
        WorkTask task = triageTask(caller, taskId);
        CaseFile caseFile = guard.open(caller, task.caseFileId(), AuditAction.TASK_OPENED);
        audit.record(caller.getUsername(), AuditAction.TASK_OPENED, caseFile.getId(), CaseWorkflow.TRIAGE_TASK);
        return new TriageTask(task, caseFile.getReference(), caseFile.getPseudonym(), caseFile.getUrgency(),
                caseFile.getRequestType().name(), caseFile.getSituation().name(), caseFile.getCountry());
    }

    public void complete(String taskId, TriageDecision decision) {
        if (decision == null) {
            throw new InvalidInput("triage.missing");
        }
        UserAccount caller = caller();
        WorkTask task = triageTask(caller, taskId);
        CaseFile caseFile = guard.open(caller, task.caseFileId(), AuditAction.CASE_TRIAGED);
        try {
            caseFile.completeTriage(decision.eligible(), decision.urgency(), decision.note(), Instant.now());
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException rejected) {
            throw new InvalidInput(rejected.getMessage());
        }
        workflow.completeTriage(task.id(), decision.eligible());
        audit.record(caller.getUsername(), AuditAction.CASE_TRIAGED, caseFile.getId(),
                "eligible=" + decision.eligible() + " urgency=" + decision.urgency());
    }

    private WorkTask triageTask(UserAccount caller, String taskId) {
        return (taskId == null ? java.util.Optional.<WorkTask>empty() : workflow.findOpenTask(taskId))
                .filter(t -> CaseWorkflow.TRIAGE_TASK.equals(t.definitionKey()))
                .orElseThrow(() -> {
                    audit.recordIndependently(caller.getUsername(), AuditAction.TASK_OPENED, null,
                            AuditOutcome.DENIED, "task-not-found");
                    return new CaseAccessDenied();
                });
    }

    private UserAccount caller() {
        return staff.caller(context.getCallerPrincipal().getName());
    }

    public record TriageDecision(boolean eligible, Urgency urgency, String note) {
        @Override
        public String toString() {
            return "TriageDecision[eligible=" + eligible + ", urgency=" + urgency + "]";
        }
    }

    public record TriageTask(WorkTask task, String reference, String pseudonym, Urgency urgency, String requestType,
                             String situation, String country) {
    }
}
