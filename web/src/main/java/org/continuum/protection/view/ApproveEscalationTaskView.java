package org.continuum.protection.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.view.TaskForm;
import org.continuum.identity.boundary.ReauthenticationService;
import org.continuum.identity.view.StepUpForm;
import org.continuum.platform.view.Messages;
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

    private final StepUpForm stepUp = new StepUpForm();

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
        // Approving a relocation is a step-up action (rejecting one is not).
        if (approve && !stepUp.passed(escalations.stepUpNeeded(), reauth, "grant.reauth.failed")) {
            return;
        }
        form.complete(() -> escalations.decide(form.id(), approve, form.getNote()));
    }

    public boolean isStepUpNeeded() {
        return escalations.stepUpNeeded();
    }

    public StepUpForm getStepUp() {
        return stepUp;
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
