package org.continuum.casefile.view;

import jakarta.enterprise.context.Dependent;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import org.continuum.casefile.boundary.TaskFacts;
import org.continuum.casefile.boundary.TaskInboxService;
import org.continuum.casefile.control.TaskKind;
import org.continuum.platform.view.Messages;
import org.continuum.platform.view.ViewActions;

import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;

/**
 * What every task form shares, held by each form's view: the task loaded through the inbox (so through the
 * need-to-know check) from the {@code task} view parameter, the facts the header shows, the note, and the way a form
 * finishes (the boundary's refusal shown with everything typed kept; on success, back to the inbox with a
 * confirmation). Each task kind has its own page under {@code app/tasks/} and its own view beside the boundary that
 * owns the step; {@code app/task.xhtml} only routes there.
 */
@Dependent
public class TaskForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskInboxService inbox;

    private String taskId;
    private TaskFacts task;
    private String note;

    /**
     * The page of a task kind's form: {@code PLAN_MEASURES} is {@code /app/tasks/plan-measures.xhtml}. Both closure
     * sign-offs (after relocation, in place) share one form.
     */
    public static String page(TaskKind kind) {
        TaskKind form = kind == TaskKind.SIGN_OFF_CLOSURE_IN_PLACE ? TaskKind.SIGN_OFF_CLOSURE : kind;
        return "/app/tasks/" + form.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".xhtml";
    }

    /**
     * Opens the task named by the view parameter. False (with the "not available" message) when the caller may not
     * see it or it does not exist; a task of another kind is sent to its own form.
     */
    public boolean load(TaskKind expected) {
        if (!ViewActions.run("task.notAvailable", () -> task = inbox.open(taskId))) {
            return false;
        }
        if (!page(task.kind()).equals(page(expected))) {
            String other = page(task.kind()) + "?task=" + task.task().id();
            task = null;
            redirect(other);
            return false;
        }
        return true;
    }

    /** Runs the step's boundary call; on success confirms and returns to the inbox, else shows why and stays. */
    public void complete(ViewActions.Action step) {
        if (task == null) {
            Messages.error("task.notAvailable");
            return;
        }
        ViewActions.run("task.notAvailable", () -> {
            step.run();
            Messages.info("task.completed", Messages.text("task." + task.kind().definitionKey()), task.reference());
            redirect("/app/tasks.xhtml");
        });
    }

    /** The loaded task's id: the view parameter is not posted back, so a form never trusts it on submit. */
    public String id() {
        return task.task().id();
    }

    public long caseFileId() {
        return task.caseFileId();
    }

    static void redirect(String path) {
        ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
        try {
            ctx.redirect(ctx.getRequestContextPath() + path);
        } catch (IOException e) {
            Messages.error("task.notAvailable");
        }
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public TaskFacts getTask() {
        return task;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
