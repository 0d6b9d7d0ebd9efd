package org.continuum.workflow.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.relocation.control.RouteWorkflow;
import org.continuum.workflow.engine.EngineHolder;
import org.operaton.bpm.engine.variable.VariableMap;
import org.operaton.bpm.engine.variable.Variables;

import java.time.Instant;
import java.util.Date;

/** The {@link RouteWorkflow} port on the embedded engine, in the caller's JTA transaction. */
@ApplicationScoped
public class OperatonRouteWorkflow implements RouteWorkflow {

    @Inject
    EngineHolder holder;

    @Override
    public String submitted(RouteStart start) {
        VariableMap variables = Variables.createVariables()
                .putValue(Var.APPLICATION_ID, start.applicationId())
                .putValue(CaseWorkflow.Var.CASE_FILE_ID, start.caseFileId())
                .putValue(CaseWorkflow.Var.CASE_REFERENCE, start.caseReference())
                .putValue(CaseWorkflow.Var.TEAM_CODE, start.teamCode())
                .putValue(Var.REMINDER_AT, Date.from(start.reminderAt()));
        return holder.engine().getRuntimeService().startProcessInstanceByKey(RouteProcess.PROCESS_KEY,
                start.caseReference() + "/A" + start.applicationId(), variables).getId();
    }

    @Override
    public boolean moved(String processInstanceId, String step, Instant reminderAt) {
        var runtime = holder.engine().getRuntimeService();
        if (processInstanceId == null || runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
                .eventName(RouteProcess.MOVED_MESSAGE).count() == 0) {
            return false;
        }
        runtime.createMessageCorrelation(RouteProcess.MOVED_MESSAGE).processInstanceId(processInstanceId)
                .setVariable(Var.STEP, step)
                .setVariable(Var.REMINDER_AT, reminderAt == null ? null : Date.from(reminderAt))
                .correlate();
        return true;
    }
}
