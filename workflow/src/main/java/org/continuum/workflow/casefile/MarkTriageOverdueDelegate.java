package org.continuum.workflow.casefile;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.casefile.boundary.CaseProcessCallbacks;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.platform.control.Roles;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

/**
 * Fired by the triage-deadline timer. Runs as {@link Roles#SYSTEM} because the job executor's threads carry no
 * user; only the engine calls it, through the expression {@code ${markTriageOverdueDelegate}}.
 */
@Stateless
@LocalBean
@PermitAll
@RunAs(Roles.SYSTEM)
public class MarkTriageOverdueDelegate implements JavaDelegate {

    @Inject
    CaseProcessCallbacks callbacks;

    @Override
    public void execute(DelegateExecution execution) {
        callbacks.triageDeadlinePassed(((Number) execution.getVariable(CaseWorkflow.Var.CASE_FILE_ID)).longValue());
    }
}
