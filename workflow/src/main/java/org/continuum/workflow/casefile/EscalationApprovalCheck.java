package org.continuum.workflow.casefile;

import org.continuum.casefile.control.CaseWorkflow;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;

import java.util.Optional;

/**
 * Four eyes on the relocation decision, checked by the process itself when the approval task completes: the task
 * must have an assignee (the decider) and it must not be the proposer recorded by the last-resort gate. A refusal
 * fails the completion, so the whole transaction rolls back.
 */
public class EscalationApprovalCheck implements TaskListener {

    public Optional<String> refusal(DelegateTask task) {
        Object proposer = task.getVariable(CaseWorkflow.Var.ESCALATION_PROPOSER);
        if (proposer == null) {
            return Optional.of("no-proposal");
        }
        if (task.getAssignee() == null) {
            return Optional.of("no-decider");
        }
        if (task.getAssignee().equals(proposer)) {
            return Optional.of("own-proposal");
        }
        return Optional.empty();
    }

    @Override
    public void notify(DelegateTask task) {
        refusal(task).ifPresent(reason -> {
            refused(task, reason);
            throw new ProcessEngineException("four-eyes: " + reason);
        });
    }

    /** Hook for the container's listener to audit the refusal before the completion fails. */
    protected void refused(DelegateTask task, String reason) {
    }
}
