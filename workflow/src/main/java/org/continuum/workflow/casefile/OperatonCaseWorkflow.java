package org.continuum.workflow.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.casefile.control.TaskHead;
import org.continuum.casefile.control.WorkTask;
import org.continuum.workflow.engine.EngineHolder;
import org.continuum.workflow.engine.TaskReader;
import org.continuum.workflow.grant.GrantProcess;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.impl.cmd.AssignTaskCmd;
import org.operaton.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.engine.variable.VariableMap;
import org.operaton.bpm.engine.variable.Variables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@link CaseWorkflow} port on the embedded engine. Every call joins the caller's JTA transaction, so a case
 * file and its process commit or roll back together.
 */
@ApplicationScoped
public class OperatonCaseWorkflow implements CaseWorkflow {

    private static final int MAX_ID_LENGTH = 64;
    /** The processes whose user tasks appear in the inbox: the case process and the grant process it calls. */
    private static final String[] TASK_PROCESSES = {CaseFileProcessVariables.PROCESS_KEY,
            GrantProcess.PROCESS_KEY};

    @Inject
    EngineHolder holder;

    @Inject
    TaskReader tasks;

    @Inject
    KeptInboxes inboxes;

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

    /** The BPMN element each wait state starts before; an end state starts at its end event. */
    private static final Map<WaitState, String> ACTIVITY = new java.util.EnumMap<>(Map.ofEntries(
            Map.entry(WaitState.TRIAGE, "Task_Triage"),
            Map.entry(WaitState.VERIFICATION, "Task_Verify"),
            Map.entry(WaitState.ASSESSMENT, "Task_AssessRisk"),
            Map.entry(WaitState.PLANNING, "Task_PlanMeasures"),
            Map.entry(WaitState.MONITORING, "Gateway_Monitoring"),
            Map.entry(WaitState.REASSESSMENT, "Task_Reassess"),
            Map.entry(WaitState.LOCAL_CLOSURE_SIGN_OFF, "Task_SignOffLocalClosure"),
            Map.entry(WaitState.ESCALATION_APPROVAL, "Task_ApproveEscalation"),
            Map.entry(WaitState.RELOCATION_PREPARATION, "Task_PrepareRelocation"),
            Map.entry(WaitState.ARRIVAL, "Task_ConfirmArrival"),
            Map.entry(WaitState.EXILE_MONITORING, "Gateway_ExileWait"),
            Map.entry(WaitState.CHECK_IN, "Task_CheckIn"),
            Map.entry(WaitState.EXILE_REASSESSMENT, "Task_ExileReassess"),
            Map.entry(WaitState.CLOSURE_SIGN_OFF, "Task_SignOffClosure"),
            Map.entry(WaitState.CLOSED_AT_TRIAGE, "EndEvent_Ineligible"),
            Map.entry(WaitState.CLOSED_UNVERIFIED, "EndEvent_Unverifiable"),
            Map.entry(WaitState.CLOSED_IN_PLACE, "EndEvent_ClosedInPlace"),
            Map.entry(WaitState.CLOSED_AFTER_RELOCATION, "EndEvent_ClosedAfterRelocation")));

    /** Active BPMN ids while waiting: a task, or an event-based gateway (or the catch events behind it). */
    private static final Map<String, WaitState> WAITING = waiting();

    private static Map<String, WaitState> waiting() {
        Map<String, WaitState> byActivity = new HashMap<>();
        ACTIVITY.forEach((state, activity) -> {
            if (!state.isEnd()) {
                byActivity.put(activity, state);
            }
        });
        byActivity.put("TimerCatch_ReassessmentDue", WaitState.MONITORING);
        byActivity.put("MessageCatch_NewThreat", WaitState.MONITORING);
        byActivity.put("TimerCatch_CheckInDue", WaitState.EXILE_MONITORING);
        byActivity.put("MessageCatch_NewThreatInExile", WaitState.EXILE_MONITORING);
        return Map.copyOf(byActivity);
    }

    @Override
    public String startAt(CaseStart start, WaitState at, Map<String, Object> decisions) {
        VariableMap variables = Variables.createVariables()
                .putValue(Var.CASE_FILE_ID, start.caseFileId())
                .putValue(Var.CASE_REFERENCE, start.reference())
                .putValue(Var.TEAM_CODE, start.teamCode())
                .putValue(Var.TRIAGE_DEADLINE, start.triageDeadline().toString());
        decisions.forEach((name, value) -> variables.putValue(name, value instanceof Instant i ? Date.from(i) : value));
        return engine().getRuntimeService()
                .createProcessInstanceByKey(CaseFileProcessVariables.PROCESS_KEY)
                .businessKey(start.reference())
                .setVariables(variables)
                .startBeforeActivity(ACTIVITY.get(at))
                .execute(true, false)
                .getId();
    }

    @Override
    public Set<WaitState> waitStatesOf(String processInstanceId) {
        if (!plausibleId(processInstanceId)) {
            return Set.of();
        }
        var runtime = engine().getRuntimeService();
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            return Set.of();
        }
        Set<WaitState> states = java.util.EnumSet.noneOf(WaitState.class);
        for (String activity : runtime.getActiveActivityIds(processInstanceId)) {
            WaitState state = WAITING.get(activity);
            if (state != null) {
                states.add(state);
            }
        }
        return states;
    }

    @Override
    public long incidents() {
        return engine().getRuntimeService().createIncidentQuery().count();
    }

    /**
     * The inbox of a group in a team, as one join from the team's case variable to the open tasks of its processes.
     * The engine's task query asks the same with an EXISTS per task (variable, candidate group) over every open task
     * of every team, then sorts; at 100,000 case files that took seconds on H2 (P2). Same rows, same order.
     */
    private static final String TEAM_INBOX = "SELECT RES.* FROM ACT_RU_TASK RES"
            + " INNER JOIN ACT_RU_VARIABLE V ON V.PROC_INST_ID_ = RES.PROC_INST_ID_"
            + " WHERE V.NAME_ = #{variable} AND V.TEXT_ = '%s' AND V.TASK_ID_ IS NULL"
            + " AND RES.PROC_DEF_ID_ IN (%s) AND RES.SUSPENSION_STATE_ = 1"
            + " AND EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_"
            + " AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ = '%s')"
            + " ORDER BY RES.CREATE_TIME_ ASC, RES.ID_ ASC";

    /** What a team code or a candidate group may hold before it is written into {@link #TEAM_INBOX} as a literal. */
    private static final Pattern TEAM_CODE = Pattern.compile("[A-Z0-9-]{2,40}");
    private static final Pattern GROUP = Pattern.compile("[A-Z_]{2,40}");

    /**
     * The same inbox for H2, whose planner joins from the team's variables and sorts every match (130 ms a
     * coordinator's inbox at 100,000 case files): written as conditions on each task, H2 walks the tasks oldest first
     * by its (creation time, id) index (db/migration/h2) and stops at the page's end (20 ms). PostgreSQL plans the
     * join form better (5 ms against 20 ms for this one), so each database gets its own; same rows, same order.
     */
    private static final String TEAM_INBOX_H2 = "SELECT RES.* FROM ACT_RU_TASK RES WHERE RES.SUSPENSION_STATE_ = 1"
            + " AND EXISTS (SELECT 1 FROM ACT_RE_PROCDEF D WHERE D.ID_ = RES.PROC_DEF_ID_"
            + " AND D.KEY_ IN (#{caseProcess}, #{grantProcess}))"
            + " AND EXISTS (SELECT 1 FROM ACT_RU_VARIABLE V WHERE V.NAME_ = #{variable} AND V.TEXT_ = #{team}"
            + " AND V.TASK_ID_ IS NULL AND V.PROC_INST_ID_ = RES.PROC_INST_ID_)"
            + " AND EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_"
            + " AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ = #{group})"
            + " ORDER BY RES.CREATE_TIME_ ASC, RES.ID_ ASC";

    /** The open tasks assigned to one person, oldest first (the assignee first in the order, for H2). */
    private static final String ASSIGNED = "SELECT RES.* FROM ACT_RU_TASK RES WHERE RES.ASSIGNEE_ = #{assignee}"
            + " AND RES.PROC_DEF_ID_ IN (%s) AND RES.SUSPENSION_STATE_ = 1"
            + " ORDER BY RES.ASSIGNEE_ ASC, RES.CREATE_TIME_ ASC, RES.ID_ ASC";

    /** A process instance's history row, and its activities in the order they started. */
    private static final String INSTANCE = "SELECT RES.* FROM ACT_HI_PROCINST RES"
            + " WHERE RES.PROC_INST_ID_ = #{instance}";
    private static final String ACTIVITIES = "SELECT RES.* FROM ACT_HI_ACTINST RES"
            + " WHERE RES.PROC_INST_ID_ = #{instance}"
            + " ORDER BY RES.START_TIME_ ASC, RES.SEQUENCE_COUNTER_ ASC, RES.ID_ ASC";

    private static final String TASK_PROCESS_DEFINITIONS = "SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ IN (?, ?)"
            + " ORDER BY ID_";

    /** One open task of the task processes, by id. */
    private static final String OPEN_TASK = "SELECT RES.* FROM ACT_RU_TASK RES"
            + " INNER JOIN ACT_RE_PROCDEF D ON D.ID_ = RES.PROC_DEF_ID_"
            + " WHERE RES.ID_ = #{taskId} AND D.KEY_ IN (#{caseProcess}, #{grantProcess})"
            + " AND RES.SUSPENSION_STATE_ = 1";

    /** The open tasks of one case file's processes (its own and the grant processes it called), oldest first. */
    private static final String CASE_TASKS = "SELECT RES.* FROM ACT_RU_TASK RES"
            + " INNER JOIN ACT_RU_VARIABLE V ON V.PROC_INST_ID_ = RES.PROC_INST_ID_"
            + " INNER JOIN ACT_RE_PROCDEF D ON D.ID_ = RES.PROC_DEF_ID_"
            + " WHERE V.NAME_ = #{variable} AND V.LONG_ = #{caseFileId} AND V.TASK_ID_ IS NULL"
            + " AND D.KEY_ IN (#{caseProcess}, #{grantProcess}) AND RES.SUSPENSION_STATE_ = 1"
            + " ORDER BY RES.CREATE_TIME_ ASC, RES.ID_ ASC";

    @Override
    public List<TaskHead> openTaskHeads(String candidateGroup, String teamCode, int max) {
        if (!TEAM_CODE.matcher(teamCode).matches() || !GROUP.matcher(candidateGroup).matches()) {
            throw new IllegalArgumentException("not a team code and a candidate group");
        }
        return inboxes.get("group " + candidateGroup + " " + teamCode + " " + max,
                () -> readOpenTaskHeads(candidateGroup, teamCode, max));
    }

    private List<TaskHead> readOpenTaskHeads(String candidateGroup, String teamCode, int max) {
        if ("h2".equals(holder.configuration().getDatabaseType())) {
            return tasks.heads(engine().getTaskService().createNativeTaskQuery().sql(TEAM_INBOX_H2)
                    .parameter("variable", Var.TEAM_CODE)
                    .parameter("team", teamCode)
                    .parameter("caseProcess", TASK_PROCESSES[0])
                    .parameter("grantProcess", TASK_PROCESSES[1])
                    .parameter("group", candidateGroup)
                    .listPage(0, max));
        }
        // The processes' definitions (every deployed version) by id rather than a join on their keys: PostgreSQL
        // then knows that nearly every task qualifies and walks the tasks oldest first; with the join it guessed a
        // tenth, hashed every open task and sorted them (a coordinator's inbox 18-30 ms, now 5 ms, P2).
        // The team and the group are written into the statement, checked against their patterns first, not bound:
        // after five runs of one prepared statement PostgreSQL may keep a generic plan, made without their values.
        // That plan guessed 19 task variables for a team (there are 22,500), started from all of them and sorted
        // (36 ms a coordinator's inbox against 3.6 ms, and most of a team dashboard under 50 users). With the values
        // in the text, each team and group has its own statement, planned knowing them.
        var query = engine().getTaskService().createNativeTaskQuery();
        String definitions = definitionsOfTaskProcesses(query);
        return definitions.isEmpty() ? List.of() : tasks.heads(query.sql(String.format(Locale.ROOT, TEAM_INBOX,
                        teamCode, definitions, candidateGroup))
                .parameter("variable", Var.TEAM_CODE)
                .listPage(0, max));
    }

    /**
     * Placeholders for the ids of every deployed version of the task processes, their values set on {@code query};
     * empty when none is deployed.
     */
    private String definitionsOfTaskProcesses(org.operaton.bpm.engine.task.NativeTaskQuery query) {
        List<String> ids = definitionIdsOfTaskProcesses();
        StringBuilder placeholders = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            placeholders.append(i == 0 ? "" : ", ").append("#{definition").append(i).append('}');
            query.parameter("definition" + i, ids.get(i));
        }
        return placeholders.toString();
    }

    /**
     * The ids of every deployed version of the task processes, by one fixed statement: the engine's definition query
     * builds its SQL from its whole mapping at every call, and an inbox read asked it each time (P1: 2 % of a case
     * flow's CPU).
     */
    private List<String> definitionIdsOfTaskProcesses() {
        List<String> ids = new ArrayList<>();
        try (Connection c = holder.configuration().getDataSource().getConnection();
             PreparedStatement read = c.prepareStatement(TASK_PROCESS_DEFINITIONS)) {
            read.setString(1, TASK_PROCESSES[0]);
            read.setString(2, TASK_PROCESSES[1]);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The task processes' definitions could not be read", e);
        }
        return ids;
    }

    @Override
    public List<TaskHead> taskHeadsAssignedTo(String username, int max) {
        return inboxes.get("assignee " + username + " " + max, () -> readTaskHeadsAssignedTo(username, max));
    }

    private List<TaskHead> readTaskHeadsAssignedTo(String username, int max) {
        // The engine's task query joins the definitions by key and sorts all of the person's tasks (a mentor of
        // 4,000 case files: 20 ms on H2); by definition id, PostgreSQL walks the V29 index oldest first and stops.
        var query = engine().getTaskService().createNativeTaskQuery();
        String definitions = definitionsOfTaskProcesses(query);
        return definitions.isEmpty() ? List.of() : tasks.heads(query.sql(String.format(Locale.ROOT, ASSIGNED,
                        definitions))
                .parameter("assignee", username)
                .listPage(0, max));
    }

    @Override
    public List<WorkTask> describe(List<TaskHead> heads) {
        return tasks.describe(heads);
    }

    @Override
    public Optional<WorkTask> findOpenTask(String taskId) {
        if (!plausibleId(taskId)) {
            return Optional.empty();
        }
        // A fixed statement: the engine's task query builds its SQL from a mapping of hundreds of conditions at
        // every call, which was most of this lookup's time (P1: a tenth of a case flow's).
        Task task = engine().getTaskService().createNativeTaskQuery().sql(OPEN_TASK)
                .parameter("taskId", taskId)
                .parameter("caseProcess", TASK_PROCESSES[0])
                .parameter("grantProcess", TASK_PROCESSES[1])
                .singleResult();
        return task == null ? Optional.empty() : tasks.read(List.of(task)).stream().findFirst();
    }

    @Override
    public List<WorkTask> openTasksOf(long caseFileId) {
        return tasks.read(engine().getTaskService().createNativeTaskQuery().sql(CASE_TASKS)
                .parameter("variable", Var.CASE_FILE_ID)
                .parameter("caseFileId", caseFileId)
                .parameter("caseProcess", TASK_PROCESSES[0])
                .parameter("grantProcess", TASK_PROCESSES[1])
                .list());
    }

    @Override
    public void assign(String taskId, String username) {
        engine().getTaskService().setAssignee(taskId, username);
    }

    @Override
    public void complete(String taskId, String actor, Map<String, Object> variables) {
        VariableMap values = Variables.createVariables();
        variables.forEach((name, value) -> values.putValue(name, value instanceof Instant i ? Date.from(i) : value));
        // One engine command, not two: the task is read once and written once (deleted), and the listeners that
        // read the assignee (four eyes, grant decisions) see the actor (P1).
        holder.configuration().getCommandExecutorTxRequired().execute(context -> {
            new AssignTaskCmd(taskId, actor).execute(context);
            return new CompleteTaskCmd(taskId, values).execute(context);
        });
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
    public ProcessPosition position(String processInstanceId) {
        if (!plausibleId(processInstanceId)) {
            return new ProcessPosition(null, Set.of(), Set.of());
        }
        // Fixed statements, like the task lookup: the engine's history queries build their SQL from the whole
        // mapping at every call (most of this method's time on a case page, P2).
        var history = engine().getHistoryService();
        HistoricProcessInstance instance = history.createNativeHistoricProcessInstanceQuery().sql(INSTANCE)
                .parameter("instance", processInstanceId).singleResult();
        if (instance == null) {
            return new ProcessPosition(null, Set.of(), Set.of());
        }
        Set<String> active = new LinkedHashSet<>();
        Set<String> passed = new LinkedHashSet<>();
        for (HistoricActivityInstance a : history.createNativeHistoricActivityInstanceQuery().sql(ACTIVITIES)
                .parameter("instance", processInstanceId).list()) {
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
}
