package org.continuum.casefile.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.boundary.TaskInboxService;
import org.continuum.casefile.control.WorkTask;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** The task inbox: open tasks on the viewer's team's case files, overdue ones highlighted. */
@Named
@ViewScoped
public class TaskInboxView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskInboxService inbox;

    private List<WorkTask> tasks;

    public List<WorkTask> getTasks() {
        if (tasks == null) {
            tasks = inbox.myTasks();
        }
        return tasks;
    }

    public boolean overdue(WorkTask task) {
        return task.isOverdue(Instant.now());
    }

    /** The form page that handles a task, by its BPMN id. */
    public String formOf(WorkTask task) {
        return "Task_Triage".equals(task.definitionKey()) ? "triage.xhtml" : "case.xhtml";
    }
}
