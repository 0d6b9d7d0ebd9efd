package org.continuum.workflow.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.continuum.casefile.control.CaseWorkflow.Var;
import org.continuum.casefile.control.TaskHead;
import org.continuum.casefile.control.WorkTask;
import org.continuum.grant.control.GrantWorkflow;
import org.operaton.bpm.engine.task.Task;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns engine tasks into the domain's {@link WorkTask}s, for every process port that lists tasks. */
@ApplicationScoped
public class TaskReader {

    private static final String[] CASE_VARIABLE_NAMES = {Var.CASE_FILE_ID, Var.CASE_REFERENCE, Var.TEAM_CODE,
            GrantWorkflow.Var.GRANT_ID};

    /**
     * The case variables of a set of process instances: those set on the instance itself, whose scope is the
     * instance's id. Both databases then look them up in the engine's unique (scope, name) index; by the instance
     * column, H2 chose its index on the variables' names and read every case's variables.
     */
    private static final String CASE_VARIABLES = "SELECT VAR_SCOPE_, NAME_, TYPE_, LONG_, TEXT_"
            + " FROM ACT_RU_VARIABLE WHERE VAR_SCOPE_ = ANY (?) AND NAME_ IN (?, ?, ?, ?)";

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
        Map<String, Map<String, Object>> variables = caseVariables(instances);
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

    /**
     * The case variables of the process instances, by instance and name: one fixed statement on the engine's table,
     * in the caller's transaction. The engine's variable query answers the same, but MyBatis builds its SQL from the
     * whole query mapping at every call, and the inbox asks before every task (P1: 6 % of a case flow's CPU, most of
     * it building that SQL). A value of a type the statement does not read (none of these variables has one) sends
     * the whole question to the engine's query.
     */
    private Map<String, Map<String, Object>> caseVariables(String[] instances) {
        Map<String, Map<String, Object>> variables = new HashMap<>();
        try (Connection c = holder.configuration().getDataSource().getConnection();
             PreparedStatement read = c.prepareStatement(CASE_VARIABLES)) {
            read.setArray(1, c.createArrayOf("VARCHAR", instances));
            for (int i = 0; i < CASE_VARIABLE_NAMES.length; i++) {
                read.setString(i + 2, CASE_VARIABLE_NAMES[i]);
            }
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(3);
                    Object value;
                    if ("long".equals(type) || "integer".equals(type) || "short".equals(type)) {
                        long number = rows.getLong(4);
                        value = rows.wasNull() ? null : number;
                    } else if ("string".equals(type)) {
                        value = rows.getString(5);
                    } else if ("null".equals(type)) {
                        value = null;
                    } else {
                        return caseVariablesThroughTheEngine(instances);
                    }
                    variables.computeIfAbsent(rows.getString(1), k -> new HashMap<>()).put(rows.getString(2), value);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The tasks' case variables could not be read", e);
        }
        return variables;
    }

    private Map<String, Map<String, Object>> caseVariablesThroughTheEngine(String[] instances) {
        Map<String, Map<String, Object>> variables = new HashMap<>();
        holder.engine().getRuntimeService().createVariableInstanceQuery()
                .processInstanceIdIn(instances)
                .variableNameIn(CASE_VARIABLE_NAMES)
                .list()
                .forEach(v -> variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
                        .put(v.getName(), v.getValue()));
        return variables;
    }
}
