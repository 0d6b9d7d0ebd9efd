package org.continuum.workflow.casefile;

import org.continuum.casefile.control.CaseWorkflow;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;

import java.util.Optional;

/**
 * Four eyes on a grant decision, checked by the process when a decision task completes: the task has an assignee
 * (the decider) who is not the recommender. The container's listener also asks our tables whether that person
 * recorded a decision on this grant. A refusal fails the completion, so the whole transaction rolls back.
 */
public class GrantDecisionCheck implements TaskListener {

    public Optional<String> refusal(DelegateTask task) {
        Object recommender = task.getVariable(CaseWorkflow.Var.GRANT_RECOMMENDER);
        if (recommender == null) {
            return Optional.of("no-recommender");
        }
        if (task.getAssignee() == null) {
            return Optional.of("no-decider");
        }
        if (task.getAssignee().equals(recommender)) {
            return Optional.of("own-recommendation");
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
