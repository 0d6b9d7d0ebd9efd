package org.continuum.workflow.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.casefile.control.WorkTask;
import org.continuum.workflow.engine.EngineHolder;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.engine.variable.Variables;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link CaseWorkflow} port on the embedded engine. Every call joins the caller's JTA transaction, so a case
 * file and its process commit or roll back together.
 */
@ApplicationScoped
public class OperatonCaseWorkflow implements CaseWorkflow {

    @Inject
    EngineHolder holder;

    private ProcessEngine engine() {
        return holder.engine();
    }

    @Override
    public String start(CaseStart start) {
        Instant dueAt = Instant.now().plus(start.triageDeadline());
        Map<String, Object> variables = Variables.createVariables()
                .putValue(CaseFileProcessVariables.CASE_FILE_ID, start.caseFileId())
                .putValue(CaseFileProcessVariables.CASE_REFERENCE, start.reference())
                .putValue(CaseFileProcessVariables.TEAM_CODE, start.teamCode())
                .putValue(CaseFileProcessVariables.TRIAGE_DEADLINE, start.triageDeadline().toString())
                .putValue(CaseFileProcessVariables.TRIAGE_DUE_AT, java.util.Date.from(dueAt));
        return engine().getRuntimeService()
                .startProcessInstanceByKey(CaseFileProcessVariables.PROCESS_KEY, start.reference(), variables)
                .getId();
    }

    @Override
    public List<WorkTask> openTasks(String candidateGroup, String teamCode, int max) {
        return toWorkTasks(engine().getTaskService().createTaskQuery()
                .processDefinitionKey(CaseFileProcessVariables.PROCESS_KEY)
                .taskCandidateGroup(candidateGroup)
                .processVariableValueEquals(CaseFileProcessVariables.TEAM_CODE, teamCode)
                .active()
                .orderByTaskCreateTime().asc()
                .listPage(0, max));
    }

    @Override
    public Optional<WorkTask> findOpenTask(String taskId) {
        if (taskId == null || taskId.isBlank() || taskId.length() > 64) {
            return Optional.empty();
        }
        Task task = engine().getTaskService().createTaskQuery().taskId(taskId)
                .processDefinitionKey(CaseFileProcessVariables.PROCESS_KEY).active().singleResult();
        return task == null ? Optional.empty() : toWorkTasks(List.of(task)).stream().findFirst();
    }

    @Override
    public List<WorkTask> openTasksOf(long caseFileId) {
        return toWorkTasks(engine().getTaskService().createTaskQuery()
                .processDefinitionKey(CaseFileProcessVariables.PROCESS_KEY)
                .processVariableValueEquals(CaseFileProcessVariables.CASE_FILE_ID, caseFileId)
                .active().orderByTaskCreateTime().asc().list());
    }

    @Override
    public void completeTriage(String taskId, boolean eligible) {
        engine().getTaskService().complete(taskId,
                Variables.createVariables().putValue(CaseFileProcessVariables.ELIGIBLE, eligible));
    }

    /** Reads the case variables of all the tasks' process instances in one query (not one per task). */
    private List<WorkTask> toWorkTasks(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        String[] instances = tasks.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
        Map<String, Map<String, Object>> variables = new HashMap<>();
        engine().getRuntimeService().createVariableInstanceQuery()
                .processInstanceIdIn(instances)
                .variableNameIn(CaseFileProcessVariables.CASE_FILE_ID, CaseFileProcessVariables.CASE_REFERENCE,
                        CaseFileProcessVariables.TEAM_CODE)
                .list()
                .forEach(v -> variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
                        .put(v.getName(), v.getValue()));
        return tasks.stream().map(task -> {
            Map<String, Object> vars = variables.getOrDefault(task.getProcessInstanceId(), Map.of());
            return new WorkTask(task.getId(), task.getTaskDefinitionKey(),
                    ((Number) vars.get(CaseFileProcessVariables.CASE_FILE_ID)).longValue(),
                    (String) vars.get(CaseFileProcessVariables.CASE_REFERENCE),
                    (String) vars.get(CaseFileProcessVariables.TEAM_CODE),
                    task.getCreateTime().toInstant(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant());
        }).toList();
    }
}
