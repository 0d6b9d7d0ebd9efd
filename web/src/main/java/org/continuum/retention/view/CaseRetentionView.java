package org.continuum.retention.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.workspace.view.CaseView;
import org.continuum.identity.boundary.ReauthenticationService;
import org.continuum.identity.view.SessionView;
import org.continuum.identity.view.StepUpForm;
import org.continuum.platform.view.Messages;
import org.continuum.platform.view.ViewActions;
import org.continuum.retention.boundary.RetentionService;

import java.io.IOException;
import java.io.Serializable;

/**
 * The case page's retention panel for coordinators: the legal hold, the rule and due date of a closed case file,
 * its one extension, and the erasure request with the second coordinator's decision (after a step-up).
 */
@Named
@ViewScoped
public class CaseRetentionView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RetentionService retention;

    @Inject
    ReauthenticationService reauth;

    @Inject
    CaseView caseView;

    @Inject
    SessionView session;

    private final StepUpForm stepUp = new StepUpForm();
    private RetentionService.Desk desk;
    private boolean loaded;
    private String reason;

    /**
     * The panel's facts, or null for a caller who is not a coordinator, or who reads the case file through an
     * emergency access (break-glass): retention is its own team's business.
     */
    public RetentionService.Desk getDesk() {
        if (!loaded && session.isCoordinator() && caseView.getDetails() != null
                && caseView.getEmergencyUntil() == null) {
            loaded = true;
            ViewActions.run(() -> desk = retention.desk(caseView.getDetails().id()));
        }
        return desk;
    }

    private long caseFileId() {
        return caseView.getDetails().id();
    }

    public void setHold() {
        act(() -> retention.setHold(caseFileId(), reason), "retention.hold.saved");
    }

    public void liftHold() {
        act(() -> retention.liftHold(caseFileId(), reason), "retention.hold.lifted");
    }

    public void extend() {
        act(() -> retention.extend(caseFileId(), reason), "retention.extension.saved");
    }

    public void requestErasure() {
        act(() -> retention.requestErasure(caseFileId(), reason), "retention.erasure.requested");
    }

    /** The second coordinator's decision: password and code first when the last step-up is not fresh. */
    public void decide(long erasureId, boolean erase) {
        RetentionService.Desk current = getDesk();
        if (current == null
                || !stepUp.passed(current.stepUpNeeded(), reauth, "retention.erasure.reauth.failed")) {
            return;
        }
        act(() -> retention.decideErasure(erasureId, erase),
                erase ? "retention.erasure.done" : "retention.erasure.rejected");
    }

    private void act(Runnable action, String doneKey) {
        if (caseView.getDetails() == null) {
            return;
        }
        long caseFileId = caseFileId();
        if (ViewActions.run(action::run)) {
            Messages.info(doneKey);
            reason = null;
            // A fresh page: after an erasure every panel of the case must show what is left, not what was.
            ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
            try {
                ctx.redirect(ctx.getRequestContextPath() + "/app/case.xhtml?id=" + caseFileId);
            } catch (IOException e) {
                Messages.error("task.notAvailable");
            }
        }
        loaded = false;
        desk = null;
    }

    public StepUpForm getStepUp() {
        return stepUp;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
