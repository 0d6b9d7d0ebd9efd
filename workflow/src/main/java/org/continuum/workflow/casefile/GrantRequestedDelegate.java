package org.continuum.workflow.casefile;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.casefile.boundary.CaseProcessCallbacks;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.identity.entity.Roles;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

/**
 * The emergency-grant call point: the event sub-process that catches a grant request from any phase notes it on
 * the case. The grant process itself (its own issue) will be called from the same place.
 */
@Stateless
@LocalBean
@PermitAll
@RunAs(Roles.SYSTEM)
public class GrantRequestedDelegate implements JavaDelegate {

    @Inject
    CaseProcessCallbacks callbacks;

    @Override
    public void execute(DelegateExecution execution) {
        callbacks.emergencyGrantRequested(
                ((Number) execution.getVariable(CaseWorkflow.Var.CASE_FILE_ID)).longValue());
    }
}
