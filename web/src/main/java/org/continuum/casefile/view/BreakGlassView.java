package org.continuum.casefile.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.boundary.BreakGlassService;
import org.continuum.identity.boundary.ReauthenticationService;
import org.continuum.identity.view.StepUpForm;
import org.continuum.platform.view.Messages;
import org.continuum.platform.view.ViewActions;

import java.io.Serializable;
import java.util.List;

/**
 * Break-glass ({@code app/break-glass.xhtml}): the form that opens a case file outside one's need to know in an
 * emergency (reference, reason, step-up), the caller's running accesses, and for coordinators the requests to act on
 * their team's case files that wait for their confirmation.
 */
@Named
@ViewScoped
public class BreakGlassView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    BreakGlassService breakGlass;

    @Inject
    ReauthenticationService reauth;

    private final StepUpForm stepUp = new StepUpForm();

    private String reference;
    private String reason;
    private boolean wantsToAct;

    public void open() {
        if (!stepUp.passed(breakGlass.stepUpNeeded(), reauth, "breakglass.reauth.failed")) {
            return;
        }
        ViewActions.run(() -> {
            long caseFileId = breakGlass.open(reference, reason, wantsToAct);
            Messages.info("breakglass.opened");
            TaskForm.redirect("/app/case.xhtml?id=" + caseFileId);
        });
    }

    public void confirm(long breakGlassId) {
        if (ViewActions.run(() -> breakGlass.confirm(breakGlassId))) {
            Messages.info("breakglass.confirmed");
        }
    }

    public boolean isStepUpNeeded() {
        return breakGlass.stepUpNeeded();
    }

    public List<BreakGlassService.Access> getMine() {
        return breakGlass.mine();
    }

    public List<BreakGlassService.Access> getAwaiting() {
        return breakGlass.awaitingMyConfirmation();
    }

    public StepUpForm getStepUp() {
        return stepUp;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public boolean isWantsToAct() {
        return wantsToAct;
    }

    public void setWantsToAct(boolean wantsToAct) {
        this.wantsToAct = wantsToAct;
    }
}
