package org.continuum.protection.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.view.TaskForm;
import org.continuum.identity.boundary.ReauthenticationService;
import org.continuum.platform.view.Messages;
import org.continuum.platform.view.ViewActions;
import org.continuum.protection.boundary.EscalationService;

import java.io.Serializable;

/** The four-eyes approval of a relocation proposal ({@code app/tasks/approve-escalation.xhtml}). */
@Named
@ViewScoped
public class ApproveEscalationTaskView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskForm form;

    @Inject
    EscalationService escalations;

    @Inject
    ReauthenticationService reauth;

    private String password;
    private String code;

    private EscalationService.ProposalView proposal;
    private Boolean approve;

    public void load() {
        if (form.load(TaskKind.APPROVE_ESCALATION)) {
            proposal = escalations.proposal(form.id());
        }
    }

    public void complete() {
        if (approve == null) {
            Messages.error("escalation.decision.required");
            return;
        }
        if (approve && !steppedUp()) {
            return;
        }
        form.complete(() -> escalations.decide(form.id(), approve, form.getNote()));
    }

    /** Approving a relocation is a step-up action: password and a fresh code, unless typed minutes ago. */
    private boolean steppedUp() {
        char[] typed = password == null ? new char[0] : password.toCharArray();
        String typedCode = code;
        password = null;
        code = null;
        if (!escalations.stepUpNeeded()) {
            return true;
        }
        if (!reauth.reauthenticate(typed, typedCode)) {
            Messages.error("grant.reauth.failed");
            return false;
        }
        ViewActions.renewSessionId();
        return true;
    }

    public boolean isStepUpNeeded() {
        return escalations.stepUpNeeded();
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public EscalationService.ProposalView getProposal() {
        return proposal;
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
