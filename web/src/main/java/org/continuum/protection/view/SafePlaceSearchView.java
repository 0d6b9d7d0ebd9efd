package org.continuum.protection.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.platform.view.ViewActions;
import org.continuum.platform.view.Messages;
import org.continuum.protection.boundary.SafePlaceMeasures;
import org.continuum.safeplace.boundary.SafePlaceService;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** Finds vetted safe places in the requester's country and area (no addresses) and records one for the case. */
@Named
@ViewScoped
public class SafePlaceSearchView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SafePlaceMeasures safePlaces;

    private String caseId;
    private long caseFileId;
    private String area;
    private String note;
    private List<SafePlaceService.PlaceOption> results;

    public void load() {
        ViewActions.load("case.notAvailable", caseId, id -> {
            caseFileId = id;
            search();
        });
    }

    public void search() {
        if (!ViewActions.run("case.notAvailable", () -> results = safePlaces.near(caseFileId, area))) {
            results = null;
        }
    }

    public void record(long placeId) throws IOException {
        ViewActions.run("case.notAvailable", () -> {
            safePlaces.recordForCase(caseFileId, placeId, note);
            Messages.info("safePlace.recorded");
            ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
            ctx.redirect(ctx.getRequestContextPath() + "/app/case.xhtml?id=" + caseFileId);
        });
    }

    public String getCaseId() {
        return caseId;
    }

    public void setCaseId(String caseId) {
        this.caseId = caseId;
    }

    public long getCaseFileId() {
        return caseFileId;
    }

    public String getArea() {
        return area;
    }

    public void setArea(String area) {
        this.area = area;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public List<SafePlaceService.PlaceOption> getResults() {
        return results;
    }
}
