package org.continuum.protection.boundary;

import org.continuum.protection.entity.RiskFactor;
import java.util.List;

/** The threats, vulnerabilities and capacities, and why the mentor's level differs from the formula's. */
public record RiskAnalysis(List<RiskFactor.Factor> factors, String overrideReason) {
    @Override
    public String toString() {
        return "RiskAnalysis[" + (factors == null ? 0 : factors.size()) + " factors]";
    }

    static List<RiskFactor.Factor> factorsOf(RiskAnalysis analysis) {
        return analysis == null || analysis.factors() == null ? List.of() : analysis.factors();
    }

    static String reasonOf(RiskAnalysis analysis) {
        return analysis == null ? null : analysis.overrideReason();
    }
}
