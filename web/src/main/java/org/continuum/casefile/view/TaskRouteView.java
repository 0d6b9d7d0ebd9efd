package org.continuum.casefile.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.boundary.TaskFacts;
import org.continuum.casefile.boundary.TaskInboxService;
import org.continuum.platform.view.ViewActions;

import java.io.Serializable;

/**
 * {@code app/task.xhtml}: the address the inbox, the case page and older links use for any task. It opens the task
 * (need to know applies) and sends the browser to the form of its kind, or to the grant's page for grant steps.
 */
@Named
@ViewScoped
public class TaskRouteView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskInboxService inbox;

    private String taskId;

    public void route() {
        ViewActions.run("task.notAvailable", () -> {
            TaskFacts task = inbox.open(taskId);
            TaskForm.redirect(task.kind().isGrantTask()
                    // Grant steps are done on the grant's page, beside its history and the fund's rules.
                    ? "/app/grant.xhtml?id=" + task.task().grantId()
                    : TaskForm.page(task.kind()) + "?task=" + task.task().id());
        });
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }
}
