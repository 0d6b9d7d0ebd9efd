package org.continuum.intake.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.control.CaseAccessDenied;
import org.continuum.casefile.control.InvalidInput;
import org.continuum.casefile.entity.Urgency;
import org.continuum.intake.boundary.TriageService;
import org.continuum.platform.view.Messages;

import java.io.IOException;
import java.io.Serializable;

/** The triage task form, loaded from the {@code task} view parameter. */
@Named
@ViewScoped
public class TriageView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TriageService triage;

    private String taskId;
    private TriageService.TriageTask task;
    private Boolean eligible;
    private Urgency urgency;
    private String note;

    public void load() {
        try {
            task = triage.open(taskId);
            urgency = task.urgency();
        } catch (CaseAccessDenied denied) {
            Messages.error("task.notAvailable");
        }
    }

    public void complete() throws IOException {
        if (task == null) {
            Messages.error("task.notAvailable");
            return;
        }
        if (eligible == null) {
            Messages.error("triage.eligible.required");
            return;
        }
        try {
            triage.complete(task.task().id(), new TriageService.TriageDecision(eligible, urgency, note));
            Messages.info("triage.completed", task.reference());
            ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
            ctx.redirect(ctx.getRequestContextPath() + "/app/tasks.xhtml");
        } catch (InvalidInput refused) {
            Messages.error(refused.messageKey());
        } catch (CaseAccessDenied denied) {
            Messages.error("task.notAvailable");
        }
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public TriageService.TriageTask getTask() {
        return task;
    }

    public Boolean getEligible() {
        return eligible;
    }

    public void setEligible(Boolean eligible) {
        this.eligible = eligible;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public void setUrgency(Urgency urgency) {
        this.urgency = urgency;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
