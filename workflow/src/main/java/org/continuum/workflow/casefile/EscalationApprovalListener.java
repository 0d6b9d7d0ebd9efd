package org.continuum.workflow.casefile;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.platform.control.Roles;
import org.continuum.protection.boundary.EscalationProcessCallbacks;
import org.operaton.bpm.engine.delegate.DelegateTask;

/** {@link EscalationApprovalCheck} in the container: a refused decision is audited in its own transaction. */
@Stateless
@LocalBean
@PermitAll
@RunAs(Roles.SYSTEM)
public class EscalationApprovalListener extends EscalationApprovalCheck {

    @Inject
    EscalationProcessCallbacks gate;

    /** Declared here so that the bean's {@code @PermitAll} covers it (inherited methods carry no class annotation). */
    @Override
    public void notify(DelegateTask task) {
        super.notify(task);
    }

    @Override
    protected void refused(DelegateTask task, String reason) {
        gate.decisionRefused(((Number) task.getVariable(CaseWorkflow.Var.CASE_FILE_ID)).longValue(),
                task.getAssignee(), reason);
    }
}
