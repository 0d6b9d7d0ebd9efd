package org.continuum.workflow.referral;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.referral.control.ReferralWorkflow;
import org.continuum.platform.control.Roles;
import org.continuum.referral.boundary.ReferralProcessCallbacks;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

/** Fired by the answer-due timer of a referral: reminds the case team that the partner has not answered. */
@Stateless
@LocalBean
@PermitAll
@RunAs(Roles.SYSTEM)
public class FlagReferralOverdueDelegate implements JavaDelegate {

    @Inject
    ReferralProcessCallbacks callbacks;

    @Override
    public void execute(DelegateExecution execution) {
        callbacks.answerOverdue(((Number) execution.getVariable(ReferralWorkflow.Var.REFERRAL_ID)).longValue());
    }
}
