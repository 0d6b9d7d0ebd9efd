package org.continuum.protection.boundary;

import org.continuum.casefile.entity.RiskLevel;

/** A level (optional when factors are given: the formula's is used) with a note and the structured analysis. */
public record Assessment(RiskLevel level, String note, RiskAnalysis analysis) {

    public Assessment(RiskLevel level, String note) {
        this(level, note, null);
    }

    @Override
    public String toString() {
        return "Assessment[" + level + "]";
    }
}
