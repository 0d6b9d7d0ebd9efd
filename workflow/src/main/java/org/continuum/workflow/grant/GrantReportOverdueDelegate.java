package org.continuum.workflow.grant;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.grant.control.GrantWorkflow;
import org.continuum.grant.boundary.GrantProcessCallbacks;
import org.continuum.platform.control.Roles;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

/** Fired by the report-due timer of a grant: flags the accountability report overdue for the coordinators. */
@Stateless
@LocalBean
@PermitAll
@RunAs(Roles.SYSTEM)
public class GrantReportOverdueDelegate implements JavaDelegate {

    @Inject
    GrantProcessCallbacks callbacks;

    @Override
    public void execute(DelegateExecution execution) {
        callbacks.reportOverdue(((Number) execution.getVariable(GrantWorkflow.Var.GRANT_ID)).longValue());
    }
}
