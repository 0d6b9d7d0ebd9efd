package org.continuum.workspace.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.boundary.CaseDetails;
import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.grant.boundary.GrantService;
import org.continuum.grant.boundary.GrantSummary;
import org.continuum.platform.view.Messages;
import org.continuum.platform.view.ViewActions;
import org.continuum.protection.boundary.AssessmentView;
import org.continuum.protection.boundary.MeasureRow;
import org.continuum.protection.boundary.ProtectionService;
import org.continuum.protection.view.RiskTrend;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One case file, loaded from the {@code id} view parameter through the need-to-know check: facts, protection plan,
 * timeline, the process diagram with the current position, and the report of a new threat.
 */
@Named
@ViewScoped
public class CaseView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseFileService cases;

    @Inject
    ProtectionService protection;

    @Inject
    GrantService grantService;

    private String id;
    private CaseDetails details;
    private List<MeasureRow> plan = List.of();
    private String diagramDefinition;
    private String threatNote;
    private List<GrantSummary> grants = List.of();
    private List<AssessmentView> riskHistory = List.of();
    private RiskTrend riskTrend;
    private Instant emergencyUntil;

    public void load() {
        if (!ViewActions.load("case.notAvailable", id, caseFileId -> {
            details = cases.view(caseFileId);
            emergencyUntil = cases.emergencyAccessUntil(caseFileId).orElse(null);
            plan = protection.plan(caseFileId);
            diagramDefinition = details.processDefinitionId();
            grants = grantService.ofCase(caseFileId);
            riskHistory = protection.riskHistory(caseFileId);
            riskTrend = new RiskTrend(riskHistory, plan,
                    jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage(),
                    Instant.now());
        })) {
            details = null;
        }
    }

    public void reportThreat() {
        if (details == null) {
            return;
        }
        ViewActions.run("case.notAvailable", () -> {
            boolean reassessing = protection.reportNewThreat(details.id(), threatNote);
            Messages.info(reassessing ? "threat.reported.reassessing" : "threat.reported.recorded");
            threatNote = null;
            load();
        });
    }

    /** Until when the reader sees this case file under their emergency access (null: by need to know). */
    public Instant getEmergencyUntil() {
        return emergencyUntil;
    }

    public List<AssessmentView> getRiskHistory() {
        return riskHistory;
    }

    public RiskTrend getRiskTrend() {
        return riskTrend;
    }

    /** A change since the previous assessment, in the reader's language. */
    public String change(String key) {
        return Messages.format(key);
    }

    public List<GrantSummary> getGrants() {
        return grants;
    }

    public String getActiveSteps() {
        return details == null ? "" : String.join(",", details.activeSteps());
    }

    public String getPassedSteps() {
        return details == null ? "" : String.join(",", details.passedSteps());
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

    public List<MeasureRow> getPlan() {
        return plan;
    }

    public String getDiagramDefinition() {
        return diagramDefinition;
    }

    public String getThreatNote() {
        return threatNote;
    }

    public void setThreatNote(String threatNote) {
        this.threatNote = threatNote;
    }
}
