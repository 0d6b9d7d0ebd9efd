package org.continuum.casefile.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.boundary.CaseDetails;
import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.casefile.control.CaseAccessDenied;
import org.continuum.platform.view.Messages;

import java.io.Serializable;

/** One case file, loaded from the {@code id} view parameter through the need-to-know check. */
@Named
@ViewScoped
public class CaseView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseFileService cases;

    private String id;
    private CaseDetails details;

    public void load() {
        long caseFileId;
        try {
            caseFileId = Long.parseLong(id == null ? "" : id.strip());
        } catch (NumberFormatException e) {
            Messages.error("case.notAvailable");
            return;
        }
        try {
            details = cases.view(caseFileId);
        } catch (CaseAccessDenied denied) {
            Messages.error("case.notAvailable");
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public CaseDetails getDetails() {
        return details;
    }
}
