package org.continuum.protection.boundary;

import org.continuum.protection.entity.EvidenceKind;

public record EvidenceGiven(int step, EvidenceKind kind, String reason) {
    @Override
    public String toString() {
        return "EvidenceGiven[" + step + "," + kind + "]";
    }
}
