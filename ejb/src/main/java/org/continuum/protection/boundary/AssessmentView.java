package org.continuum.protection.boundary;

import java.io.Serializable;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.protection.control.RiskAssessments;
import org.continuum.protection.entity.RiskAssessment;
import org.continuum.protection.entity.RiskFactor;
import java.time.Instant;
import java.util.List;

/** One assessment as the case page shows it; {@code changes} are bundle keys with arguments. */
public record AssessmentView(Instant at, String by, RiskAssessment.Occasion occasion, java.math.BigDecimal score,
                             RiskLevel computed, RiskLevel chosen, String overrideReason,
                             List<RiskFactor.Factor> factors, List<String> changes) implements Serializable {
    public long count(String kind) {
        return factors.stream().filter(f -> f.kind().name().equals(kind)).count();
    }

    /** The assessments, oldest first, each with what changed since the one before. */
    static List<AssessmentView> historyOf(List<RiskAssessment> history) {
        List<AssessmentView> views = new java.util.ArrayList<>();
        RiskAssessment previous = null;
        for (RiskAssessment a : history) {
            views.add(new AssessmentView(a.getAssessedAt(), a.getAssessedBy(), a.getOccasion(), a.getScore(),
                    a.getComputedLevel(), a.getChosenLevel(), a.getOverrideReason(), a.factors(),
                    RiskAssessments.changes(previous, a)));
            previous = a;
        }
        return views;
    }
}
