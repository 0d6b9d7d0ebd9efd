package org.continuum.workflow.grant;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.grant.control.GrantWorkflow;
import org.continuum.grant.boundary.GrantProcessCallbacks;
import org.continuum.platform.control.Roles;
import org.operaton.bpm.engine.delegate.DelegateTask;

import java.util.Optional;

/**
 * {@link GrantDecisionCheck} in the container: the decider must also have a decision recorded in our tables on this
 * grant (a task completed past the boundary has none), and every refusal is audited in its own transaction.
 */
@Stateless
@LocalBean
@PermitAll
@RunAs(Roles.SYSTEM)
public class GrantDecisionListener extends GrantDecisionCheck {

    @Inject
    GrantProcessCallbacks callbacks;

    @Override
    public Optional<String> refusal(DelegateTask task) {
        Optional<String> refusal = super.refusal(task);
        if (refusal.isPresent()) {
            return refusal;
        }
        return callbacks.decisionRecorded(grantId(task), task.getAssignee()) ? Optional.empty()
                : Optional.of("no-recorded-decision");
    }

    /** Declared here so that the bean's {@code @PermitAll} covers it (inherited methods carry no class annotation). */
    @Override
    public void notify(DelegateTask task) {
        super.notify(task);
    }

    @Override
    protected void refused(DelegateTask task, String reason) {
        callbacks.decisionRefused(grantId(task), task.getAssignee(), reason);
    }

    private static long grantId(DelegateTask task) {
        return ((Number) task.getVariable(GrantWorkflow.Var.GRANT_ID)).longValue();
    }
}
