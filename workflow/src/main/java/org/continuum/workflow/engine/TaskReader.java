package org.continuum.workflow.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.continuum.casefile.control.CaseWorkflow.Var;
import org.continuum.casefile.control.WorkTask;
import org.continuum.grant.control.GrantWorkflow;
import org.operaton.bpm.engine.task.Task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns engine tasks into the domain's {@link WorkTask}s, for every process port that lists tasks. */
@ApplicationScoped
public class TaskReader {

    @Inject
    EngineHolder holder;

    /** Reads the case variables of all the tasks' process instances in one query (not one per task). */
    public List<WorkTask> read(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        String[] instances = tasks.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
        Map<String, Map<String, Object>> variables = new HashMap<>();
        holder.engine().getRuntimeService().createVariableInstanceQuery()
                .processInstanceIdIn(instances)
                .variableNameIn(Var.CASE_FILE_ID, Var.CASE_REFERENCE, Var.TEAM_CODE, GrantWorkflow.Var.GRANT_ID)
                .list()
                .forEach(v -> variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
                        .put(v.getName(), v.getValue()));
        // A task whose process ended between the two queries (someone completed it meanwhile) has no variables any
        // more: it is no longer open, so it is left out rather than read half.
        return tasks.stream().filter(task -> variables.containsKey(task.getProcessInstanceId())
                && variables.get(task.getProcessInstanceId()).get(Var.CASE_FILE_ID) != null).map(task -> {
            Map<String, Object> vars = variables.get(task.getProcessInstanceId());
            Object grantId = vars.get(GrantWorkflow.Var.GRANT_ID);
            return new WorkTask(task.getId(), task.getTaskDefinitionKey(),
                    ((Number) vars.get(Var.CASE_FILE_ID)).longValue(),
                    (String) vars.get(Var.CASE_REFERENCE),
                    (String) vars.get(Var.TEAM_CODE),
                    task.getCreateTime().toInstant(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                    task.getAssignee(),
                    grantId == null ? null : ((Number) grantId).longValue());
        }).toList();
    }
}
