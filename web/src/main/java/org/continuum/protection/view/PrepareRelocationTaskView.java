package org.continuum.protection.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.view.TaskForm;
import org.continuum.protection.boundary.RelocationService;
import org.continuum.reference.boundary.ReferenceData;

import java.util.List;

import java.io.Serializable;

/** The relocation plan ({@code app/tasks/prepare-relocation.xhtml}): destination, partner, documents. */
@Named
@ViewScoped
public class PrepareRelocationTaskView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskForm form;

    @Inject
    RelocationService relocations;

    @Inject
    ReferenceData reference;

    @Inject
    org.continuum.relocation.boundary.RouteService routes;

    private Long partnerId;
    private String destinationCountry;
    private RelocationService.TravelDocuments travelDocuments;
    private Integer dependants = 0;
    private String securityPlan;
    private List<ReferenceData.PartnerOption> partners = List.of();

    public void load() {
        if (form.load(TaskKind.PREPARE_RELOCATION)) {
            partners = reference.partners();
            dependants = routes.travellingDependants(form.caseFileId());
        }
    }

    public void complete() {
        form.complete(() -> relocations.prepare(form.id(), new RelocationService.RelocationPlan(partnerId,
                destinationCountry, travelDocuments, dependants == null ? 0 : dependants, securityPlan)));
    }

    public List<ReferenceData.PartnerOption> getPartners() { return partners; }
    public RelocationService.TravelDocuments[] getTravelDocumentStates() { return RelocationService.TravelDocuments.values(); }
    public Long getPartnerId() { return partnerId; }
    public void setPartnerId(Long partnerId) { this.partnerId = partnerId; }
    public String getDestinationCountry() { return destinationCountry; }
    public void setDestinationCountry(String destinationCountry) { this.destinationCountry = destinationCountry; }
    public RelocationService.TravelDocuments getTravelDocuments() { return travelDocuments; }
    public void setTravelDocuments(RelocationService.TravelDocuments t) { this.travelDocuments = t; }
    public Integer getDependants() { return dependants; }
    public void setDependants(Integer dependants) { this.dependants = dependants; }
    public String getSecurityPlan() { return securityPlan; }
    public void setSecurityPlan(String securityPlan) { this.securityPlan = securityPlan; }

    public TaskForm getForm() {
        return form;
    }
}
