package org.continuum.workflow.casefile;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.platform.control.Roles;
import org.continuum.protection.boundary.EscalationProcessCallbacks;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

/**
 * The last-resort gate inside the process. It trusts no process variable: the proposal and its evidence are read
 * from our tables, and the proposer written here (over anything a caller may have set) is what the approval task's
 * four-eyes listener compares with.
 */
@Stateless
@LocalBean
@PermitAll
@RunAs(Roles.SYSTEM)
public class LastResortGateDelegate implements JavaDelegate {

    @Inject
    EscalationProcessCallbacks gate;

    @Override
    public void execute(DelegateExecution execution) {
        var proposer = gate.check(((Number) execution.getVariable(CaseWorkflow.Var.CASE_FILE_ID)).longValue());
        execution.setVariable(CaseWorkflow.Var.GATE_PASSED, proposer.isPresent());
        execution.setVariable(CaseWorkflow.Var.ESCALATION_PROPOSER, proposer.orElse(null));
    }
}
