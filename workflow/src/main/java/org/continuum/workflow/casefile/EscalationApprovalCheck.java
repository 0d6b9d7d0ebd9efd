package org.continuum.workflow.casefile;

import org.continuum.casefile.control.CaseWorkflow;

/** Four eyes on the relocation decision: the decider is not the proposer recorded by the last-resort gate. */
public class EscalationApprovalCheck extends FourEyesCheck {

    public EscalationApprovalCheck() {
        super(CaseWorkflow.Var.ESCALATION_PROPOSER, "no-proposal", "own-proposal");
    }
}
