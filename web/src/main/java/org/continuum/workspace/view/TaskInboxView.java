package org.continuum.workspace.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.platform.view.ViewActions;
import org.continuum.casefile.boundary.TaskInboxService;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.control.WorkTask;
import org.continuum.platform.view.Messages;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The task inbox: open tasks for the viewer's roles, overdue ones highlighted; claim, release, reassign. */
@Named
@ViewScoped
public class TaskInboxView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskInboxService inbox;

    @Inject
    SessionViewAccess session;

    private List<WorkTask> tasks;
    private final Map<String, String> reassignTo = new ConcurrentHashMap<>();
    private final Map<String, List<TaskInboxService.StaffMember>> candidates = new ConcurrentHashMap<>();

    public List<WorkTask> getTasks() {
        if (tasks == null) {
            tasks = inbox.myTasks();
        }
        return tasks;
    }

    public boolean overdue(WorkTask task) {
        return task.isOverdue(Instant.now());
    }

    public boolean mine(WorkTask task) {
        return session.username().equals(task.assignee());
    }

    public boolean mentorTask(WorkTask task) {
        return TaskKind.of(task.definitionKey()).map(TaskKind::isForAssignedMentor).orElse(false);
    }

    /** Whether the viewer can work on the task at all (holds its role); coordinators also see tasks to reassign. */
    public boolean doable(WorkTask task) {
        return TaskKind.of(task.definitionKey()).map(k -> session.hasRole(k.role().name())).orElse(false)
                && (task.assignee() == null || mine(task));
    }

    public List<TaskInboxService.StaffMember> candidatesFor(WorkTask task) {
        return candidates.computeIfAbsent(task.definitionKey(), key -> TaskKind.of(key)
                .map(k -> inbox.teamMembers(k.role())).orElse(List.of()));
    }

    public void claim(WorkTask task) {
        act(() -> inbox.claim(task.id()), "tasks.claimed", task);
    }

    public void release(WorkTask task) {
        act(() -> inbox.release(task.id()), "tasks.released", task);
    }

    public void reassign(WorkTask task) {
        String target = reassignTo.get(task.id());
        if (target == null || target.isBlank()) {
            Messages.error("tasks.reassign.invalidUser");
            return;
        }
        act(() -> inbox.reassign(task.id(), target), "tasks.reassigned", task);
    }

    private void act(Runnable action, String doneKey, WorkTask task) {
        ViewActions.run("task.notAvailable", () -> {
            action.run();
            Messages.info(doneKey, task.caseReference());
        });
        tasks = null;
    }

    public Map<String, String> getReassignTo() {
        return reassignTo;
    }
}
