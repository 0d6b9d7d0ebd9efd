package org.continuum.protection.view;

import jakarta.faces.context.ExternalContext;
import org.continuum.protection.boundary.MeasureUpdate;
import org.continuum.protection.boundary.MeasureRow;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.platform.view.ViewActions;
import org.continuum.platform.view.Messages;
import org.continuum.protection.boundary.ProtectionService;
import org.continuum.protection.entity.MeasureStatus;
import org.continuum.reference.boundary.ReferenceData;

import java.io.IOException;
import java.io.Serializable;
import java.util.OptionalLong;
import java.time.LocalDate;
import java.util.List;

/** One measure of a case's plan as it happens: status, who provides it, dates, outcome and effectiveness. */
@Named
@ViewScoped
public class MeasureView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ProtectionService protection;

    @Inject
    ReferenceData reference;

    private String caseId;
    private String measureId;
    private long caseFileId;
    private MeasureRow measure;
    private MeasureStatus status;
    private Long providerId;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private String outcome;
    private Integer effectiveness;
    private List<ReferenceData.PartnerOption> providers = List.of();

    public void load() {
        OptionalLong id = ViewActions.id(measureId);
        if (!ViewActions.load("case.notAvailable", id.isPresent() ? caseId : null, caseKey -> {
            caseFileId = caseKey;
            measure = protection.plan(caseFileId).stream().filter(m -> m.id() == id.getAsLong()).findFirst().orElse(null);
            if (measure == null) {
                Messages.error("plan.measure.unknown");
                return;
            }
            providers = reference.partners();
            status = measure.status();
            providerId = measure.details().providerId();
            startsOn = measure.details().startsOn();
            endsOn = measure.details().endsOn();
            outcome = measure.details().outcome();
            effectiveness = measure.details().effectiveness();
        })) {
            measure = null;
        }
    }

    public void save() throws IOException {
        if (measure == null) {
            return;
        }
        ViewActions.run("case.notAvailable", () -> {
            protection.updateMeasure(caseFileId, measure.id(), new MeasureUpdate(status, providerId,
                    startsOn, endsOn, outcome, effectiveness));
            Messages.info("measure.saved");
            ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
            ctx.redirect(ctx.getRequestContextPath() + "/app/case.xhtml?id=" + caseFileId);
        });
    }

    public MeasureStatus[] getStatuses() {
        return MeasureStatus.values();
    }

    public String getCaseId() {
        return caseId;
    }

    public void setCaseId(String caseId) {
        this.caseId = caseId;
    }

    public String getMeasureId() {
        return measureId;
    }

    public void setMeasureId(String measureId) {
        this.measureId = measureId;
    }

    public long getCaseFileId() {
        return caseFileId;
    }

    public MeasureRow getMeasure() {
        return measure;
    }

    public MeasureStatus getStatus() {
        return status;
    }

    public void setStatus(MeasureStatus status) {
        this.status = status;
    }

    public Long getProviderId() {
        return providerId;
    }

    public void setProviderId(Long providerId) {
        this.providerId = providerId;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public Integer getEffectiveness() {
        return effectiveness;
    }

    public void setEffectiveness(Integer effectiveness) {
        this.effectiveness = effectiveness;
    }

    public List<ReferenceData.PartnerOption> getProviders() {
        return providers;
    }
}
