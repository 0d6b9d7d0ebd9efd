package org.continuum.protection.boundary;

import org.continuum.casefile.entity.Outcome;
import org.continuum.casefile.entity.RiskLevel;
import java.util.List;

public record Reassessment(RiskLevel level, String note, ReassessmentDecision decision, Outcome outcome,
                           List<MeasureChange> changes, EscalationProposal proposal, RiskAnalysis analysis) {

    public Reassessment(RiskLevel level, String note, ReassessmentDecision decision, Outcome outcome,
                        List<MeasureChange> changes, EscalationProposal proposal) {
        this(level, note, decision, outcome, changes, proposal, null);
    }

    @Override
    public String toString() {
        return "Reassessment[" + level + "," + decision + "]";
    }
}
