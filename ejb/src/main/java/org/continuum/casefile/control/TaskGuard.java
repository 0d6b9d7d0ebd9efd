package org.continuum.casefile.control;

import org.continuum.platform.control.CaseAccessDenied;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.identity.entity.UserAccount;

/**
 * Opens a task for a caller, whichever boundary asks. A task id from a URL is never trusted: the task must be open,
 * of the expected kind, for a role the caller holds, not claimed by someone else, and its case file must pass the
 * need-to-know check. Every refusal is audited in its own transaction and answered the same way.
 */
@ApplicationScoped
public class TaskGuard {

    @Inject
    CaseWorkflow workflow;

    @Inject
    CaseGuard guard;

    @Inject
    AuditTrail audit;

    public OpenTask open(UserAccount caller, String taskId, TaskKind expected, AuditAction action) {
        WorkTask task = (taskId == null ? java.util.Optional.<WorkTask>empty() : workflow.findOpenTask(taskId))
                .filter(t -> expected == null || expected.definitionKey().equals(t.definitionKey()))
                .orElseThrow(() -> deny(caller, null, action, "task-not-found"));
        TaskKind kind = TaskKind.of(task.definitionKey())
                .orElseThrow(() -> deny(caller, task.caseFileId(), action, "task-unknown"));
        if (!caller.hasRole(kind.role())) {
            throw deny(caller, task.caseFileId(), action, "task-role " + kind.role());
        }
        if (task.assignee() != null && !task.assignee().equals(caller.getUsername())) {
            throw deny(caller, task.caseFileId(), action, "task-claimed-by-other");
        }
        CaseFile caseFile = guard.open(caller, task.caseFileId(), action);
        return new OpenTask(task, kind, caseFile);
    }

    private CaseAccessDenied deny(UserAccount caller, Long caseFileId, AuditAction action, String reason) {
        audit.recordIndependently(caller.getUsername(), action, caseFileId, AuditOutcome.DENIED, reason);
        return new CaseAccessDenied();
    }

    public record OpenTask(WorkTask task, TaskKind kind, CaseFile caseFile) {
    }
}
