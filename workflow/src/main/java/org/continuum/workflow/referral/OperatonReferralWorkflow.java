package org.continuum.workflow.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.referral.control.ReferralWorkflow;
import org.continuum.workflow.engine.EngineHolder;
import org.operaton.bpm.engine.variable.VariableMap;
import org.operaton.bpm.engine.variable.Variables;

import java.util.Date;

/** The {@link ReferralWorkflow} port on the embedded engine, in the caller's JTA transaction. */
@ApplicationScoped
public class OperatonReferralWorkflow implements ReferralWorkflow {

    @Inject
    EngineHolder holder;

    @Override
    public String sent(ReferralStart start) {
        VariableMap variables = Variables.createVariables()
                .putValue(Var.REFERRAL_ID, start.referralId())
                .putValue(CaseWorkflow.Var.CASE_FILE_ID, start.caseFileId())
                .putValue(CaseWorkflow.Var.CASE_REFERENCE, start.caseReference())
                .putValue(CaseWorkflow.Var.TEAM_CODE, start.teamCode())
                .putValue(Var.ANSWER_DUE_AT, Date.from(start.answerDueAt()));
        return holder.engine().getRuntimeService().startProcessInstanceByKey(ReferralProcess.PROCESS_KEY,
                start.caseReference() + "/R" + start.referralId(), variables).getId();
    }

    @Override
    public boolean answered(String processInstanceId) {
        var runtime = holder.engine().getRuntimeService();
        if (processInstanceId == null || runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
                .eventName(ReferralProcess.ANSWERED_MESSAGE).count() == 0) {
            return false;
        }
        runtime.createMessageCorrelation(ReferralProcess.ANSWERED_MESSAGE)
                .processInstanceId(processInstanceId).correlate();
        return true;
    }
}
