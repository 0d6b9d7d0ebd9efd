package org.continuum.protection.view;

import org.continuum.casefile.entity.RiskLevel;
import org.continuum.protection.boundary.RiskAnalysis;
import org.continuum.protection.boundary.Assessment;
import org.continuum.protection.boundary.ProtectionService;
import org.continuum.protection.entity.ThreatCategory;

import java.io.Serializable;

/**
 * The risk part of the assessment, reassessment and reassessment-in-exile forms: the level the mentor sets (empty
 * takes the formula's) and the structured analysis (threats, vulnerabilities, capacities). Held by each of those
 * views; the page part is {@code WEB-INF/includes/risk-analysis.xhtml}.
 */
public class RiskForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private RiskLevel riskLevel;
    private final RiskRows risk = new RiskRows();

    /** A reassessment starts from the previous factors, and from no level (the formula's unless changed). */
    public void startFromLatest(ProtectionService protection, long caseFileId) {
        risk.prefill(protection.latestFactors(caseFileId));
        riskLevel = null;
    }

    public Assessment assessment(String note) {
        return new Assessment(riskLevel, note, analysis());
    }

    public RiskAnalysis analysis() {
        return new RiskAnalysis(risk.given(), risk.getOverrideReason());
    }

    public RiskLevel getRiskLevel() {
        return riskLevel;
    }

    public void setRiskLevel(RiskLevel riskLevel) {
        this.riskLevel = riskLevel;
    }

    /** The one-click "country situation" threat (see {@link RiskRows#addThreat}). */
    public void addCountryThreat(String summary) {
        if (risk.addThreat(summary)) {
            org.continuum.platform.view.Messages.info("country.threat.added");
        }
    }

    public RiskRows getRisk() {
        return risk;
    }

    public RiskLevel[] getRiskLevels() {
        return RiskLevel.values();
    }

    public ThreatCategory[] getThreatCategories() {
        return ThreatCategory.values();
    }
}
