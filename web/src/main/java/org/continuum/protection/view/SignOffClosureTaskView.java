package org.continuum.protection.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.view.TaskForm;
import org.continuum.platform.view.Messages;
import org.continuum.protection.boundary.RelocationService;

import java.io.Serializable;

/** The closure sign-off by a second coordinator ({@code app/tasks/sign-off-closure.xhtml}). */
@Named
@ViewScoped
public class SignOffClosureTaskView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskForm form;

    @Inject
    RelocationService relocations;

    private Boolean approve;

    public void load() {
        form.load(TaskKind.SIGN_OFF_CLOSURE);
    }

    public void complete() {
        if (approve == null) {
            Messages.error("closure.decision.required");
            return;
        }
        form.complete(() -> relocations.signOffClosure(form.id(), approve, form.getNote()));
    }

    public Boolean getApprove() {
        return approve;
    }

    public void setApprove(Boolean approve) {
        this.approve = approve;
    }

    public TaskForm getForm() {
        return form;
    }
}
