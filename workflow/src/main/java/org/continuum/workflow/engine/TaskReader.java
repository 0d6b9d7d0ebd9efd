package org.continuum.workflow.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.continuum.casefile.control.CaseWorkflow.Var;
import org.continuum.casefile.control.TaskHead;
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

    /** The tasks with their case variables, read for all the tasks' process instances in one query. */
    public List<WorkTask> read(List<Task> tasks) {
        return describe(heads(tasks));
    }

    /** What the task rows alone tell, without a query. */
    public List<TaskHead> heads(List<Task> tasks) {
        return tasks.stream().map(task -> new TaskHead(task.getId(), task.getTaskDefinitionKey(),
                task.getProcessInstanceId(), task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getAssignee())).toList();
    }

    /** Reads the case variables of all the tasks' process instances in one query (not one per task). */
    public List<WorkTask> describe(List<TaskHead> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        String[] instances = tasks.stream().map(TaskHead::processInstanceId).distinct().toArray(String[]::new);
        Map<String, Map<String, Object>> variables = new HashMap<>();
        holder.engine().getRuntimeService().createVariableInstanceQuery()
                .processInstanceIdIn(instances)
                .variableNameIn(Var.CASE_FILE_ID, Var.CASE_REFERENCE, Var.TEAM_CODE, GrantWorkflow.Var.GRANT_ID)
                .list()
                .forEach(v -> variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
                        .put(v.getName(), v.getValue()));
        // A task whose process ended between the two queries (someone completed it meanwhile) has no variables any
        // more: it is no longer open, so it is left out rather than read half.
        return tasks.stream().filter(task -> variables.containsKey(task.processInstanceId())
                && variables.get(task.processInstanceId()).get(Var.CASE_FILE_ID) != null).map(task -> {
            Map<String, Object> vars = variables.get(task.processInstanceId());
            Object grantId = vars.get(GrantWorkflow.Var.GRANT_ID);
            return new WorkTask(task.id(), task.definitionKey(),
                    ((Number) vars.get(Var.CASE_FILE_ID)).longValue(),
                    (String) vars.get(Var.CASE_REFERENCE),
                    (String) vars.get(Var.TEAM_CODE),
                    task.created(), task.due(), task.assignee(),
                    grantId == null ? null : ((Number) grantId).longValue());
        }).toList();
    }
}
