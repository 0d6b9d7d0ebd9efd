package org.continuum.workflow.casefile;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.casefile.control.CaseWorkflow;
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
    GrantProcessCallbacks gate;

    @Override
    public void execute(DelegateExecution execution) {
        gate.reportOverdue(((Number) execution.getVariable(CaseWorkflow.Var.GRANT_ID)).longValue());
    }
}
