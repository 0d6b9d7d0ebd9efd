package org.continuum.workflow.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.casefile.control.WorkTask;
import org.continuum.workflow.engine.EngineHolder;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.engine.variable.VariableMap;
import org.operaton.bpm.engine.variable.Variables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link CaseWorkflow} port on the embedded engine. Every call joins the caller's JTA transaction, so a case
 * file and its process commit or roll back together.
 */
@ApplicationScoped
public class OperatonCaseWorkflow implements CaseWorkflow {

    private static final int MAX_ID_LENGTH = 64;
    /** The processes whose user tasks appear in the inbox: the case process and the grant process it calls. */
    private static final String[] TASK_PROCESSES = {CaseFileProcessVariables.PROCESS_KEY,
            CaseFileProcessVariables.GRANT_PROCESS_KEY};

    @Inject
    EngineHolder holder;

    private ProcessEngine engine() {
        return holder.engine();
    }

    @Override
    public String start(CaseStart start) {
        Instant dueAt = Instant.now().plus(start.triageDeadline());
        Map<String, Object> variables = Variables.createVariables()
                .putValue(Var.CASE_FILE_ID, start.caseFileId())
                .putValue(Var.CASE_REFERENCE, start.reference())
                .putValue(Var.TEAM_CODE, start.teamCode())
                .putValue(Var.TRIAGE_DEADLINE, start.triageDeadline().toString())
                .putValue(Var.TRIAGE_DUE_AT, Date.from(dueAt));
        return engine().getRuntimeService()
                .startProcessInstanceByKey(CaseFileProcessVariables.PROCESS_KEY, start.reference(), variables)
                .getId();
    }

    @Override
    public List<WorkTask> openTasks(String candidateGroup, String teamCode, int max) {
        return toWorkTasks(engine().getTaskService().createTaskQuery()
                .processDefinitionKeyIn(TASK_PROCESSES)
                .taskCandidateGroup(candidateGroup)
                .includeAssignedTasks()
                .processVariableValueEquals(Var.TEAM_CODE, teamCode)
                .active()
                .orderByTaskCreateTime().asc()
                .listPage(0, max));
    }

    @Override
    public List<WorkTask> tasksAssignedTo(String username, int max) {
        return toWorkTasks(engine().getTaskService().createTaskQuery()
                .processDefinitionKeyIn(TASK_PROCESSES)
                .taskAssignee(username)
                .active()
                .orderByTaskCreateTime().asc()
                .listPage(0, max));
    }

    @Override
    public Optional<WorkTask> findOpenTask(String taskId) {
        if (!plausibleId(taskId)) {
            return Optional.empty();
        }
        Task task = engine().getTaskService().createTaskQuery().taskId(taskId)
                .processDefinitionKeyIn(TASK_PROCESSES).active().singleResult();
        return task == null ? Optional.empty() : toWorkTasks(List.of(task)).stream().findFirst();
    }

    @Override
    public List<WorkTask> openTasksOf(long caseFileId) {
        return toWorkTasks(engine().getTaskService().createTaskQuery()
                .processDefinitionKeyIn(TASK_PROCESSES)
                .processVariableValueEquals(Var.CASE_FILE_ID, caseFileId)
                .active().orderByTaskCreateTime().asc().list());
    }

    @Override
    public void assign(String taskId, String username) {
        engine().getTaskService().setAssignee(taskId, username);
    }

    @Override
    public void complete(String taskId, String actor, Map<String, Object> variables) {
        VariableMap values = Variables.createVariables();
        variables.forEach((name, value) -> values.putValue(name, value instanceof Instant i ? Date.from(i) : value));
        engine().getTaskService().setAssignee(taskId, actor);
        engine().getTaskService().complete(taskId, values);
    }

    @Override
    public void setMentor(String processInstanceId, String mentor) {
        var runtime = engine().getRuntimeService();
        Object previous = runtime.getVariable(processInstanceId, Var.MENTOR);
        runtime.setVariable(processInstanceId, Var.MENTOR, mentor);
        if (previous != null) {
            engine().getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                    .taskAssignee(previous.toString()).list()
                    .forEach(t -> engine().getTaskService().setAssignee(t.getId(), mentor));
        }
    }

    @Override
    public boolean newThreatReported(String processInstanceId) {
        var runtime = engine().getRuntimeService();
        long waiting = runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
                .eventType("message").eventName(CaseFileProcessVariables.NEW_THREAT_MESSAGE).count();
        if (waiting == 0) {
            return false;
        }
        runtime.createMessageCorrelation(CaseFileProcessVariables.NEW_THREAT_MESSAGE)
                .processInstanceId(processInstanceId).correlate();
        return true;
    }

    @Override
    public String grantRequested(String caseProcessInstanceId, GrantStart start) {
        var runtime = engine().getRuntimeService();
        VariableMap grant = Variables.createVariables()
                .putValue(Var.GRANT_ID, start.grantId())
                .putValue(Var.GRANT_REFERENCE, start.grantReference())
                .putValue(Var.GRANT_RECOMMENDER, start.recommender());
        boolean caseListens = caseProcessInstanceId != null && runtime.createEventSubscriptionQuery()
                .processInstanceId(caseProcessInstanceId).eventType("message")
                .eventName(CaseFileProcessVariables.GRANT_REQUESTED_MESSAGE).count() > 0;
        if (!caseListens) {
            grant.putValue(Var.CASE_FILE_ID, start.caseFileId())
                    .putValue(Var.CASE_REFERENCE, start.caseReference())
                    .putValue(Var.TEAM_CODE, start.teamCode());
            return runtime.startProcessInstanceByKey(CaseFileProcessVariables.GRANT_PROCESS_KEY,
                    start.grantReference(), grant).getId();
        }
        // The variables go to the event sub-process instance, so two grants of one case never share them.
        runtime.createMessageCorrelation(CaseFileProcessVariables.GRANT_REQUESTED_MESSAGE)
                .processInstanceId(caseProcessInstanceId)
                .setVariablesToTriggeredScope(grant)
                .correlate();
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(CaseFileProcessVariables.GRANT_PROCESS_KEY)
                .processInstanceBusinessKey(start.grantReference())
                .singleResult().getId();
    }

    @Override
    public String referralSent(ReferralStart start) {
        VariableMap variables = Variables.createVariables()
                .putValue(Var.REFERRAL_ID, start.referralId())
                .putValue(Var.CASE_FILE_ID, start.caseFileId())
                .putValue(Var.CASE_REFERENCE, start.caseReference())
                .putValue(Var.TEAM_CODE, start.teamCode())
                .putValue(Var.ANSWER_DUE_AT, Date.from(start.answerDueAt()));
        return engine().getRuntimeService().startProcessInstanceByKey(CaseFileProcessVariables.REFERRAL_PROCESS_KEY,
                start.caseReference() + "/R" + start.referralId(), variables).getId();
    }

    @Override
    public boolean referralAnswered(String processInstanceId) {
        var runtime = engine().getRuntimeService();
        if (processInstanceId == null || runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
                .eventName(CaseFileProcessVariables.REFERRAL_ANSWERED_MESSAGE).count() == 0) {
            return false;
        }
        runtime.createMessageCorrelation(CaseFileProcessVariables.REFERRAL_ANSWERED_MESSAGE)
                .processInstanceId(processInstanceId).correlate();
        return true;
    }

    @Override
    public Optional<WorkTask> openGrantTask(long grantId) {
        List<Task> open = engine().getTaskService().createTaskQuery()
                .processDefinitionKey(CaseFileProcessVariables.GRANT_PROCESS_KEY)
                .processVariableValueEquals(Var.GRANT_ID, grantId)
                .active().list();
        return toWorkTasks(open).stream().findFirst();
    }

    @Override
    public ProcessPosition position(String processInstanceId) {
        var history = engine().getHistoryService();
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return new ProcessPosition(null, Set.of(), Set.of());
        }
        Set<String> active = new LinkedHashSet<>();
        Set<String> passed = new LinkedHashSet<>();
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc().list()) {
            (a.getEndTime() == null ? active : passed).add(a.getActivityId());
        }
        passed.removeAll(active);
        return new ProcessPosition(instance.getProcessDefinitionId(), active, passed);
    }

    @Override
    public Optional<String> diagram(String processDefinitionId) {
        if (!plausibleId(processDefinitionId) && (processDefinitionId == null || processDefinitionId.length() > 200)) {
            return Optional.empty();
        }
        try (InputStream in = engine().getRepositoryService().getProcessModel(processDefinitionId)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean plausibleId(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH;
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
                .variableNameIn(Var.CASE_FILE_ID, Var.CASE_REFERENCE, Var.TEAM_CODE, Var.GRANT_ID)
                .list()
                .forEach(v -> variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
                        .put(v.getName(), v.getValue()));
        return tasks.stream().map(task -> {
            Map<String, Object> vars = variables.getOrDefault(task.getProcessInstanceId(), Map.of());
            return new WorkTask(task.getId(), task.getTaskDefinitionKey(),
                    ((Number) vars.get(Var.CASE_FILE_ID)).longValue(),
                    (String) vars.get(Var.CASE_REFERENCE),
                    (String) vars.get(Var.TEAM_CODE),
                    task.getCreateTime().toInstant(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                    task.getAssignee(),
                    vars.get(Var.GRANT_ID) == null ? null : ((Number) vars.get(Var.GRANT_ID)).longValue());
        }).toList();
    }
}
