package org.continuum.workflow.grant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.casefile.control.WorkTask;
import org.continuum.grant.control.GrantWorkflow;
import org.continuum.workflow.casefile.CaseFileProcessVariables;
import org.continuum.workflow.engine.EngineHolder;
import org.continuum.workflow.engine.TaskReader;
import org.operaton.bpm.engine.variable.VariableMap;
import org.operaton.bpm.engine.variable.Variables;

import java.util.Optional;

/**
 * The {@link GrantWorkflow} port on the embedded engine. Every call joins the caller's JTA transaction, so a grant
 * and its process commit or roll back together.
 */
@ApplicationScoped
public class OperatonGrantWorkflow implements GrantWorkflow {

    @Inject
    EngineHolder holder;

    @Inject
    TaskReader tasks;

    @Override
    public String requested(String caseProcessInstanceId, GrantStart start) {
        var runtime = holder.engine().getRuntimeService();
        VariableMap grant = Variables.createVariables()
                .putValue(Var.GRANT_ID, start.grantId())
                .putValue(Var.GRANT_REFERENCE, start.grantReference())
                .putValue(Var.GRANT_RECOMMENDER, start.recommender());
        boolean caseListens = caseProcessInstanceId != null && runtime.createEventSubscriptionQuery()
                .processInstanceId(caseProcessInstanceId).eventType("message")
                .eventName(CaseFileProcessVariables.GRANT_REQUESTED_MESSAGE).count() > 0;
        if (!caseListens) {
            grant.putValue(CaseWorkflow.Var.CASE_FILE_ID, start.caseFileId())
                    .putValue(CaseWorkflow.Var.CASE_REFERENCE, start.caseReference())
                    .putValue(CaseWorkflow.Var.TEAM_CODE, start.teamCode());
            return runtime.startProcessInstanceByKey(GrantProcess.PROCESS_KEY, start.grantReference(), grant).getId();
        }
        // The variables go to the event sub-process instance, so two grants of one case never share them.
        runtime.createMessageCorrelation(CaseFileProcessVariables.GRANT_REQUESTED_MESSAGE)
                .processInstanceId(caseProcessInstanceId)
                .setVariablesToTriggeredScope(grant)
                .correlate();
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(GrantProcess.PROCESS_KEY)
                .processInstanceBusinessKey(start.grantReference())
                .singleResult().getId();
    }

    @Override
    public Optional<WorkTask> openTask(long grantId) {
        return tasks.read(holder.engine().getTaskService().createTaskQuery()
                .processDefinitionKey(GrantProcess.PROCESS_KEY)
                .processVariableValueEquals(Var.GRANT_ID, grantId)
                .active().list()).stream().findFirst();
    }
}
