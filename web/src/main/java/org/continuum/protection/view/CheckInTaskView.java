package org.continuum.protection.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.view.TaskForm;
import org.continuum.casefile.entity.Outcome;
import org.continuum.protection.boundary.RelocationService;
import org.continuum.reference.boundary.ReferenceData;

import java.util.Arrays;
import java.util.List;

import java.io.Serializable;

/** A check-in in exile ({@code app/tasks/check-in.xhtml}): residual threat, follow-ups, handover, closure. */
@Named
@ViewScoped
public class CheckInTaskView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskForm form;

    @Inject
    RelocationService relocations;

    @Inject
    ReferenceData reference;

    private boolean residualThreat;
    private boolean psychosocialFollowUp;
    private boolean digitalFollowUp;
    private Long handoverPartnerId;
    private Outcome closeWith;
    private List<ReferenceData.PartnerOption> partners = List.of();

    public void load() {
        if (form.load(TaskKind.CHECK_IN)) {
            partners = reference.partners();
        }
    }

    public void complete() {
        form.complete(() -> relocations.checkIn(form.id(), new RelocationService.CheckIn(residualThreat,
                psychosocialFollowUp, digitalFollowUp, handoverPartnerId, form.getNote(), closeWith)));
    }

    public List<Outcome> getClosureOutcomes() {
        return Arrays.stream(Outcome.values()).filter(Outcome::isChosenAtClosure).toList();
    }

    public List<ReferenceData.PartnerOption> getPartners() { return partners; }
    public boolean isResidualThreat() { return residualThreat; }
    public void setResidualThreat(boolean residualThreat) { this.residualThreat = residualThreat; }
    public boolean isPsychosocialFollowUp() { return psychosocialFollowUp; }
    public void setPsychosocialFollowUp(boolean v) { this.psychosocialFollowUp = v; }
    public boolean isDigitalFollowUp() { return digitalFollowUp; }
    public void setDigitalFollowUp(boolean digitalFollowUp) { this.digitalFollowUp = digitalFollowUp; }
    public Long getHandoverPartnerId() { return handoverPartnerId; }
    public void setHandoverPartnerId(Long handoverPartnerId) { this.handoverPartnerId = handoverPartnerId; }
    public Outcome getCloseWith() { return closeWith; }
    public void setCloseWith(Outcome closeWith) { this.closeWith = closeWith; }

    public TaskForm getForm() {
        return form;
    }
}
