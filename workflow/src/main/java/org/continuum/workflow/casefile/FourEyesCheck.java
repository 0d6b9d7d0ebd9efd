package org.continuum.workflow.casefile;

import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;

import java.util.Optional;

/**
 * Four eyes checked by the process itself when a decision task completes: the task must have an assignee (the
 * decider), and it must not be the person named by a process variable (who proposed or recommended what is being
 * decided). A refusal fails the completion, so the whole transaction rolls back.
 */
public abstract class FourEyesCheck implements TaskListener {

    private final String otherPartyVariable;
    private final String missingReason;
    private final String sameReason;

    protected FourEyesCheck(String otherPartyVariable, String missingReason, String sameReason) {
        this.otherPartyVariable = otherPartyVariable;
        this.missingReason = missingReason;
        this.sameReason = sameReason;
    }

    public Optional<String> refusal(DelegateTask task) {
        Object otherParty = task.getVariable(otherPartyVariable);
        if (otherParty == null) {
            return Optional.of(missingReason);
        }
        if (task.getAssignee() == null) {
            return Optional.of("no-decider");
        }
        if (task.getAssignee().equals(otherParty)) {
            return Optional.of(sameReason);
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
